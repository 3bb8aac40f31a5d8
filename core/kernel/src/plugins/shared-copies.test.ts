import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSecondCopies } from './shared-copies';

function pkg(dir: string, json: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json));
}

describe('findSecondCopies', () => {
  it('reports a plugin that brings its own copy of a singleton package', () => {
    const app = mkdtempSync(join(tmpdir(), 'portico-copies-'));
    pkg(app, { name: 'app' });
    pkg(join(app, 'node_modules', 'react'), { name: 'react', version: '19.0.0' });
    const plugin = join(app, 'node_modules', 'plugin-x');
    const pluginJson = { name: 'plugin-x', dependencies: { react: '^18' } };
    pkg(plugin, pluginJson);
    pkg(join(plugin, 'node_modules', 'react'), { name: 'react', version: '18.0.0' });
    const warnings = findSecondCopies(plugin, 'plugin-x@1.0.0', app, pluginJson);
    expect(warnings).toEqual([
      'plugin-x@1.0.0 lists react in "dependencies"; it must be a peerDependency so the portal\'s single copy is used.',
      expect.stringMatching(/^plugin-x@1\.0\.0 loads a second copy of react \(.*plugin-x\/node_modules\/react; the portal uses .*portico-copies-[^/]+\/node_modules\/react\): run "npm dedupe" or align the versions\.$/),
    ]);
  });

  it('is quiet when the plugin shares the portal\'s copies', () => {
    const app = mkdtempSync(join(tmpdir(), 'portico-copies-'));
    pkg(app, { name: 'app' });
    pkg(join(app, 'node_modules', 'react'), { name: 'react', version: '19.0.0' });
    const plugin = join(app, 'node_modules', 'plugin-y');
    pkg(plugin, { name: 'plugin-y', peerDependencies: { react: '^19' } });
    expect(findSecondCopies(plugin, 'plugin-y@1.0.0', app, { peerDependencies: { react: '^19' } })).toEqual([]);
  });
});
