import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StateStore } from '../state/state-store';

/**
 * Every callback token starts with this, so the credential sources can tell it apart cheaply.
 * @public
 */
export const RUN_TOKEN_PREFIX = 'prt_';

/** The state key of the portal's run-token key (created once, shared by every instance). */
const KEY = 'run-token-key';

/**
 * Makes and checks per-run callback tokens: `prt_<runId>.<HMAC-SHA256(runId)>` under a key
 * the portal creates once in its state store. Nothing per run is stored: the run id inside
 * the token says which run it is for, and the MAC proves the portal issued it.
 * @public
 */
export class RunTokenSigner {
  private constructor(private readonly key: Buffer) {}

  /** The first instance to start creates the key (`setIfAbsent`); every other one reads the same key. */
  static async open(state: Pick<StateStore, 'get' | 'setIfAbsent'>): Promise<RunTokenSigner> {
    await state.setIfAbsent(KEY, randomBytes(32).toString('base64url'));
    const key = await state.get(KEY);
    if (!key) throw new Error('The run-token key could not be read back from the state store.');
    return new RunTokenSigner(Buffer.from(key, 'base64url'));
  }

  private mac(runId: string): Buffer {
    return createHmac('sha256', this.key).update(`run-token:${runId}`).digest();
  }

  /** The callback token of one run. */
  issue(runId: string): string {
    return `${RUN_TOKEN_PREFIX}${runId}.${this.mac(runId).toString('base64url')}`;
  }

  /** The run id a token was issued for, or null when it is not one this portal issued. */
  runIdOf(token: string): string | null {
    if (!token.startsWith(RUN_TOKEN_PREFIX)) return null;
    const dot = token.lastIndexOf('.');
    if (dot <= RUN_TOKEN_PREFIX.length) return null;
    const runId = token.slice(RUN_TOKEN_PREFIX.length, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = this.mac(runId);
    return given.length === expected.length && timingSafeEqual(given, expected) ? runId : null;
  }
}
