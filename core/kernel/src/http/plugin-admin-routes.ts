import { defineRoute, type ApiRoute } from '@portico/http';
import { ConflictError, PERMISSIONS } from '@portico/plugin-api';
import { checkCompatibility } from '../plugins/install/check-compatibility';
import { PluginInstaller, withLatestVersions, type InstallOutcome } from '../plugins/install/plugin-installer';
import { readPortalContext, type PortalContext } from '../plugins/install/portal-context';
import { readRegistryPackage } from '../plugins/install/registry-package';
import { searchRegistry } from '../plugins/install/search-registry';
import type { ReconcileResult } from '../plugins/reconcile-plugins';

export interface PluginAdminOptions {
  /** The config file the portal started from; without one there is nothing to install into. */
  configPath?: string;
  /** Re-reads the config and makes the running plugins what it lists (one reload at a time). */
  reload(): Promise<ReconcileResult>;
}

const TAGS = ['plugins'];
const ACCESS = { permission: PERMISSIONS.admin } as const;
const OUTCOME_SCHEMA = {
  type: 'object',
  required: ['id', 'packageName', 'live', 'messages'],
  properties: { id: { type: 'string' }, packageName: { type: 'string' }, version: { type: 'string' }, live: { type: 'boolean' }, keptKinds: { type: 'array', items: { type: 'string' } }, messages: { type: 'array', items: { type: 'string' } } },
};
const REFUSALS = {
  '404': { description: 'No such package or version in the registry, or no such installed plugin' },
  '409': { description: 'Another plugin change is in progress, or the plugin is already installed' },
  '422': { description: 'The plugin does not fit this portal (plugin-api, ui-api or dependsOn), is not a plugin, or could not start: nothing changed' },
  '502': { description: 'The registry or npm could not be reached: nothing changed' },
};

/**
 * Admin → Plugins: the registry's plugins, and installing, upgrading and removing them in this
 * running portal, for identities holding the admin permission. The same installer as
 * `portico plugin`, with the portal reloading in process instead of by SIGHUP.
 */
export function pluginAdminRoutes(options: PluginAdminOptions): ApiRoute[] {
  let busy: string | null = null;
  const context = async (): Promise<PortalContext> => {
    if (!options.configPath) throw new ConflictError('This portal was started from a config object, not a file: plugins are installed into a portal folder (portico start --config <file>).');
    return readPortalContext(options.configPath);
  };
  /** One change at a time: npm and the config file are shared by every request. */
  const change = async (what: string, run: (installer: PluginInstaller) => Promise<InstallOutcome>): Promise<InstallOutcome & { messages: string[] }> => {
    if (busy) throw new ConflictError(`Another plugin change is in progress (${busy}): try again when it has finished.`);
    busy = what;
    try {
      const messages: string[] = [];
      const portal = { reload: () => options.reload(), describe: () => `this portal (process ${process.pid}, not restarted)` };
      const installer = new PluginInstaller({ context: await context(), portal, print: (line) => messages.push(line), npmOutput: 'capture' });
      return { ...(await run(installer)), messages };
    } finally {
      busy = null;
    }
  };
  const installedBy = (ctx: PortalContext, name: string) => ctx.installed.find((p) => p.packageName === name);

  return [
    defineRoute({
      method: 'get',
      path: '/admin/plugin-registry',
      operationId: 'searchPluginRegistry',
      summary: 'Packages with the keyword portico-plugin in the registry this portal installs from',
      tags: TAGS,
      access: ACCESS,
      query: { q: { description: 'Words that narrow the search', schema: { type: 'string', maxLength: 200 } } },
      responses: { '200': { description: 'The matching packages', schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } } }, '502': REFUSALS['502'] },
      handler: async ({ query }) => {
        const ctx = await context();
        const hits = await searchRegistry(typeof query.q === 'string' ? query.q : '', ctx.baseDir);
        return { body: { items: hits.map((hit) => ({ ...hit, installedVersion: installedBy(ctx, hit.name)?.version ?? null })) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/plugin-registry/check',
      operationId: 'checkRegistryPlugin',
      summary: "A registry package's Portico manifest and whether it fits this portal, before anything is installed",
      tags: TAGS,
      access: ACCESS,
      query: { package: { description: 'name or name@range', required: true, schema: { type: 'string', maxLength: 260 } } },
      responses: { '200': { description: 'The manifest and the verdict', schema: { type: 'object', required: ['name', 'version', 'compatible', 'problems'], properties: { name: { type: 'string' }, version: { type: 'string' }, compatible: { type: 'boolean' }, problems: { type: 'array', items: { type: 'string' } }, manifest: { type: 'object' } } } }, ...REFUSALS },
      handler: async ({ query }) => {
        const ctx = await context();
        const pkg = await readRegistryPackage(String(query.package), ctx.baseDir);
        const installed = installedBy(ctx, pkg.name);
        const problems = checkCompatibility(`${pkg.name}@${pkg.version}`, pkg.manifest, ctx.provides);
        return { body: { ...pkg, installedVersion: installed?.version ?? null, compatible: problems.length === 0, problems } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/plugins/updates',
      operationId: 'listPluginUpdates',
      summary: "Installed plugin packages with the registry's latest version of each",
      tags: TAGS,
      access: ACCESS,
      responses: { '200': { description: 'The installed packages', schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } } } },
      handler: async () => ({ body: { items: await withLatestVersions(await context()) } }),
    }),
    defineRoute<{ package: string }>({
      method: 'post',
      path: '/admin/plugins',
      operationId: 'installPlugin',
      summary: 'Install a plugin from the registry and load it into this running portal',
      tags: TAGS,
      access: ACCESS,
      body: { type: 'object', required: ['package'], additionalProperties: false, properties: { package: { type: 'string', minLength: 1, maxLength: 260, description: 'name or name@range' } } },
      responses: { '201': { description: 'Installed and running', schema: OUTCOME_SCHEMA }, ...REFUSALS },
      handler: async ({ body, audit }) => {
        const outcome = await change(`installing ${body.package}`, (installer) => installer.add(body.package));
        audit({ target: outcome.id, before: null, after: { packageName: outcome.packageName, version: outcome.version } });
        return { status: 201, body: outcome };
      },
    }),
    defineRoute<{ range?: string }>({
      method: 'post',
      path: '/admin/plugins/{id}/upgrade',
      operationId: 'upgradePlugin',
      summary: 'Install another version of a plugin and swap it in live',
      tags: TAGS,
      access: ACCESS,
      body: { type: 'object', additionalProperties: false, properties: { range: { type: 'string', minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9.^~<>=*|+-]+$', description: 'a version or range; default latest' } } },
      responses: { '200': { description: 'Upgraded (or already at that version)', schema: OUTCOME_SCHEMA }, ...REFUSALS },
      handler: async ({ params, body, audit }) => {
        const outcome = await change(`upgrading ${params.id}`, (installer) => installer.upgrade(params.id, body?.range));
        audit({ target: outcome.id, after: { version: outcome.version } });
        return { body: outcome };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/admin/plugins/{id}',
      operationId: 'removePlugin',
      summary: 'Unload a plugin from this running portal and uninstall it (its kinds and entities stay)',
      tags: TAGS,
      access: ACCESS,
      responses: { '200': { description: 'Removed', schema: OUTCOME_SCHEMA }, '404': REFUSALS['404'], '409': REFUSALS['409'], '502': REFUSALS['502'] },
      handler: async ({ params, audit }) => {
        const outcome = await change(`removing ${params.id}`, (installer) => installer.remove(params.id));
        audit({ target: outcome.id, before: { packageName: outcome.packageName, version: outcome.version }, after: null });
        return { body: outcome };
      },
    }),
  ];
}
