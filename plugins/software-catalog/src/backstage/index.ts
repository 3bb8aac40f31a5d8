export { importBackstageCatalog, type BackstageImport, type ImportOptions } from './import-backstage-catalog';
export { BackstageSources, parseSourceArgument, describeSource, type BackstageSourceConfig } from './backstage-sources';
export { LocationReader } from './location-reader';
export { formatImportReport, type BackstageImportReport, type BackstageProblem } from './backstage-import-report';
export { porticoIdOf, parseBackstageRef, type BackstageRef } from './backstage-entity-ref';
export { backstageProvider, BACKSTAGE_PROVIDER_ID, type BackstageSyncConfig } from './backstage-provider';
