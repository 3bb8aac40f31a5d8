import { basename } from 'node:path';
import type { PortalTemplate } from '../template/portal-template';
import type { CreateAnswers } from './create-answers';
import { renderConfigYaml } from './render-config-yaml';

/** The npm package name for a portal in `dir`: its folder name, lower case, with dashes. */
export function packageNameFor(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return name || 'portal';
}

const GITIGNORE = ['node_modules/', '# the embedded store (dataDir in portico.config.yaml)', '.portico-data/', '*.log', ''].join('\n');

/**
 * The files of a new portal, by path relative to its folder: package.json with the released
 * versions, both portico configs with the chosen plugins and store, .gitignore, README.md and,
 * when it was created from a registry other than npm's, an .npmrc that keeps using it.
 */
export function renderPortalFiles(template: PortalTemplate, answers: CreateAnswers, registry?: string): Record<string, string> {
  const version = (name: string) => {
    const found = template.packages[name];
    if (!found) throw new Error(`This create-portico-app does not know the package ${name}.`);
    return `^${found}`;
  };
  const dependencies = Object.fromEntries(['@portico/kernel', '@portico/plugin-api', ...answers.plugins].map((name) => [name, version(name)]));
  const packageJson = {
    name: packageNameFor(answers.dir),
    version: '0.1.0',
    private: true,
    description: `${answers.name}: a Portico developer portal`,
    scripts: template.packageJson.scripts ?? {},
    dependencies,
    engines: { node: '>=20.19' },
  };
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'portico.config.yaml': renderConfigYaml(template.config, { title: answers.name, plugins: answers.plugins, addMissingPlugins: true, redisUrl: answers.store === 'redis' ? answers.redisUrl : undefined }),
    'portico.production.yaml': renderConfigYaml(template.productionConfig, { title: answers.name, plugins: answers.plugins, addMissingPlugins: false }),
    '.gitignore': GITIGNORE,
    'README.md': template.readme.replace(/^# .*$/m, `# ${answers.name}`),
  };
  if (registry && !/^https:\/\/registry\.npmjs\.org\/?$/.test(registry)) files['.npmrc'] = `registry=${registry}\n`;
  return files;
}
