export { CustomerCard } from './customer-card';
export { CustomersPerPlan } from './customers-per-plan';
export { RecentPlanChanges } from './recent-plan-changes';
