/**
 * The plugin's own section of `portico.config.yaml` (`plugins.<id>.config`), validated against its `configSchema`.
 * @public
 */
export interface ConfigService {
  /** The whole validated section, defaults applied. */
  get<T = Record<string, unknown>>(): T;
  /** A value by dotted path; `undefined` when absent. */
  getOptional<T = unknown>(path: string): T | undefined;
}
