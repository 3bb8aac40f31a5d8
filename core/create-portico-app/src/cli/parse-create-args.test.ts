import { parseCreateArgs } from './parse-create-args';
import type { TemplatePlugin } from '../template/portal-template';

const plugins: TemplatePlugin[] = [
  { package: '@portico/plugin-software-catalog', id: 'software-catalog', description: '', dependsOn: [] },
  { package: '@portico/plugin-oncall', id: 'oncall', description: '', dependsOn: ['software-catalog'] },
];

describe('parseCreateArgs', () => {
  it('reads every answer from flags', () => {
    expect(parseCreateArgs(['acme', '--name', 'Acme portal', '--plugins', 'oncall,@portico/plugin-software-catalog', '--redis-url', 'redis://cache:6379', '--yes', '--skip-install'], '/work', plugins)).toEqual({
      answers: { dir: '/work/acme', name: 'Acme portal', plugins: ['@portico/plugin-oncall', '@portico/plugin-software-catalog'], store: 'redis', redisUrl: 'redis://cache:6379' },
      yes: true,
      skipInstall: true,
      help: false,
    });
    expect(parseCreateArgs(['--plugins', 'all'], '/work', plugins).answers).toEqual({ plugins: ['@portico/plugin-software-catalog', '@portico/plugin-oncall'] });
    expect(parseCreateArgs(['--plugins', 'none', '--store', 'embedded'], '/work', plugins).answers).toEqual({ plugins: [], store: 'embedded' });
  });

  it.each([
    [['--plugins', 'airflw'], '--plugins: there is no shipped plugin "airflw". Choose from software-catalog, oncall'],
    [['--store', 'postgres'], '--store is "embedded" or "redis" (got "postgres").'],
    [['--store', 'embedded', '--redis-url', 'redis://x'], '--redis-url goes with --store redis'],
    [['--redis-url', 'http://cache:6379'], '--redis-url: a Redis URL starts with redis:// or rediss://'],
    [['--redis-url', 'cache'], '--redis-url: "cache" is not a URL'],
    [['--name', ' '], '--name must not be empty.'],
    [['a', 'b'], 'Give one folder to create'],
    [['--colour'], "Unknown option '--colour'"],
  ])('refuses %j with a message that says how to fix it', (argv, message) => {
    expect(() => parseCreateArgs(argv, '/work', plugins)).toThrow(message);
  });
});
