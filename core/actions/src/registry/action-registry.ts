import { ConflictError, type ActionDefinition } from '@portico/plugin-api';
import type { SchemaValidator } from '@portico/http';
import { validateActionDefinition } from './validate-action-definition';

export interface RegisteredAction {
  definition: ActionDefinition;
  /** Plugin id, or `api` for actions created through the REST API. */
  owner: string;
}

/** The actions this instance knows, each with the plugin (or `api`) that contributed it. */
export class ActionRegistry {
  private readonly actions = new Map<string, RegisteredAction>();

  constructor(private readonly validator: SchemaValidator) {}

  register(definition: ActionDefinition, owner: string): () => void {
    validateActionDefinition(definition, this.validator, owner === 'api' ? 'the API' : `plugin "${owner}"`);
    const existing = this.actions.get(definition.id);
    if (existing) {
      throw new ConflictError(`Action "${definition.id}" is registered by ${existing.owner} already; ${owner} cannot register it too. Give one of them another id.`, {
        actionId: definition.id,
        owners: [existing.owner, owner],
      });
    }
    const entry = { definition, owner };
    this.actions.set(definition.id, entry);
    return () => {
      if (this.actions.get(definition.id) === entry) this.actions.delete(definition.id);
    };
  }

  /** Replaces an API-created action (definitions arriving from other instances). */
  upsertFromApi(definition: ActionDefinition): void {
    const existing = this.actions.get(definition.id);
    if (existing && existing.owner !== 'api') return;
    this.actions.set(definition.id, { definition, owner: 'api' });
  }

  /** Makes the API-created actions exactly `definitions` (another instance may have added or deleted some). */
  syncApiActions(definitions: ActionDefinition[]): void {
    const wanted = new Set(definitions.map((d) => d.id));
    for (const [id, entry] of this.actions) if (entry.owner === 'api' && !wanted.has(id)) this.actions.delete(id);
    for (const definition of definitions) this.upsertFromApi(definition);
  }

  get(id: string): RegisteredAction | undefined {
    return this.actions.get(id);
  }

  remove(id: string): void {
    this.actions.delete(id);
  }

  list(): RegisteredAction[] {
    return [...this.actions.values()].sort((a, b) => a.definition.id.localeCompare(b.definition.id));
  }
}
