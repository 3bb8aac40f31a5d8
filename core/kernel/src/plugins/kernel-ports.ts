import type { ActionDefinition, ActionRunnerService, AutomationDefinition, CatalogService, EntityInput, EntityMutation, FullSyncOptions, FullSyncReport, KindDefinition } from '@portico/plugin-api';

/** What the kernel needs of the catalog (implemented by @portico/catalog). */
export interface KernelCatalog extends CatalogService {
  registerKind(kind: KindDefinition, source: string): Promise<void>;
  applyMutation(mutation: EntityMutation, actor: string, options?: { source?: string }): Promise<void>;
  applyFullSync(entities: EntityInput[], request: FullSyncOptions & { source: string; actor: string }): Promise<FullSyncReport>;
}

/** What the kernel needs of the action runner (implemented by @portico/actions). */
export interface KernelActionRunner extends ActionRunnerService {
  registerAction(definition: ActionDefinition, pluginId: string): () => void;
  registerAutomation(definition: AutomationDefinition, owner: string): () => void;
}
