import type { SecretsService } from '@portico/plugin-api';
import { interpolateEnv } from '../config/portico-config';

/** `github-token` → `PORTICO_SECRET_GITHUB_TOKEN` */
export function secretEnvName(name: string): string {
  return `PORTICO_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * Secrets by name: the config's `secrets` section (with `${ENV}` interpolation) overridden
 * by `PORTICO_SECRET_<NAME>` environment variables.
 */
export function createSecretsStore(configured: Record<string, string> = {}, env: NodeJS.ProcessEnv = process.env): SecretsService {
  return {
    async get(name: string): Promise<string | undefined> {
      const fromEnv = env[secretEnvName(name)];
      if (fromEnv !== undefined) return fromEnv;
      const value = configured[name];
      return value === undefined ? undefined : interpolateEnv(value, env);
    },
  };
}
