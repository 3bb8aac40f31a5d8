/** @public */
export interface PluginMetadataService {
  readonly pluginId: string;
  readonly version: string;
  /** Folder of the plugin package on disk. */
  readonly packageDir: string;
}
