import { backofficePlugin } from './plugin';

export { backofficePlugin as plugin, backofficePlugin };
export { backofficeKinds, customerKind, planKind, tenantDeploymentKind, CUSTOMER_STATUSES, type CustomerStatus } from './kinds';
export { backofficeConfigSchema, resolveBackofficeConfig, DEFAULT_CONFIGURATION_SCHEMA, DEFAULT_PLANS, type BackofficeConfig, type PlanConfig } from './config/backoffice-config';
export { BillingError, type Billing, type BillingAmount, type BillingCustomer, type BillingEvent, type BillingSubscription, type ProrationBehavior } from './billing/billing';
export { createStripeBilling, type StripeBillingOptions } from './stripe/stripe-billing';
export { TenantAdminClient, type TenantAdminClientOptions } from './tenant/tenant-admin-client';
export { TenantApiError } from './tenant/tenant-api-error';
export type { SoftwareVersion, Tenant, TenantAdmin, TenantConfiguration, TenantCreate } from './tenant/tenant-admin-types';
export { configurationDiff, type ConfigurationChange } from './configuration/configuration-diff';
export default backofficePlugin;
