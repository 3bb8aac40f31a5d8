import { version } from '../../package.json';

/**
 * The version of @portico/ui-api this copy is. The shell provides exactly one copy at runtime,
 * so a plugin bundle's `uiApi` range is checked against it before the bundle is loaded.
 * @public
 */
export const UI_API_VERSION: string = version;
