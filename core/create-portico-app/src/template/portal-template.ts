import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A plugin the template offers: every plugin package released with this create-portico-app. */
export interface TemplatePlugin {
  package: string;
  /** The plugin's id from its manifest. */
  id: string;
  description: string;
  /** Ids of the plugins it needs (its manifest's `dependsOn`). */
  dependsOn: string[];
}

/** What create-portico-app fills in: the repository's app-template and the versions released with it. */
export interface PortalTemplate {
  /** Every public Portico package and its version. */
  packages: Record<string, string>;
  plugins: TemplatePlugin[];
  packageJson: { scripts?: Record<string, string>; dependencies?: Record<string, string> };
  config: string;
  productionConfig: string;
  readme: string;
}

/** Reads the template that the build wrote into `dir` (dist/template of the published package). */
export function loadPortalTemplate(dir: string): PortalTemplate {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const manifest = JSON.parse(read('manifest.json')) as Pick<PortalTemplate, 'packages' | 'plugins'>;
  return {
    ...manifest,
    packageJson: JSON.parse(read('package.json')),
    config: read('portico.config.yaml'),
    productionConfig: read('portico.production.yaml'),
    readme: read('README.md'),
  };
}

/** `@portico/plugin-oncall` → `oncall`: the short name `--plugins` accepts. */
export function pluginShortName(packageName: string): string {
  return packageName.replace(/^@portico\/plugin-/, '');
}

/**
 * The chosen plugin packages plus every plugin they need, transitively (a portal refuses to start
 * a plugin whose `dependsOn` is missing), and which of them were added.
 */
export function withDependencies(chosen: string[], available: TemplatePlugin[]): { plugins: string[]; added: string[] } {
  const byId = new Map(available.map((plugin) => [plugin.id, plugin]));
  const result = new Set(chosen);
  const added: string[] = [];
  const visit = (name: string) => {
    const plugin = available.find((candidate) => candidate.package === name);
    for (const id of plugin?.dependsOn ?? []) {
      const needed = byId.get(id);
      if (needed && !result.has(needed.package)) {
        result.add(needed.package);
        added.push(needed.package);
        visit(needed.package);
      }
    }
  };
  for (const name of chosen) visit(name);
  // Keep the template's order, so that a plugin is listed after the ones it needs.
  return { plugins: available.map((plugin) => plugin.package).filter((name) => result.has(name)), added };
}
