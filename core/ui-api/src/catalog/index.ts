export { useEntity } from './use-entity';
export { useCatalogQuery } from './use-catalog-query';
