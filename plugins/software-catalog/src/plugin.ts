import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { softwareKinds } from './kinds';
import { exampleOrganisation } from './sample-data/example-organisation';
import { softwareCatalogWidgets } from './widgets/software-catalog-widgets';

export interface SoftwareCatalogConfig {
  sampleData: boolean;
}

/** The base software model (Backstage-compatible kinds) as an ordinary plugin. */
export const softwareCatalogPlugin: PorticoPlugin = definePlugin({
  id: 'software-catalog',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sampleData: { type: 'boolean', default: false, description: 'Load the example organisation (Order domain, Cart and Products systems...).' },
    },
  },
  deps: {
    kinds: coreExtensionPoints.kinds,
    widgets: coreExtensionPoints.widgets,
    providers: coreExtensionPoints.entityProviders,
    config: coreServices.config,
  },
  init({ kinds, widgets, providers, config }) {
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
  },
});
