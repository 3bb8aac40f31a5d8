import type { KindDefinition } from '@portico/plugin-api';
import { apiKind } from './api-kind';
import { componentKind } from './component-kind';
import { domainKind } from './domain-kind';
import { resourceKind } from './resource-kind';
import { systemKind } from './system-kind';
import { teamKind } from './team-kind';
import { userKind } from './user-kind';

export { apiKind, componentKind, domainKind, resourceKind, systemKind, teamKind, userKind };

/**
 * In registration order: targets before the kinds whose relations point at them.
 * @public
 */
export const softwareKinds: KindDefinition[] = [teamKind, userKind, domainKind, systemKind, apiKind, resourceKind, componentKind];
