import { softwareCatalogPlugin } from './plugin';

export { softwareCatalogPlugin as plugin, softwareCatalogPlugin };
export type { SoftwareCatalogConfig } from './plugin';
export { softwareKinds, domainKind, systemKind, componentKind, apiKind, resourceKind, teamKind, userKind } from './kinds';
export { exampleOrganisation } from './sample-data/example-organisation';
export {
  importBackstageCatalog,
  BackstageSources,
  parseSourceArgument,
  describeSource,
  formatImportReport,
  porticoIdOf,
  type BackstageImport,
  type BackstageImportReport,
  type BackstageProblem,
  type BackstageSourceConfig,
  type BackstageSyncConfig,
} from './backstage';
export default softwareCatalogPlugin;
