/** A verdaccio registry started by startLocalRegistry. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** An npm userconfig file with the registry and a publish token. */
  npmrc: string;
  /** Environment variables that point any npm command at the registry and the token. */
  env: Record<string, string>;
  stop(): Promise<void>;
}
export function startLocalRegistry(): Promise<LocalRegistry>;
export function freePort(): Promise<number>;
