import { existsSync } from 'node:fs';
import { readPortalContext } from '../../plugins/install/portal-context';
import { findRunningPortal } from '../plugin/running-portal';
import type { PortalClient } from './write-entities-through-api';

export interface PortalClientOptions {
  configPath: string;
  url?: string;
  token?: string;
}

/**
 * The portal a catalog command writes to, and its token: --url, else the portal running on
 * the config's folder; --token, else PORTICO_TOKEN. Null (with the reason printed) when either is missing.
 */
export async function resolvePortalClient(options: PortalClientOptions, printError: (line: string) => void, doing = 'import into'): Promise<PortalClient | null> {
  const url = options.url ?? (existsSync(options.configPath) ? findRunningPortal((await readPortalContext(options.configPath)).dataDir)?.url : undefined);
  if (!url) {
    printError(`No portal to ${doing}: pass --url <portal url>, or start the portal for ${options.configPath} ("portico start"). --dry-run only prints the report.`);
    return null;
  }
  const token = options.token ?? process.env.PORTICO_TOKEN;
  if (!token) {
    printError('An API token is needed to write entities: pass --token <token> or set PORTICO_TOKEN (a token with entity write permission, from auth.tokens or the Tokens page).');
    return null;
  }
  return { url: url.replace(/\/$/, ''), token };
}
