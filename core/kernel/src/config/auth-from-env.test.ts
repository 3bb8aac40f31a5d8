import { authFromEnv, publicUrlFromEnv } from './auth-from-env';

test('replaces ${NAME} in the sign-in settings from the environment', () => {
  const env = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'portal', OIDC_CLIENT_SECRET: 's3cret', PUBLIC_URL: 'https://portal.example.com' };
  const auth = authFromEnv({ guest: false, oidc: { issuer: '${OIDC_ISSUER}', clientId: '${OIDC_CLIENT_ID}', clientSecret: '${OIDC_CLIENT_SECRET}', groupsAsTeams: true } }, env);
  expect(auth).toEqual({ guest: false, oidc: { issuer: 'https://login.example.com', clientId: 'portal', clientSecret: 's3cret', groupsAsTeams: true } });
  expect(publicUrlFromEnv('${PUBLIC_URL}', env)).toBe('https://portal.example.com');
  expect(publicUrlFromEnv('${PUBLIC_URL}', {})).toBeUndefined();
  // No secret: a public client (PKCE only).
  expect(authFromEnv({ oidc: { issuer: 'https://x.example', clientId: 'p', clientSecret: '${NONE}' } }, {}).oidc).toEqual({ issuer: 'https://x.example', clientId: 'p' });
  expect(authFromEnv(undefined, env)).toEqual({});
});

test('names the variable to set when a required setting comes out empty', () => {
  expect(() => authFromEnv({ oidc: { issuer: '${OIDC_ISSUER}', clientId: 'portal' } }, {})).toThrow('auth.oidc.issuer is empty: set the environment variable OIDC_ISSUER.');
});

test("the app template's production config has no guest and signs people in with OIDC from the environment", async () => {
  const { loadConfigFile } = await import('./portico-config');
  const { join } = await import('node:path');
  const { config } = await loadConfigFile(join(__dirname, '..', '..', '..', '..', 'app-template', 'portico.production.yaml'));
  expect(config.auth?.guest).toBe(false);
  const env = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'portal', OIDC_CLIENT_SECRET: 'x' };
  expect(authFromEnv(config.auth, env).oidc).toMatchObject({ issuer: 'https://login.example.com', clientId: 'portal', clientSecret: 'x' });
  expect(() => authFromEnv(config.auth, {})).toThrow(/set the environment variable OIDC_ISSUER/);
  const demo = await loadConfigFile(join(__dirname, '..', '..', '..', '..', 'app-template', 'portico.config.yaml'));
  expect(demo.config.auth?.guest).toBe(true);
});
