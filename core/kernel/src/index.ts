export { startPortal, type StartPortalOptions, type Portal } from './portal/start-portal';
export { startWorker, type Worker } from './portal/start-worker';
export { bootKernel, type KernelOptions, type Kernel } from './portal/boot-kernel';
export { KERNEL_VERSION } from './portal/kernel-version';
export { runCli } from './cli/portico-cli';
export { validateConfig, loadConfigFile, type PorticoConfig, type PluginEntry, type ApiToken } from './config';
/** The SHA-256 hex of a token's value, as `auth.tokens[].sha256` lists it. */
export { sha256Hex as hashToken } from '@portico/auth';
export type { PluginRecord, PluginContributions } from './plugins/plugin-record';
