// The automation model belongs to the plugin contract; this package re-exports it for its own modules.
export type { AutomationDefinition, AutomationEvent, AutomationTrigger, EventCondition, ConditionOperator } from '@portico/plugin-api';
