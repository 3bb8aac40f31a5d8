// The app create-portico-app writes is the repository's app-template, filled in: this rollup
// plugin copies the template's files into dist/template/ and records the version of every
// public Portico package and the shipped plugins in dist/template/manifest.json, so a
// published create-portico-app always writes the versions released with it.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot, workspacePackages } from '@portico/build-config/workspace-packages';

const TEMPLATE_FILES = ['package.json', 'portico.config.yaml', 'portico.production.yaml', 'README.md'];

export function templateAssets() {
  const templateDir = join(repoRoot, 'app-template');
  return {
    name: 'portico-template-assets',
    buildStart() {
      for (const file of TEMPLATE_FILES) this.addWatchFile(join(templateDir, file));
    },
    generateBundle() {
      const packages = workspacePackages().filter(({ pkg }) => !pkg.private);
      // Offered in the order the template's config lists them, then any it does not list.
      const config = readFileSync(join(templateDir, 'portico.config.yaml'), 'utf8');
      const rank = (name) => (config.includes(`"${name}"`) ? config.indexOf(`"${name}"`) : Infinity);
      const manifest = {
        packages: Object.fromEntries(packages.map(({ pkg }) => [pkg.name, pkg.version])),
        plugins: packages
          .filter(({ dir }) => relative(repoRoot, dir).startsWith('plugins/'))
          .map(({ pkg }) => ({ package: pkg.name, id: pkg.portico?.id ?? pkg.name, description: pkg.description ?? '', dependsOn: pkg.portico?.dependsOn ?? [] }))
          .sort((a, b) => rank(a.package) - rank(b.package)),
      };
      this.emitFile({ type: 'asset', fileName: 'template/manifest.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
      for (const file of TEMPLATE_FILES) {
        this.emitFile({ type: 'asset', fileName: `template/${file}`, source: readFileSync(join(templateDir, file), 'utf8') });
      }
    },
  };
}
