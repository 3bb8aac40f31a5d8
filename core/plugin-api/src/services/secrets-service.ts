/**
 * Secrets from the environment or the config's `secrets` section; values are never logged.
 * @public
 */
export interface SecretsService {
  get(name: string): Promise<string | undefined>;
}
