export {
  validateConfig,
  loadConfigFile,
  interpolateEnv,
  type PorticoConfig,
  type PluginEntry,
  type LoadedConfig,
  type RateLimitConfig,
} from './portico-config';
export type { ConfigToken as ApiToken } from '@portico/auth';
