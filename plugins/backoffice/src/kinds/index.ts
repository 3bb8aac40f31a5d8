import type { KindDefinition } from '@portico/plugin-api';
import { customerKind } from './customer-kind';
import { planKind } from './plan-kind';
import { tenantDeploymentKind } from './tenant-deployment-kind';

export { customerKind, planKind, tenantDeploymentKind };
export { CUSTOMER_STATUSES, type CustomerStatus } from './customer-kind';

/**
 * In registration order: relation targets first.
 * @public
 */
export const backofficeKinds: KindDefinition[] = [planKind, customerKind, tenantDeploymentKind];
