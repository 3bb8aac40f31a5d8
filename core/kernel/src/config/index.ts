export {
  validateConfig,
  loadConfigFile,
  interpolateEnv,
  type PorticoConfig,
  type PluginEntry,
  type ApiToken,
  type LoadedConfig,
} from './portico-config';
