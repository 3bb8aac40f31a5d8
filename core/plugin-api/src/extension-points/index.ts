export {
  coreExtensionPoints,
  type Disposer,
  type KindsExtensionPoint,
  type ActionsExtensionPoint,
  type WidgetsExtensionPoint,
  type EntityProvidersExtensionPoint,
  type HttpRoutesExtensionPoint,
} from './core-extension-points';
