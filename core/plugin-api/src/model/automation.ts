import type { Run } from './action';
import type { Entity } from './entity';

/** @public */
export type AutomationTrigger = 'entity.created' | 'entity.updated' | 'entity.deleted' | 'run.finished' | 'timer.expired';

/**
 * What an automation's condition and inputs see.
 * @public
 */
export interface AutomationEvent {
  type: AutomationTrigger;
  /** Entity kind and id (entity and timer events; for `run.finished` the run's entity, if any). */
  kind?: string;
  id?: string;
  before: Entity | null;
  after: Entity | null;
  /** For `run.finished`. */
  run?: Run;
  /** For `timer.expired`: the timer property and when it was due. */
  timer?: { property: string; at: string };
  at: string;
}

/** @public */
export type ConditionOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'notIn' | 'contains' | 'beginsWith' | 'endsWith' | 'isEmpty' | 'isNotEmpty' | 'changed';

/**
 * A declarative condition over the event, so automations can be plain JSON: `path` is a dot
 * path into the event (`after.properties.status`, `run.status`, `timer.property`);
 * `changed` compares the entity before and after at `path` (`properties.ttlDays`, or
 * `after.properties.ttlDays`: the `after.`/`before.` prefix is optional).
 * @public
 */
export type EventCondition =
  | { all: EventCondition[] }
  | { any: EventCondition[] }
  | { not: EventCondition }
  | { path: string; operator: ConditionOperator; value?: unknown };

/**
 * Runs an action when something happens in the portal: an entity created, updated or
 * deleted, a run finished, or a `timer` property expired. Contributed by plugins through
 * `coreExtensionPoints.actions.addAutomation`, or created through `POST /api/v1/automations`.
 * @public
 */
export interface AutomationDefinition {
  id: string;
  on: AutomationTrigger;
  /** Only events about entities of this kind. */
  kind?: string;
  /** For `run.finished`: only runs of this action. */
  actionId?: string;
  condition?: EventCondition | ((event: AutomationEvent) => boolean);
  /** The action to run; it targets the event's entity when the action applies to a kind. */
  action: string;
  /** Inputs: a JSON template over the event (`{{after.properties.owner}}`), or a function. */
  inputs?: Record<string, unknown> | ((event: AutomationEvent) => Record<string, unknown>);
  /**
   * @deprecated Ignored: an automation runs as the identity that contributed it
   * (`plugin:<id>` for a plugin's, the creator for one made through the API), and the
   * API refuses this field with a 400.
   */
  actor?: string;
}
