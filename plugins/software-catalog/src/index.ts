import { softwareCatalogPlugin } from './plugin';

export { softwareCatalogPlugin as plugin, softwareCatalogPlugin };
export type { SoftwareCatalogConfig } from './plugin';
export { softwareKinds, domainKind, systemKind, componentKind, apiKind, resourceKind, teamKind, userKind } from './kinds';
export { exampleOrganisation } from './sample-data/example-organisation';
export default softwareCatalogPlugin;
