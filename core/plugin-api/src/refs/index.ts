export { createServiceRef, type ServiceRef } from './service-ref';
export { createExtensionPoint, type ExtensionPoint } from './extension-point';
