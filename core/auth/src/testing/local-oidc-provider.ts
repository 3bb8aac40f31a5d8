import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface LocalOidcUser {
  /** The account id: `sub` and `preferred_username`. */
  id: string;
  name?: string;
  email?: string;
  groups?: string[];
}

export interface LocalOidcClient {
  client_id: string;
  client_secret?: string;
  /** Default `['http://127.0.0.1/api/v1/auth/callback']`: any port is accepted (a native client, RFC 8252). */
  redirect_uris?: string[];
  token_endpoint_auth_method?: 'client_secret_post' | 'client_secret_basic' | 'none';
}

export interface LocalOidcProvider {
  /** `http://127.0.0.1:<port>`: the value for `auth.oidc.issuer`. */
  issuer: string;
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (the `oidc-provider` package) on a free 127.0.0.1 port,
 * in a child process (it is ESM-only; jest runs CommonJS). Its sign-in page is a form with one
 * field, "User name", and a "Sign in" button: posting a listed user's id signs them in and
 * grants the requested scopes, with no consent step.
 */
export async function startLocalOidcProvider(options: { users: LocalOidcUser[]; clients: LocalOidcClient[] }): Promise<LocalOidcProvider> {
  const clients = options.clients.map((client) => ({
    application_type: 'native',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/api/v1/auth/callback'],
    token_endpoint_auth_method: client.client_secret ? 'client_secret_post' : 'none',
    ...client,
  }));
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'local-oidc-provider-server.mjs'), JSON.stringify({ users: options.users, clients })], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`The local OpenID Connect provider did not start within 15 s: ${stderr}`)), 15_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { issuer: string }).issuer);
      } catch {
        reject(new Error(`The local OpenID Connect provider said "${line}" instead of its issuer: ${stderr}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The local OpenID Connect provider exited (${code}): ${stderr}`));
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
