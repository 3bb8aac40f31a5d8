import type { ReactElement, ReactNode } from 'react';
import type { EntityRef } from '@portico/plugin-api';
import { PortalLink } from '../navigation/portal-link';
import { entityPath } from '../navigation/entity-path';

/** @alpha */
export interface EntityLinkProps {
  entity: EntityRef & { title?: string };
  /** Defaults to the entity's title, else `kind:id`. */
  children?: ReactNode;
}

/**
 * A link to an entity's page.
 * @alpha
 */
export function EntityLink({ entity, children }: EntityLinkProps): ReactElement {
  return <PortalLink to={entityPath(entity)}>{children ?? entity.title ?? `${entity.kind}:${entity.id}`}</PortalLink>;
}
