import { createExtensionPoint } from '../refs/extension-point';
import type { ActionDefinition } from '../model/action';
import type { AutomationDefinition } from '../model/automation';
import type { EntityProvider } from '../model/entity-provider';
import type { HttpRoute } from '../model/http-route';
import type { KindDefinition } from '../model/kind';
import type { WidgetDefinition } from '../model/widget';

/**
 * Each `add*` returns a disposer that withdraws the contribution.
 * @public
 */
export type Disposer = () => void;

/** @public */
export interface KindsExtensionPoint {
  addKind(kind: KindDefinition): Disposer;
}

/** @public */
export interface ActionsExtensionPoint {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addAction<I = any>(action: ActionDefinition<I>): Disposer;
  /** Runs an action on entity, run or timer events (e.g. tear down a dev environment when its TTL expires). */
  addAutomation(automation: AutomationDefinition): Disposer;
}

/** @public */
export interface WidgetsExtensionPoint {
  addWidget(widget: WidgetDefinition): Disposer;
}

/** @public */
export interface EntityProvidersExtensionPoint {
  addProvider(provider: EntityProvider): Disposer;
}

/** @public */
export interface HttpRoutesExtensionPoint {
  addRoute(route: HttpRoute): Disposer;
}

/**
 * Extension points the kernel provides. Contributions are recorded per plugin.
 * @public
 */
export const coreExtensionPoints = Object.freeze({
  kinds: createExtensionPoint<KindsExtensionPoint>({ id: 'core.kinds' }),
  actions: createExtensionPoint<ActionsExtensionPoint>({ id: 'core.actions' }),
  widgets: createExtensionPoint<WidgetsExtensionPoint>({ id: 'core.widgets' }),
  entityProviders: createExtensionPoint<EntityProvidersExtensionPoint>({ id: 'core.entity-providers' }),
  httpRoutes: createExtensionPoint<HttpRoutesExtensionPoint>({ id: 'core.http-routes' }),
});
