import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Container } from 'inversify';
import semver from 'semver';
import {
  coreExtensionPoints,
  coreServices,
  PLUGIN_API_VERSION,
  type ActionDefinition,
  type AutomationDefinition,
  type EntityProvider,
  type HttpRoute,
  type KindDefinition,
  type LoggerService,
  type SecretsService,
  type IdentityService,
  type WidgetDefinition,
} from '@portico/plugin-api';
import { getPluginInternals, type PluginInternals } from '@portico/plugin-api/internal';
import type { PluginEntry } from '../config/portico-config';
import { createPluginConfig } from '../services/plugin-config';
import type { TaskScheduler } from '../services/task-scheduler';
import type { KernelActionRunner, KernelCatalog } from './kernel-ports';
import { PluginLoadError } from './plugin-load-error';
import { orderPlugins } from './plugin-order';
import { emptyContributions, type PluginRecord } from './plugin-record';
import { resolvePluginPackage, type PluginPackage } from './resolve-plugin-package';
import { findSecondCopies } from './shared-copies';

export interface PluginHostOptions {
  baseDir: string;
  logger: LoggerService;
  catalog: KernelCatalog;
  actionRunner: KernelActionRunner;
  secrets: SecretsService;
  identity: IdentityService;
  scheduler: TaskScheduler;
  /** Export conditions for plugin entries; `source` loads `package.json#source` (tests, dev). */
  conditions?: string[];
  /** Any plugin failure stops the kernel instead of being reported. */
  strict?: boolean;
}

interface Candidate {
  pkg: PluginPackage;
  internals: PluginInternals;
  record: PluginRecord;
}

interface Pending {
  kinds: KindDefinition[];
  actions: ActionDefinition[];
  automations: AutomationDefinition[];
  widgets: WidgetDefinition[];
  providers: EntityProvider[];
  routes: HttpRoute[];
}

const ROUTE_PATH = /^\/[A-Za-z0-9_\-/:.]*$/;

/**
 * Loads plugins into an inversify container: core services in the root, one child
 * container per plugin for plugin-scoped services, contributions recorded per plugin and
 * committed only once the plugin's init has succeeded and matches its manifest.
 */
export class PluginHost {
  readonly container = new Container();
  readonly records: PluginRecord[] = [];
  private readonly startHooks: Array<() => void | Promise<void>> = [];
  private readonly shutdownHooks: Array<() => void | Promise<void>> = [];
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
    const providerOf = new Map<string, string>();
    for (const c of candidates) for (const ep of c.internals.extensionPoints) providerOf.set(ep.ref.id, c.record.id);
    const dependencies = new Map<string, Set<string>>();
    for (const c of candidates) {
      const deps = new Set(c.pkg.manifest.dependsOn ?? []);
      for (const ref of Object.values(c.internals.deps)) {
        const provider = providerOf.get(ref.id);
        if (provider && provider !== c.record.id) deps.add(provider);
      }
      dependencies.set(c.record.id, deps);
    }
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
      await this.initialise(candidate);
    }
  }

  /** Resolves, checks and imports one plugin; a failure is recorded (or thrown in strict mode). */
  private async prepare(entry: PluginEntry): Promise<Candidate | null> {
    const label = entry.package ?? entry.path ?? '?';
    let pkg: PluginPackage;
    try {
      pkg = resolvePluginPackage(entry, this.options.baseDir, this.options.conditions);
    } catch (error) {
      this.fail(this.newRecord(label, label, '?', ''), (error as Error).message);
      return null;
    }
    const record = this.newRecord(pkg.manifest.id, pkg.name, pkg.version, pkg.dir);
    const duplicate = this.records.find((r) => r.id === pkg.manifest.id && r !== record);
    if (duplicate) {
      this.fail(record, `Plugin id "${pkg.manifest.id}" is used by both ${duplicate.packageName}@${duplicate.version} and ${pkg.label}: remove one of them from portico.config.yaml.`);
      return null;
    }
    if (!semver.satisfies(PLUGIN_API_VERSION, pkg.manifest.pluginApi, { includePrerelease: true })) {
      this.fail(
        record,
        `Plugin "${pkg.manifest.id}" (${pkg.label}) needs @portico/plugin-api ${pkg.manifest.pluginApi}, but this kernel provides ${PLUGIN_API_VERSION}: install a version of the plugin built for ${PLUGIN_API_VERSION}, or upgrade @portico/kernel.`,
      );
      return null;
    }
    record.warnings.push(...findSecondCopies(pkg.dir, pkg.label, this.options.baseDir, pkg.packageJson));
    for (const warning of record.warnings) this.options.logger.warn(warning, { plugin: record.id });
    let internals: PluginInternals | undefined;
    try {
      const mod = (await import(pkg.entryFile)) as Record<string, unknown>;
      const exported = mod.default && typeof mod.default === 'object' && '$$type' in (mod.default as object) ? mod.default : (mod.plugin ?? (mod.default as Record<string, unknown> | undefined)?.default);
      internals = getPluginInternals(exported);
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
      if (existsSync(ui)) record.ui = { url: `/ui/plugins/${record.id}.mjs`, uiApi: pkg.manifest.uiApi ?? null, bundleFile: ui };
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

  private async initialise({ pkg, internals, record }: Candidate): Promise<void> {
    const id = record.id;
    const pending: Pending = { kinds: [], actions: [], automations: [], widgets: [], providers: [], routes: [] };
    const child = new Container({ parent: this.container });
    const logger = this.options.logger.child({ plugin: id });
    const lifecycle = {
      starts: [] as Array<() => void | Promise<void>>,
      stops: [] as Array<() => void | Promise<void>>,
    };
    const scheduled: Array<{ cancel(): void }> = [];
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
        addStartHook: (hook: () => void | Promise<void>) => lifecycle.starts.push(hook),
        addShutdownHook: (hook: () => void | Promise<void>) => lifecycle.stops.push(hook),
      });
      child.bind(coreServices.scheduler.id).toConstantValue({
        schedule: (task: Parameters<typeof scheduler.schedule>[0]) => {
          const handle = scheduler.schedule(task);
          scheduled.push(handle);
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
      await this.commit(record, pending);
    } catch (error) {
      for (const handle of scheduled) handle.cancel();
      const reason = error instanceof PluginLoadError ? error.message : `${(error as Error)?.message ?? String(error)}`;
      this.fail(
        record,
        error instanceof PluginLoadError && reason.startsWith('Plugin ')
          ? reason
          : `Plugin "${id}" (${pkg.label}) failed to start: ${reason}. The portal runs without it: fix the error or remove the plugin from portico.config.yaml (start with --strict to make this fatal).`,
      );
      return;
    }
    this.startHooks.push(...lifecycle.starts);
    this.shutdownHooks.push(...lifecycle.stops, () => scheduled.forEach((h) => h.cancel()));
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
        const owner = owners.get(id) ?? (seen.has(id) ? pkg.manifest.id : undefined);
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

  private async commit(record: PluginRecord, pending: Pending): Promise<void> {
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
  }

  async runStartHooks(): Promise<void> {
    for (const hook of this.startHooks) await hook();
  }

  async runShutdownHooks(): Promise<void> {
    for (const hook of [...this.shutdownHooks].reverse()) {
      try {
        await hook();
      } catch (error) {
        this.options.logger.error('shutdown hook failed', { error: (error as Error).message });
      }
    }
  }
}
