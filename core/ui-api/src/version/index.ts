export { UI_API_VERSION } from './ui-api-version';
