import type { Identity } from '@portico/plugin-api';

/** The server's rule (POST /tokens): people make tokens; the guest, machines and API tokens do not. */
export function mayMakeTokens(me: Identity | undefined): boolean {
  return Boolean(me && me.kind === 'user' && !me.isGuest && (me.via === 'session' || me.via === 'config-token'));
}
