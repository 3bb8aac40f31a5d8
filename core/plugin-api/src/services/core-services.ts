import { createServiceRef } from '../refs/service-ref';
import type { ActionRunnerService } from './action-runner-service';
import type { CatalogService } from './catalog-service';
import type { ConfigService } from './config-service';
import type { IdentityService } from './identity-service';
import type { LifecycleService } from './lifecycle-service';
import type { LoggerService } from './logger-service';
import type { PluginMetadataService } from './plugin-metadata-service';
import type { SchedulerService } from './scheduler-service';
import type { SecretsService } from './secrets-service';

/**
 * Services the kernel provides to every plugin. Plugin-scoped ones are bound per plugin.
 * @public
 */
export const coreServices = Object.freeze({
  logger: createServiceRef<LoggerService>({ id: 'core.logger' }),
  config: createServiceRef<ConfigService>({ id: 'core.config' }),
  catalog: createServiceRef<CatalogService>({ id: 'core.catalog' }),
  actionRunner: createServiceRef<ActionRunnerService>({ id: 'core.action-runner' }),
  scheduler: createServiceRef<SchedulerService>({ id: 'core.scheduler' }),
  secrets: createServiceRef<SecretsService>({ id: 'core.secrets' }),
  identity: createServiceRef<IdentityService>({ id: 'core.identity' }),
  lifecycle: createServiceRef<LifecycleService>({ id: 'core.lifecycle' }),
  pluginMetadata: createServiceRef<PluginMetadataService>({ id: 'core.plugin-metadata' }),
});
