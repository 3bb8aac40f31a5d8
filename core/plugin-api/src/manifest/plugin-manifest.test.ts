import { readPluginManifest } from './plugin-manifest';

describe('readPluginManifest', () => {
  it('accepts a complete manifest', () => {
    const { manifest, problems } = readPluginManifest({
      portico: { id: 'cicd', pluginApi: '^0.1.0', kinds: ['deployment'], actions: ['cicd.deploy'], widgets: ['cicd.matrix'] },
    });
    expect(problems).toEqual([]);
    expect(manifest?.id).toBe('cicd');
  });

  it('explains each problem', () => {
    expect(readPluginManifest({ name: 'x' }).problems[0]).toMatch(/no "portico" field/);
    const { manifest, problems } = readPluginManifest({ portico: { id: 'X', kinds: 'deployment' } });
    expect(manifest).toBeNull();
    expect(problems).toEqual([
      '"portico.id" must be a plugin id such as "cicd" (got "X")',
      '"portico.pluginApi" must be a semver range such as "^0.1.0"',
      expect.stringContaining('"portico.kinds" must be a list of ids'),
    ]);
  });
});
