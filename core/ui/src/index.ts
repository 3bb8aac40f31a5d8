// Node-side entry: the handler the kernel mounts. The browser shell is built separately
// (src/app) and never imported from here.
export * from './handler';
export { UI_API_VERSION } from '@portico/ui-api/version';
