export { EntityLink, type EntityLinkProps } from './entity-link';
export { RunStatus } from './run-status';
export { InfoCard, type InfoCardProps } from './info-card';
