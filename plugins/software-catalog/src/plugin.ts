import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { backstageProvider, type BackstageSyncConfig } from './backstage/backstage-provider';
import { backstageSyncConfigSchema } from './backstage/backstage-sync-config-schema';
import { softwareKinds } from './kinds';
import { exampleOrganisation } from './sample-data/example-organisation';
import { softwareCatalogWidgets } from './widgets/software-catalog-widgets';

/** @public */
export interface SoftwareCatalogConfig {
  sampleData: boolean;
  /** Backstage catalog sources kept in sync (a full sync: entities removed from the files go). */
  backstage?: BackstageSyncConfig;
}

/**
 * The base software model (Backstage-compatible kinds) as an ordinary plugin.
 * @public
 */
export const softwareCatalogPlugin: PorticoPlugin = definePlugin({
  id: 'software-catalog',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sampleData: { type: 'boolean', default: false, description: 'Load the example organisation (Order domain, Cart and Products systems...).' },
      backstage: backstageSyncConfigSchema,
    },
  },
  deps: {
    kinds: coreExtensionPoints.kinds,
    widgets: coreExtensionPoints.widgets,
    providers: coreExtensionPoints.entityProviders,
    config: coreServices.config,
    catalog: coreServices.catalog,
  },
  init({ kinds, widgets, providers, config, catalog }) {
    for (const kind of softwareKinds) kinds.addKind(kind);
    for (const widget of softwareCatalogWidgets) widgets.addWidget(widget);
    if (config.getOptional<boolean>('sampleData') === true) {
      providers.addProvider({
        id: 'software-catalog.sample-data',
        async refresh(ctx) {
          await ctx.apply({ upsert: exampleOrganisation });
          ctx.logger.info('example organisation loaded', { entities: exampleOrganisation.length });
        },
      });
    }
    const backstage = config.getOptional<BackstageSyncConfig>('backstage');
    if (backstage) providers.addProvider(backstageProvider(backstage, catalog));
  },
});
