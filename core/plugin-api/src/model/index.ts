export type { JsonSchema } from './json-schema';
export type {
  KindDefinition,
  RelationDefinition,
  MirrorProperty,
  CalculationProperty,
  AggregationProperty,
} from './kind';
export type { Entity, EntityInput, EntityRef, EntityMeta, EntityEvent, EntityEventType, RelationValues } from './entity';
export type {
  EntityQuery,
  QueryFilter,
  QueryRule,
  PropertyRule,
  RelatedToRule,
  QueryOperator,
  QuerySort,
  QueryResult,
} from './query';
export type {
  ActionDefinition,
  ActionOperation,
  ActionContext,
  RunActionOptions,
  ActionHandler,
  ActionInvocation,
  HandlerInvocation,
  WebhookInvocation,
  AgentInvocation,
  ApprovalPolicy,
  RetryPolicy,
  Run,
  RunStatus,
} from './action';
export type { WidgetDefinition, WidgetCondition, WidgetDashboardSupport, SlotId } from './widget';
export type { Dashboard, DashboardWidget, DashboardWidgetType, DashboardAggregate, DashboardLayout } from './dashboard';
export type { EntityProvider, EntityProviderContext, EntityMutation, FullSyncOptions, FullSyncReport } from './entity-provider';
export type { HttpRoute, HttpRequest, HttpResponse, HttpMethod } from './http-route';
export type { RouteQueryParameter, RouteResponse } from './route-schemas';
export type { AutomationDefinition, AutomationEvent, AutomationTrigger, EventCondition, ConditionOperator } from './automation';
export { findJsonProblem, findForbiddenKey, DEFAULT_MAX_JSON_DEPTH, type JsonProblem } from './find-json-problem';
export { TERMINAL_RUN_STATUSES, isTerminalStatus } from './run-status';
export { canonicalJson } from './canonical-json';
export {
  dashboardDataRequests,
  dashboardWidgetQuery,
  dashboardWidgetRunsPath,
  dashboardWidgetTeamQuery,
  DASHBOARD_WIDGET_LIMITS,
  type DashboardDataRequest,
} from './dashboard-data-requests';
