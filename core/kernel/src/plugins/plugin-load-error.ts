/** A plugin that cannot load; the message names the plugin, its version and the fix. */
export class PluginLoadError extends Error {
  constructor(
    message: string,
    readonly pluginLabel: string,
  ) {
    super(message);
    this.name = 'PluginLoadError';
  }
}
