export { readPluginManifest, type PluginManifest } from './plugin-manifest';
