import { ValidationError } from '@portico/plugin-api';
import type { AuthConfig } from '@portico/auth';
import { interpolateEnv } from './portico-config';

/**
 * The sign-in settings with `${NAME}` replaced from the environment, so one config file serves
 * every environment and the client secret never sits in it (app-template/portico.production.yaml).
 * A required setting that is empty once replaced names the variable to set.
 */
export function authFromEnv(auth: AuthConfig | undefined, env: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (!auth?.oidc) return auth ?? {};
  const oidc = { ...auth.oidc };
  for (const key of ['issuer', 'clientId', 'clientSecret'] as const) {
    const raw = oidc[key];
    if (raw === undefined) continue;
    const value = interpolateEnv(raw, env);
    if (value === '' && key !== 'clientSecret') {
      const names = [...raw.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]);
      throw new ValidationError(`auth.oidc.${key} is empty${names.length ? `: set the environment variable ${names.join(', ')}` : ''}.`, [{ pointer: `/auth/oidc/${key}`, message: 'is empty' }]);
    }
    if (value === '') delete oidc[key];
    else oidc[key] = value;
  }
  return { ...auth, oidc };
}

/** `portal.publicUrl` with `${NAME}` replaced; undefined when unset or empty. */
export function publicUrlFromEnv(publicUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return publicUrl ? interpolateEnv(publicUrl, env) || undefined : undefined;
}
