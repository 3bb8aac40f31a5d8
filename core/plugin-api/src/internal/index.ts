// For the kernel: reading plugin definitions. Not part of the plugin author's API.
export { getPluginInternals, type PluginInternals, type ProvidedExtensionPoint } from '../plugin/define-plugin';
