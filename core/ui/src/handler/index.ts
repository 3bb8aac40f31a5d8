export { createUiHandler, type UiHandlerOptions } from './create-ui-handler';
export { checkPluginUiBundle, type PluginUiBundle, type PluginUiBundleStatus } from './plugin-bundle';
