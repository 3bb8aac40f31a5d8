import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Container } from 'inversify';
import {
  coreExtensionPoints,
  coreServices,
  type ActionDefinition,
  type AutomationDefinition,
  type EntityInput,
  type EntityProvider,
  type FullSyncOptions,
  type FullSyncReport,
  type HttpRoute,
  type KindDefinition,
  type LoggerService,
  type SecretsService,
  type IdentityService,
  type WidgetDefinition,
} from '@portico/plugin-api';
import type { PluginInternals } from '@portico/plugin-api/internal';
import { SchemaValidator } from '@portico/http';
import type { PluginEntry } from '../config/portico-config';
import { createPluginConfig } from '../services/plugin-config';
import type { TaskScheduler } from '../services/task-scheduler';
import type { FullSyncApprovals } from '../services/full-sync-approvals';
import type { KernelActionRunner, KernelCatalog } from './kernel-ports';
import { PluginLoadError } from './plugin-load-error';
import { orderPlugins } from './plugin-order';
import type { LoadedPlugin, PluginCandidate } from './loaded-plugin';
import { emptyContributions, type PluginRecord } from './plugin-record';
import { resolvePluginPackage, type PluginPackage } from './resolve-plugin-package';
import { findSecondCopies } from './shared-copies';
import { pluginApiMismatch } from './plugin-api-mismatch';
import { pluginExportOf } from './plugin-export';

export interface PluginHostOptions {
  baseDir: string;
  logger: LoggerService;
  catalog: KernelCatalog;
  actionRunner: KernelActionRunner;
  secrets: SecretsService;
  identity: IdentityService;
  scheduler: TaskScheduler;
  /** Held-back full syncs and the operator's approvals of them (admin route). */
  fullSyncApprovals?: FullSyncApprovals;
  /** Export conditions for plugin entries; `source` loads `package.json#source` (tests, dev). */
  conditions?: string[];
  /** Any plugin failure stops the kernel instead of being reported. */
  strict?: boolean;
}

/** What a live change did, for logs, the CLI and the audit log. */
export interface PluginChange {
  change: 'added' | 'removed' | 'upgraded' | 'reloaded';
  id: string;
  packageName: string;
  version: string;
  /** The version before an upgrade. */
  from?: string;
  /** Kinds the plugin defined: they and their entities stay in the catalog after removal. */
  keptKinds?: string[];
}

type Candidate = PluginCandidate;

interface Pending {
  kinds: KindDefinition[];
  actions: ActionDefinition[];
  automations: AutomationDefinition[];
  widgets: WidgetDefinition[];
  providers: EntityProvider[];
  routes: HttpRoute[];
}

const ROUTE_PATH = /^\/[A-Za-z0-9_\-/:.]*$/;

/** Checks the schemas plugin routes declare when the plugin loads, so a broken one never reaches a request. */
const routeSchemas = new SchemaValidator();

/**
 * Loads plugins into an inversify container: core services in the root, one child
 * container per plugin for plugin-scoped services, contributions recorded per plugin and
 * committed only once the plugin's init has succeeded and matches its manifest.
 *
 * Plugins also come and go while the portal runs (`add`, `remove`, `upgrade`): everything a
 * plugin registered is kept with it (hooks, tasks, actions, extension points), so taking it out
 * leaves the portal as it was before it came. A live change that fails changes nothing.
 */
export class PluginHost {
  readonly container = new Container();
  readonly records: PluginRecord[] = [];
  private readonly loaded = new Map<string, LoadedPlugin>();
  private readonly events = new EventEmitter();
  private readonly firstImportedVersions = new Map<string, string>();
  private providersOn = false;
  private readonly kindOwners = new Map<string, string>();
  private readonly actionOwners = new Map<string, string>();
  private readonly widgetOwners = new Map<string, string>();

  constructor(private readonly options: PluginHostOptions) {
    const bind = (id: string, value: unknown): void => {
      this.container.bind(id).toConstantValue(value);
    };
    bind(coreServices.catalog.id, options.catalog);
    bind(coreServices.actionRunner.id, options.actionRunner);
    bind(coreServices.secrets.id, options.secrets);
    bind(coreServices.identity.id, options.identity);
  }

  get failed(): PluginRecord[] {
    return this.records.filter((r) => r.status === 'failed');
  }

  async loadAll(entries: PluginEntry[]): Promise<void> {
    const candidates: Candidate[] = [];
    for (const entry of entries.filter((e) => e.enabled !== false)) {
      const candidate = await this.prepare(entry);
      if (candidate) candidates.push(candidate);
    }
    const dependencies = new Map(candidates.map((c) => [c.record.id, this.needsOf(c, candidates)]));
    let order: string[];
    try {
      order = orderPlugins(
        candidates.map((c) => c.record.id),
        dependencies,
      );
    } catch (error) {
      for (const c of candidates) this.fail(c.record, (error as Error).message);
      return;
    }
    for (const id of order) {
      const candidate = candidates.find((c) => c.record.id === id) as Candidate;
      const missing = [...(dependencies.get(id) ?? [])].filter((dep) => !this.records.some((r) => r.id === dep && r.status === 'running'));
      if (missing.length > 0) {
        const why = missing.map((dep) => (this.records.some((r) => r.id === dep) ? `"${dep}" failed to load` : `"${dep}" is not configured`)).join(', ');
        this.fail(candidate.record, `Plugin "${id}" (${candidate.pkg.label}) needs plugin ${why}: add or fix it in portico.config.yaml.`);
        continue;
      }
      await this.initialise(candidate, dependencies.get(id) ?? new Set());
    }
  }

  /** The plugins a candidate needs: its `dependsOn`, and whoever provides its extension-point deps. */
  private needsOf(candidate: Candidate, others: Candidate[]): Set<string> {
    const providerOf = new Map<string, string>();
    for (const c of [...[...this.loaded.values()].map((l) => l.candidate), ...others]) for (const ep of c.internals.extensionPoints) providerOf.set(ep.ref.id, c.record.id);
    const needs = new Set(candidate.pkg.manifest.dependsOn ?? []);
    for (const ref of Object.values(candidate.internals.deps)) {
      const provider = providerOf.get(ref.id);
      if (provider && provider !== candidate.record.id) needs.add(provider);
    }
    return needs;
  }

  /** Resolves, checks and imports one plugin; a failure is recorded (or thrown in strict mode). */
  private async prepare(entry: PluginEntry, replacing?: PluginRecord): Promise<Candidate | null> {
    const label = entry.package ?? entry.path ?? '?';
    let pkg: PluginPackage;
    try {
      pkg = resolvePluginPackage(entry, this.options.baseDir, this.options.conditions);
    } catch (error) {
      this.fail(this.newRecord(label, label, '?', ''), (error as Error).message);
      return null;
    }
    const record = this.newRecord(pkg.manifest.id, pkg.name, pkg.version, pkg.dir);
    const duplicate = this.records.find((r) => r.id === pkg.manifest.id && r !== record && r !== replacing);
    if (duplicate) {
      this.fail(record, `Plugin id "${pkg.manifest.id}" is used by both ${duplicate.packageName}@${duplicate.version} and ${pkg.label}: remove one of them from portico.config.yaml.`);
      return null;
    }
    const mismatch = pluginApiMismatch(`Plugin "${pkg.manifest.id}" (${pkg.label})`, pkg.manifest.pluginApi);
    if (mismatch) {
      this.fail(record, mismatch);
      return null;
    }
    record.warnings.push(...findSecondCopies(pkg.dir, pkg.label, this.options.baseDir, pkg.packageJson));
    for (const warning of record.warnings) this.options.logger.warn(warning, { plugin: record.id });
    let internals: PluginInternals | undefined;
    try {
      // Node keeps every module it imported: the bare path stays the version first imported from
      // it, so every other version (an upgrade, or a re-add after one) needs its own URL.
      const first = this.firstImportedVersions.get(pkg.entryFile) ?? pkg.version;
      const specifier = first === pkg.version ? pkg.entryFile : `${pathToFileURL(pkg.entryFile).href}?v=${encodeURIComponent(pkg.version)}`;
      const mod = (await import(specifier)) as Record<string, unknown>;
      if (!this.firstImportedVersions.has(pkg.entryFile)) this.firstImportedVersions.set(pkg.entryFile, pkg.version);
      internals = pluginExportOf(mod);
    } catch (error) {
      this.fail(record, `Plugin "${pkg.manifest.id}" (${pkg.label}) could not be imported from ${pkg.entryFile}: ${(error as Error).message}`);
      return null;
    }
    if (!internals) {
      this.fail(record, `${pkg.label} does not export a plugin: its entry must "export default definePlugin({...})" from @portico/plugin-api.`);
      return null;
    }
    if (internals.id !== pkg.manifest.id) {
      this.fail(record, `${pkg.label} declares id "${pkg.manifest.id}" in package.json but definePlugin uses "${internals.id}": make them the same.`);
      return null;
    }
    const ui = pkg.manifest.ui ? resolve(pkg.dir, pkg.manifest.ui) : null;
    if (ui) {
      if (existsSync(ui)) record.ui = { url: `/ui/plugins/${record.id}.mjs?v=${encodeURIComponent(pkg.version)}`, uiApi: pkg.manifest.uiApi ?? null, bundleFile: ui };
      else record.warnings.push(`${pkg.label} declares a UI bundle at ${ui}, which does not exist: build the plugin; its widgets will not show.`);
    }
    return { pkg, internals, record };
  }

  private newRecord(id: string, packageName: string, version: string, dir: string): PluginRecord {
    const record: PluginRecord = {
      id,
      packageName,
      version,
      dir,
      status: 'running',
      warnings: [],
      contributions: emptyContributions(),
      ui: null,
      routes: [],
      providers: [],
    };
    this.records.push(record);
    return record;
  }

  private fail(record: PluginRecord, message: string): void {
    record.status = 'failed';
    record.error = message;
    record.contributions = emptyContributions();
    record.routes = [];
    record.providers = [];
    record.ui = null;
    this.options.logger.error(message, { plugin: record.id });
    if (this.options.strict) throw new PluginLoadError(message, record.id);
  }

  private async initialise(candidate: Candidate, needs: Set<string>): Promise<void> {
    const { pkg, internals, record } = candidate;
    const id = record.id;
    const pending: Pending = { kinds: [], actions: [], automations: [], widgets: [], providers: [], routes: [] };
    const child = new Container({ parent: this.container });
    const logger = this.options.logger.child({ plugin: id });
    const plugin: LoadedPlugin = { candidate, needs, starts: [], stops: [], scheduled: [], disposers: [], extensionPointIds: [], container: child };
    const scheduler = this.options.scheduler.forPlugin(id);
    const withdraw = <T>(list: T[], item: T) => () => {
      const index = list.indexOf(item);
      if (index >= 0) list.splice(index, 1);
    };
    try {
      child.bind(coreServices.logger.id).toConstantValue(logger);
      child.bind(coreServices.config.id).toDynamicValue(() => createPluginConfig(id, internals.configSchema, pkg.entry.config)).inSingletonScope();
      child.bind(coreServices.pluginMetadata.id).toConstantValue({ pluginId: id, version: pkg.version, packageDir: pkg.dir });
      child.bind(coreServices.lifecycle.id).toConstantValue({
        addStartHook: (hook: () => void | Promise<void>) => plugin.starts.push(hook),
        addShutdownHook: (hook: () => void | Promise<void>) => plugin.stops.push(hook),
      });
      child.bind(coreServices.scheduler.id).toConstantValue({
        schedule: (task: Parameters<typeof scheduler.schedule>[0]) => {
          const handle = scheduler.schedule(task);
          plugin.scheduled.push(handle);
          return handle;
        },
      });
      child.bind(coreExtensionPoints.kinds.id).toConstantValue({ addKind: (k: KindDefinition) => (pending.kinds.push(k), withdraw(pending.kinds, k)) });
      child.bind(coreExtensionPoints.actions.id).toConstantValue({
        addAction: (a: ActionDefinition) => (pending.actions.push(a), withdraw(pending.actions, a)),
        addAutomation: (a: AutomationDefinition) => (pending.automations.push(a), withdraw(pending.automations, a)),
      });
      child.bind(coreExtensionPoints.widgets.id).toConstantValue({ addWidget: (w: WidgetDefinition) => (pending.widgets.push(w), withdraw(pending.widgets, w)) });
      child.bind(coreExtensionPoints.entityProviders.id).toConstantValue({ addProvider: (p: EntityProvider) => (pending.providers.push(p), withdraw(pending.providers, p)) });
      child.bind(coreExtensionPoints.httpRoutes.id).toConstantValue({ addRoute: (r: HttpRoute) => (pending.routes.push(r), withdraw(pending.routes, r)) });
      for (const provided of internals.extensionPoints) {
        this.container.bind(provided.ref.id).toConstantValue(provided.create());
        plugin.extensionPointIds.push(provided.ref.id);
      }
      const deps: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(internals.deps)) {
        if (!child.isBound(ref.id)) {
          throw new PluginLoadError(`${String(ref)} is not provided by the kernel or any loaded plugin (dependency "${name}")`, id);
        }
        deps[name] = child.get(ref.id);
      }
      await internals.init(deps);
      this.checkManifest(pkg, pending);
      this.checkUnique(pkg, pending);
      plugin.disposers.push(...(await this.commit(record, pending)));
    } catch (error) {
      for (const handle of plugin.scheduled) handle.cancel();
      for (const epId of plugin.extensionPointIds) this.container.unbind(epId);
      const reason = error instanceof PluginLoadError ? error.message : `${(error as Error)?.message ?? String(error)}`;
      this.fail(
        record,
        error instanceof PluginLoadError && reason.startsWith('Plugin ')
          ? reason
          : `Plugin "${id}" (${pkg.label}) failed to start: ${reason}. The portal runs without it: fix the error or remove the plugin from portico.config.yaml (start with --strict to make this fatal).`,
      );
      return;
    }
    this.loaded.set(id, plugin);
    logger.info('plugin loaded', { version: pkg.version, contributions: record.contributions });
  }

  private checkManifest(pkg: PluginPackage, pending: Pending): void {
    const compare = (what: 'kinds' | 'actions' | 'widgets', registered: string[]): string[] => {
      const declared = pkg.manifest[what] ?? [];
      const extra = registered.filter((x) => !declared.includes(x));
      const absent = declared.filter((x) => !registered.includes(x));
      const parts: string[] = [];
      if (extra.length) parts.push(`registers ${what} ${JSON.stringify(extra)} not declared in package.json "portico.${what}"`);
      if (absent.length) parts.push(`declares ${what} ${JSON.stringify(absent)} in package.json "portico.${what}" but does not register them`);
      return parts;
    };
    const problems = [
      ...compare('kinds', pending.kinds.map((k) => k.id)),
      ...compare('actions', pending.actions.map((a) => a.id)),
      ...compare('widgets', pending.widgets.map((w) => w.id)),
    ];
    if (problems.length > 0) {
      throw new PluginLoadError(
        `Plugin "${pkg.manifest.id}" (${pkg.label}) does not match its manifest: it ${problems.join('; and it ')}. Update the manifest or the plugin so they agree.`,
        pkg.label,
      );
    }
  }

  private checkUnique(pkg: PluginPackage, pending: Pending): void {
    const check = (what: string, ids: string[], owners: Map<string, string>): void => {
      const seen = new Set<string>();
      for (const id of ids) {
        // A plugin that comes back (re-added, upgraded) may register its own kinds again.
        const previous = owners.get(id);
        const owner = (previous !== pkg.manifest.id ? previous : undefined) ?? (seen.has(id) ? pkg.manifest.id : undefined);
        if (owner) {
          throw new PluginLoadError(
            `Plugin "${pkg.manifest.id}" (${pkg.label}) registers ${what} "${id}", which plugin "${owner}" already registered: ${what} ids are global, so rename one or remove one of the plugins.`,
            pkg.label,
          );
        }
        seen.add(id);
      }
    };
    check('kind', pending.kinds.map((k) => k.id), this.kindOwners);
    check('action', pending.actions.map((a) => a.id), this.actionOwners);
    check('widget', pending.widgets.map((w) => w.id), this.widgetOwners);
    for (const route of pending.routes) {
      if (!ROUTE_PATH.test(route.path)) {
        throw new PluginLoadError(`Plugin "${pkg.manifest.id}" (${pkg.label}) registers route path "${route.path}", which must start with "/" and use letters, digits, "-", "_", "." and ":param".`, pkg.label);
      }
      // Every route says who may call it, so none is open by accident and the API document can say so.
      if (route.auth === undefined && route.permission === undefined) {
        throw new PluginLoadError(
          `Plugin "${pkg.manifest.id}" (${pkg.label}) registers ${route.method} ${route.path} without saying who may call it: set "auth" ('user', 'token' or 'public') or a "permission".`,
          pkg.label,
        );
      }
      const schemas: Array<[string, unknown]> = [
        ...(route.body ? [['body', route.body] as [string, unknown]] : []),
        ...Object.entries(route.query ?? {}).flatMap(([name, param]) => (param.schema ? [[`query "${name}"`, param.schema] as [string, unknown]] : [])),
        ...Object.entries(route.responses ?? {}).flatMap(([status, response]) => (response.schema ? [[`response ${status}`, response.schema] as [string, unknown]] : [])),
      ];
      for (const [what, schema] of schemas) {
        const problem = routeSchemas.checkSchema(schema)[0];
        if (problem) {
          throw new PluginLoadError(`Plugin "${pkg.manifest.id}" (${pkg.label}) registers ${route.method} ${route.path} with an invalid ${what} schema: ${problem.pointer} ${problem.message}.`, pkg.label);
        }
      }
    }
  }

  /** Kinds whose relation targets are in the same batch go after those targets. */
  private orderKinds(kinds: KindDefinition[]): KindDefinition[] {
    const ids = new Set(kinds.map((k) => k.id));
    const deps = new Map(kinds.map((k) => [k.id, new Set(Object.values(k.relations ?? {}).map((r) => r.target).filter((t) => t !== k.id && ids.has(t)))]));
    const out: KindDefinition[] = [];
    const placed = new Set<string>();
    let remaining = [...kinds];
    while (remaining.length > 0) {
      const ready = remaining.filter((k) => [...(deps.get(k.id) ?? [])].every((d) => placed.has(d)));
      const next = ready.length > 0 ? ready : [remaining[0]];
      for (const k of next) {
        out.push(k);
        placed.add(k.id);
      }
      remaining = remaining.filter((k) => !placed.has(k.id));
    }
    return out;
  }

  /** Registers what init collected; returns what undoes the action and automation registrations. */
  private async commit(record: PluginRecord, pending: Pending): Promise<Array<() => void>> {
    for (const kind of this.orderKinds(pending.kinds)) await this.options.catalog.registerKind(kind, record.id);
    const disposers: Array<() => void> = [];
    try {
      for (const action of pending.actions) disposers.push(this.options.actionRunner.registerAction(action, record.id));
      for (const automation of pending.automations) disposers.push(this.options.actionRunner.registerAutomation(automation, record.id));
    } catch (error) {
      disposers.forEach((dispose) => dispose());
      throw error;
    }
    for (const kind of pending.kinds) this.kindOwners.set(kind.id, record.id);
    for (const action of pending.actions) this.actionOwners.set(action.id, record.id);
    for (const widget of pending.widgets) this.widgetOwners.set(widget.id, record.id);
    record.contributions = {
      kinds: pending.kinds.map((k) => k.id),
      actions: pending.actions.map((a) => a.id),
      automations: pending.automations.map((a) => a.id),
      widgets: pending.widgets.map((w) => ({ ...w, pluginId: record.id })),
      routes: pending.routes.map((r) => `${r.method} /api/v1/plugins/${record.id}${r.path}`),
      providers: pending.providers.map((p) => p.id),
    };
    record.routes = pending.routes;
    record.providers = pending.providers;
    return disposers;
  }

  /**
   * Starts every loaded plugin: schedules its entity providers (when `providers`: the portal
   * does, a worker does not) and runs its start hooks. Plugins added later start as they come.
   */
  async startAll(options: { providers: boolean }): Promise<void> {
    this.providersOn = options.providers;
    for (const plugin of [...this.loaded.values()]) await this.start(plugin);
  }

  private async start(plugin: LoadedPlugin): Promise<void> {
    const { record } = plugin.candidate;
    if (this.providersOn) {
      const scheduler = this.options.scheduler.forPlugin(record.id);
      for (const provider of record.providers) {
        const logger = this.options.logger.child({ plugin: record.id, provider: provider.id });
        // The provider owns what it writes: another source cannot overwrite it, its full sync may delete it.
        const source = `provider:${provider.id}`;
        const actor = `plugin:${record.id}`;
        const { catalog } = this.options;
        plugin.scheduled.push(
          scheduler.schedule({
            id: source,
            everyMs: provider.everyMs ?? 24 * 60 * 60 * 1000,
            fn: (signal) =>
              provider.refresh({
                logger,
                signal,
                apply: (mutation) => catalog.applyMutation(mutation, actor, { source }),
                applyFullSync: (entities, options) => this.fullSync(source, actor, entities, options, logger),
              }),
          }),
        );
      }
    }
    for (const hook of plugin.starts) await hook();
  }

  /** A provider's full sync, with the operator's one-time approval when one waits for its source. */
  private async fullSync(source: string, actor: string, entities: EntityInput[], options: FullSyncOptions | undefined, logger: LoggerService): Promise<FullSyncReport> {
    const approvals = this.options.fullSyncApprovals;
    const approval = await approvals?.take(source);
    if (approval) logger.warn(`Full sync of ${source} runs with the approval ${approval.by} gave at ${approval.at}: it may delete more than its share`, { source, approvedBy: approval.by });
    const report = await this.options.catalog.applyFullSync(entities, { ...options, ...(approval ? { allowLargeDelete: true } : {}), source, actor });
    await approvals?.recordReport(report);
    return report;
  }

  /** Undoes everything a plugin did except its kinds, which stay with their entities. */
  private async stop(plugin: LoadedPlugin): Promise<void> {
    const { record } = plugin.candidate;
    for (const hook of [...plugin.stops].reverse()) {
      try {
        await hook();
      } catch (error) {
        this.options.logger.error('shutdown hook failed', { plugin: record.id, error: (error as Error).message });
      }
    }
    for (const handle of plugin.scheduled.splice(0)) handle.cancel();
    for (const dispose of plugin.disposers.splice(0)) dispose();
    for (const epId of plugin.extensionPointIds.splice(0)) if (this.container.isBound(epId)) this.container.unbind(epId);
    // Its bindings go with it, and with them the resolution plans inversify cached for them.
    plugin.container.unbindAll();
    for (const action of record.contributions.actions) this.actionOwners.delete(action);
    for (const widget of record.contributions.widgets) this.widgetOwners.delete(widget.id);
    this.loaded.delete(record.id);
  }

  async runShutdownHooks(): Promise<void> {
    for (const plugin of [...this.loaded.values()].reverse()) await this.stop(plugin);
  }

  /** The config entry a running plugin was loaded from. */
  entryOf(id: string): PluginEntry | undefined {
    return this.loaded.get(id)?.candidate.pkg.entry;
  }

  /** Called after every live change, with what changed. */
  onChange(listener: (change: PluginChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  private changed(change: PluginChange): PluginChange {
    this.options.logger.info(`plugin ${change.change} live`, { plugin: change.id, version: change.version, ...(change.from ? { from: change.from } : {}) });
    this.events.emit('change', change);
    return change;
  }

  private drop(record: PluginRecord): void {
    const index = this.records.indexOf(record);
    if (index >= 0) this.records.splice(index, 1);
  }

  /** Prepares and initialises one plugin; on any failure nothing of it stays and the reason is thrown. */
  private async bringIn(entry: PluginEntry, replacing?: PluginRecord): Promise<LoadedPlugin> {
    const known = new Set(this.records);
    const strict = this.options.strict;
    this.options.strict = false;
    try {
      const candidate = await this.prepare(entry, replacing);
      const failedRecord = this.records.find((r) => !known.has(r) && r.status === 'failed');
      if (!candidate || failedRecord) {
        if (failedRecord) this.drop(failedRecord);
        throw new PluginLoadError(failedRecord?.error ?? 'the plugin could not be prepared', failedRecord?.id ?? '?');
      }
      const needs = this.needsOf(candidate, []);
      const missing = [...needs].filter((dep) => dep !== replacing?.id && !this.loaded.has(dep));
      if (missing.length > 0) {
        this.drop(candidate.record);
        throw new PluginLoadError(`Plugin "${candidate.record.id}" (${candidate.pkg.label}) needs plugin${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}, which this portal does not run: add ${missing.length > 1 ? 'them' : 'it'} first.`, candidate.record.id);
      }
      await this.initialise(candidate, needs);
      const plugin = this.loaded.get(candidate.record.id);
      if (!plugin || plugin.candidate !== candidate) {
        this.drop(candidate.record);
        throw new PluginLoadError(candidate.record.error ?? `Plugin "${candidate.record.id}" did not load`, candidate.record.id);
      }
      try {
        await this.start(plugin);
      } catch (error) {
        await this.stop(plugin);
        this.drop(candidate.record);
        throw new PluginLoadError(`Plugin "${candidate.record.id}" (${candidate.pkg.label}) failed in its start hook: ${(error as Error).message}. It was taken out again.`, candidate.record.id);
      }
      return plugin;
    } finally {
      this.options.strict = strict;
    }
  }

  /** Loads a plugin into the running portal. Throws, changing nothing, when it cannot. */
  async add(entry: PluginEntry): Promise<PluginChange> {
    const { record } = (await this.bringIn(entry)).candidate;
    return this.changed({ change: 'added', id: record.id, packageName: record.packageName, version: record.version });
  }

  /**
   * Takes a plugin out of the running portal: its providers, tasks, hooks, actions, routes and
   * widgets go; its kinds and entities stay. Refused while another running plugin needs it.
   */
  async remove(id: string): Promise<PluginChange> {
    const record = this.records.find((r) => r.id === id);
    if (!record) throw new PluginLoadError(`No plugin "${id}" is loaded: "portico plugin list" shows the plugins this portal runs.`, id);
    const plugin = this.loaded.get(id);
    const keptKinds = record.contributions.kinds;
    if (plugin) {
      const dependents = [...this.loaded.values()].filter((other) => other.needs.has(id)).map((other) => other.candidate.record.id);
      if (dependents.length > 0) {
        throw new PluginLoadError(`Plugin "${id}" is needed by ${dependents.map((d) => `"${d}"`).join(', ')}: remove ${dependents.length > 1 ? 'them' : 'it'} first.`, id);
      }
      await this.stop(plugin);
    }
    this.drop(record);
    return this.changed({ change: 'removed', id, packageName: record.packageName, version: record.version, keptKinds });
  }

  /**
   * Replaces a running plugin by the package its entry now resolves to (a new version, or new
   * config): the new one is imported before the old one stops, and if it fails to start the old
   * one is started again, so the portal keeps running what it ran.
   */
  async upgrade(id: string, entry: PluginEntry): Promise<PluginChange> {
    const old = this.loaded.get(id);
    if (!old) return this.add(entry);
    const oldRecord = old.candidate.record;
    const index = this.records.indexOf(oldRecord);
    const extenders = [...this.loaded.values()].filter((other) => other.needs.has(id) && old.extensionPointIds.length > 0).map((other) => other.candidate.record.id);
    if (extenders.length > 0) {
      throw new PluginLoadError(`Plugin "${id}" provides extension points that ${extenders.map((e) => `"${e}"`).join(', ')} use: restart the portal to ${entry.package ? 'upgrade' : 'reload'} it.`, id);
    }
    await this.stop(old);
    try {
      const { record } = (await this.bringIn(entry, oldRecord)).candidate;
      this.drop(record);
      this.records.splice(this.records.indexOf(oldRecord), 1, record);
      return this.changed({ change: record.version === oldRecord.version ? 'reloaded' : 'upgraded', id, packageName: record.packageName, version: record.version, from: oldRecord.version });
    } catch (error) {
      // Back to the version that ran: its module is still in memory.
      oldRecord.status = 'running';
      delete oldRecord.error;
      await this.initialise(old.candidate, old.needs);
      const again = this.loaded.get(id);
      if (again) await this.start(again);
      if (this.records.indexOf(oldRecord) < 0) this.records.splice(index, 0, oldRecord);
      throw error;
    }
  }
}
