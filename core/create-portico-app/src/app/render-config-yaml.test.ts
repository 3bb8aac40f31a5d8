import { parse } from 'yaml';
import { renderConfigYaml } from './render-config-yaml';

const TEMPLATE = `# A portal.
portal:
  title: Demo
  port: 7007

plugins:
  - package: "@portico/plugin-a"
    config:
      # Demo only: simulated.
      simulated: true
  - package: "@portico/plugin-b"

redis:
  keyPrefix: "portico:"
`;

describe('renderConfigYaml', () => {
  it('sets the title, keeps only the chosen plugins with their commented config, and keeps other comments', () => {
    const out = renderConfigYaml(TEMPLATE, { title: 'Acme: "portal"', plugins: ['@portico/plugin-a'], addMissingPlugins: true });
    expect(parse(out)).toEqual({ portal: { title: 'Acme: "portal"', port: 7007 }, plugins: [{ package: '@portico/plugin-a', config: { simulated: true } }], redis: { keyPrefix: 'portico:' } });
    expect(out).toContain('# A portal.');
    expect(out).toContain('# Demo only: simulated.');
  });

  it('lists a chosen plugin the template lacks only when asked to, and records a Redis URL', () => {
    const dev = parse(renderConfigYaml(TEMPLATE, { title: 'X', plugins: ['@portico/plugin-b', '@portico/plugin-c'], addMissingPlugins: true, redisUrl: 'redis://cache:6379' }));
    expect(dev.plugins).toEqual([{ package: '@portico/plugin-b' }, { package: '@portico/plugin-c' }]);
    expect(dev.redis).toEqual({ keyPrefix: 'portico:', url: 'redis://cache:6379' });
    const production = parse(renderConfigYaml(TEMPLATE, { title: 'X', plugins: ['@portico/plugin-b', '@portico/plugin-c'], addMissingPlugins: false }));
    expect(production.plugins).toEqual([{ package: '@portico/plugin-b' }]);
  });

  it('refuses a template without a plugins list', () => {
    expect(() => renderConfigYaml('portal: {}\n', { title: 'X', plugins: [], addMissingPlugins: true })).toThrow('no plugins list');
  });
});
