import { ConflictError, NotFoundError, ValidationError, type ActionDefinition, type Entity, type EntityEvent, type EntityRef, type Identity, type LoggerService, type Run, type StartRunRequest } from '@portico/plugin-api';
import { authorizeRunStart } from '../routes/run-access';
import { pluginIdentity } from '../identity/plugin-identity';
import { toDueTimer, type Catalog } from '../catalog/catalog';
import { renderTemplate } from '../invocations/render-template';
import type { AutomationDefinition, AutomationEvent } from './automation';
import { conditionProblems, evaluateCondition } from './evaluate-condition';
import type { RunStore } from '../runs/run-store';

const TRIGGERS = ['entity.created', 'entity.updated', 'entity.deleted', 'run.finished', 'timer.expired'];

export interface AutomationEngineOptions {
  catalog: Catalog;
  logger: LoggerService;
  pollMs: number;
  startRun(request: StartRunRequest): Promise<Run>;
  getAction(id: string): Promise<{ definition: ActionDefinition } | undefined>;
  /** The entity a run would act on, for the ownership part of the start rule. */
  entityFor(ref: EntityRef): Promise<Entity | null>;
  /** Who an API automation's creator is now; absent: such automations start nothing. */
  resolveActor?: (id: string) => Promise<Identity | null>;
  store: Pick<RunStore, 'listDefinitions' | 'saveDefinition' | 'deleteDefinition'>;
}

/** A registered automation: who contributed it and, for the API's, who created it. */
interface Entry {
  definition: AutomationDefinition;
  owner: string;
  createdBy?: string;
}

/** How often API-created automations are re-read from the store (other instances may change them). */
const SYNC_MS = 1000;

/**
 * Turns catalog events, expired timers and finished runs into runs. Entity events reach
 * every instance, so each automation run carries an idempotency key derived from the event:
 * however many instances react, one run is created. Timers are claimed by one instance.
 */
export class AutomationEngine {
  private readonly automations = new Map<string, Entry>();
  private lastSync = 0;
  private started = false;
  private unsubscribe: (() => void) | null = null;
  private poller: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(private readonly options: AutomationEngineOptions) {}

  private validate(definition: AutomationDefinition): void {
    const problems: string[] = [];
    if (typeof definition.id !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,127}$/.test(definition.id)) problems.push('/id must be lower-case letters, digits, ".", "_" or "-"');
    if (!TRIGGERS.includes(definition.on)) problems.push(`/on must be one of ${TRIGGERS.join(', ')}`);
    if (typeof definition.action !== 'string' || !definition.action) problems.push('/action must name an action');
    if (definition.condition !== undefined && typeof definition.condition !== 'function') problems.push(...conditionProblems(definition.condition));
    if (definition.inputs !== undefined && typeof definition.inputs !== 'function' && (typeof definition.inputs !== 'object' || definition.inputs === null)) problems.push('/inputs must be an object template or a function');
    if (problems.length > 0) {
      throw new ValidationError(`Automation "${String(definition.id)}" is invalid: ${problems[0]}.`, problems.map((p) => ({ pointer: p.split(' ')[0], message: p.split(' ').slice(1).join(' ') })));
    }
  }

  /** From plugins: functions are allowed in `condition` and `inputs`. */
  register(definition: AutomationDefinition, owner = 'plugin'): () => void {
    this.validate(definition);
    const existing = this.automations.get(definition.id);
    if (existing) throw new ConflictError(`Automation "${definition.id}" is registered by ${existing.owner} already.`, { automationId: definition.id, owners: [existing.owner, owner] });
    const entry = { definition, owner };
    this.automations.set(definition.id, entry);
    this.pollTimersIfNeeded();
    return () => {
      if (this.automations.get(definition.id) === entry) this.automations.delete(definition.id);
    };
  }

  /** From the API: plain JSON only, stored so every instance runs it; its runs start as `createdBy`. */
  async createFromApi(definition: AutomationDefinition, createdBy: string): Promise<AutomationDefinition> {
    if (typeof definition.condition === 'function' || typeof definition.inputs === 'function') throw new ValidationError('Automations created through the API are JSON.', []);
    if (definition.actor !== undefined) {
      throw new ValidationError(`An automation runs as the identity that creates it (here ${createdBy}), checked each time it starts a run; "actor" cannot choose another. Remove it.`, [{ pointer: '/actor', message: `is not allowed: the actor is the creator, ${createdBy}` }]);
    }
    this.validate(definition);
    if (!(await this.options.getAction(definition.action))) throw new ValidationError(`Automation "${definition.id}" names action "${definition.action}", which does not exist.`, [{ pointer: '/action', message: 'must name an existing action' }]);
    await this.sync(true);
    const existing = this.automations.get(definition.id);
    if (existing && existing.owner !== 'api') throw new ConflictError(`Automation "${definition.id}" is registered by ${existing.owner}; the API cannot replace it.`, { automationId: definition.id, owners: [existing.owner, 'api'] });
    await this.options.store.saveDefinition('automations', definition.id, { definition, owner: 'api', createdBy });
    this.automations.set(definition.id, { definition, owner: 'api', createdBy });
    this.pollTimersIfNeeded();
    return definition;
  }

  async deleteFromApi(id: string): Promise<void> {
    await this.sync(true);
    const existing = this.automations.get(id);
    if (!existing) throw new NotFoundError(`Automation "${id}" does not exist.`);
    if (existing.owner !== 'api') throw new ConflictError(`Automation "${id}" comes from ${existing.owner}; only API-created automations can be deleted through the API.`);
    await this.options.store.deleteDefinition('automations', id);
    this.automations.delete(id);
  }

  async list(): Promise<Entry[]> {
    await this.sync(true);
    return [...this.automations.values()];
  }

  /** Brings API-created automations in line with the store (throttled unless forced). */
  private async sync(force = false): Promise<void> {
    if (!force && Date.now() - this.lastSync < SYNC_MS) return;
    this.lastSync = Date.now();
    const stored = await this.options.store.listDefinitions('automations');
    const wanted = new Set(stored.map((s) => (s.definition as AutomationDefinition).id));
    for (const [id, entry] of this.automations) if (entry.owner === 'api' && !wanted.has(id)) this.automations.delete(id);
    for (const s of stored) {
      const definition = s.definition as AutomationDefinition;
      const existing = this.automations.get(definition.id);
      if (!existing || existing.owner === 'api') this.automations.set(definition.id, { definition, owner: 'api', createdBy: s.createdBy });
    }
    this.pollTimersIfNeeded();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = this.options.catalog.onEvent((event) => this.entityEvent(event));
    void this.sync(true)
      .then(() => this.pollTimersIfNeeded())
      .catch(() => undefined);
  }

  /**
   * Claiming a timer consumes it, so timers are only claimed once a timer automation exists:
   * an instance still loading its plugins must not take timers nobody here would act on.
   */
  private pollTimersIfNeeded(): void {
    if (!this.started || this.poller || typeof this.options.catalog.claimDueTimers !== 'function') return;
    if (![...this.automations.values()].some((a) => a.definition.on === 'timer.expired')) return;
    this.poller = setInterval(() => void this.pollTimers(), this.options.pollMs);
    this.poller.unref();
  }

  stop(): void {
    this.started = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }

  private async pollTimers(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const claimed = (await this.options.catalog.claimDueTimers!(Date.now(), 100)) ?? [];
      for (const raw of claimed) {
        const timer = toDueTimer(raw);
        if (!timer) continue;
        const entity = await this.options.catalog.get({ kind: timer.kind, id: timer.id }).catch(() => null);
        await this.dispatch({ type: 'timer.expired', kind: timer.kind, id: timer.id, before: entity, after: entity, timer: { property: timer.property, at: timer.at }, at: new Date().toISOString() }, `${timer.kind}:${timer.id}:${timer.property}:${timer.at}`);
      }
    } catch (error) {
      this.options.logger.warn('Claiming due timers failed; trying again shortly', { error: String(error) });
    } finally {
      this.polling = false;
    }
  }

  private async entityEvent(event: EntityEvent): Promise<void> {
    const version = event.after?.meta.version ?? event.before?.meta.version ?? 0;
    await this.dispatch({ type: `entity.${event.type}` as AutomationEvent['type'], kind: event.kind, id: event.id, before: event.before, after: event.after, at: event.at }, `${event.kind}:${event.id}:${event.type}:${version}`);
  }

  runFinished(run: Run): void {
    void this.dispatch({ type: 'run.finished', kind: run.entity?.kind, id: run.entity?.id, before: null, after: null, run, at: new Date().toISOString() }, run.id);
  }

  /** The identity an automation's run starts as: its plugin, or its creator re-resolved now. */
  private async actorOf(entry: Entry): Promise<Identity> {
    if (entry.owner !== 'api') return pluginIdentity(entry.owner);
    if (!entry.createdBy) throw new Error('it was stored without the identity of its creator; create it again so it runs as someone');
    if (!this.options.resolveActor) throw new Error(`its creator ${entry.createdBy} cannot be checked: this runner was started without an actor resolver`);
    const actor = await this.options.resolveActor(entry.createdBy);
    if (!actor) throw new Error(`its creator ${entry.createdBy} no longer exists; nothing ran`);
    return actor;
  }

  private async dispatch(event: AutomationEvent, eventKey: string): Promise<void> {
    await this.sync().catch((error: unknown) => this.options.logger.warn('Reading API-created automations failed', { error: String(error) }));
    for (const entry of this.automations.values()) {
      const automation = entry.definition;
      if (automation.on !== event.type) continue;
      if (automation.kind && automation.kind !== event.kind) continue;
      if (automation.actionId && automation.actionId !== event.run?.actionId) continue;
      try {
        const matches = typeof automation.condition === 'function' ? automation.condition(event) : automation.condition ? evaluateCondition(automation.condition, event) : true;
        if (!matches) continue;
        const action = await this.options.getAction(automation.action);
        if (!action) throw new Error(`action "${automation.action}" is not registered`);
        const inputs = typeof automation.inputs === 'function' ? automation.inputs(event) : (renderTemplate(automation.inputs ?? {}, event as unknown as Record<string, unknown>) as Record<string, unknown>);
        const targetsEntity = action.definition.kind !== undefined && action.definition.operation !== 'create' && event.type !== 'entity.deleted' && event.kind !== undefined && event.id !== undefined;
        const entity = targetsEntity ? { kind: event.kind!, id: event.id! } : null;
        const actor = await this.actorOf(entry);
        // The same rule as a start over the API, for the identity as it stands now: a demoted or removed creator starts nothing.
        authorizeRunStart(actor, action.definition, entity ? await this.options.entityFor(entity) : null);
        await this.options.startRun({ actionId: automation.action, entity, inputs, actor: actor.id, idempotencyKey: `automation:${automation.id}:${eventKey}` });
      } catch (error) {
        this.options.logger.warn(`Automation "${automation.id}" could not start its run`, { event: event.type, eventKey, actor: entry.owner === 'api' ? entry.createdBy : `plugin:${entry.owner}`, error: (error as Error).message });
      }
    }
  }
}
