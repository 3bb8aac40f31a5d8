export {
  definePlugin,
  provideExtensionPoint,
  PLUGIN_API_VERSION,
  type PluginOptions,
  type PorticoPlugin,
  type ProvidedExtensionPoint,
} from './define-plugin';
