export { navigate, usePortalLocation, type PortalLocation } from './portal-location';
export { entityPath, runPath } from './entity-path';
export { PortalLink, type PortalLinkProps } from './portal-link';
