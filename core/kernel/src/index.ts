export { startPortal, type StartPortalOptions, type Portal } from './portal/start-portal';
export { startWorker, type Worker } from './portal/start-worker';
export { bootKernel, type KernelOptions, type Kernel } from './portal/boot-kernel';
export { KERNEL_VERSION } from './portal/kernel-version';
export { runCli } from './cli/portico-cli';
export { validateConfig, loadConfigFile, type PorticoConfig, type PluginEntry, type ApiToken } from './config';
export { hashToken } from './services/token-identity';
export type { PluginRecord, PluginContributions } from './plugins/plugin-record';
