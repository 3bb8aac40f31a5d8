import type { Container } from 'inversify';
import type { PluginInternals } from '@portico/plugin-api/internal';
import type { PluginRecord } from './plugin-record';
import type { PluginPackage } from './resolve-plugin-package';

type Hook = () => void | Promise<void>;

/** A plugin resolved, checked and imported, not yet initialised. */
export interface PluginCandidate {
  pkg: PluginPackage;
  internals: PluginInternals;
  record: PluginRecord;
}

/**
 * A running plugin and everything needed to take it out again: its hooks, scheduled tasks,
 * registrations and the extension points it bound in the root container.
 */
export interface LoadedPlugin {
  candidate: PluginCandidate;
  /** Ids of the plugins it needs (its `dependsOn` and the providers of its extension-point deps). */
  needs: Set<string>;
  starts: Hook[];
  stops: Hook[];
  scheduled: Array<{ cancel(): void }>;
  /** Undo its actions and automations. */
  disposers: Array<() => void>;
  extensionPointIds: string[];
  /** Its own container (plugin-scoped services), emptied when it stops. */
  container: Container;
}
