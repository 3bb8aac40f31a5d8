import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CreateAnswers } from '../app/create-answers';
import { pluginShortName, type TemplatePlugin } from '../template/portal-template';
import { UsageError } from './usage-error';

export const USAGE = `Usage: npm create portico-app@latest [<dir>] -- [options]

  <dir>                   the folder to create (asked when missing)
  --name <text>           the portal's name, shown as its title
  --plugins <list>        comma-separated plugins (short names such as oncall, or package
                          names), "all" (the default) or "none"
  --store <store>         embedded (the default: data in .portico-data) or redis
  --redis-url <url>       with --store redis (default redis://127.0.0.1:6379)
  --skip-install          write the files, do not run npm install
  -y, --yes               take the default for every answer not given (no prompts)
  -h, --help              this text`;

/** What the command line says; an answer left undefined is asked (or defaulted with --yes). */
export interface ParsedCreateArgs {
  answers: Partial<CreateAnswers>;
  yes: boolean;
  skipInstall: boolean;
  help: boolean;
}

/** Resolves `--plugins` against the plugins this release ships. */
export function resolvePluginList(value: string, available: TemplatePlugin[]): string[] {
  const list = value.trim();
  if (list === 'all') return available.map((plugin) => plugin.package);
  if (list === 'none' || list === '') return [];
  return list.split(',').map((raw) => {
    const wanted = raw.trim();
    const found = available.find((plugin) => plugin.package === wanted || pluginShortName(plugin.package) === wanted);
    if (!found) {
      throw new UsageError(`--plugins: there is no shipped plugin "${wanted}". Choose from ${available.map((plugin) => pluginShortName(plugin.package)).join(', ')} (or "all", "none"); add other plugins later with npm install.`);
    }
    return found.package;
  });
}

/** Checks a Redis URL the portal can use: redis:// or rediss:// with a host. */
export function checkRedisUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return `a Redis URL starts with redis:// or rediss:// (got "${value}")`;
    if (!url.hostname) return `the Redis URL "${value}" names no host`;
    return undefined;
  } catch {
    return `"${value}" is not a URL; write it as redis://host:6379`;
  }
}

export function parseCreateArgs(argv: string[], cwd: string, available: TemplatePlugin[]): ParsedCreateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        plugins: { type: 'string' },
        store: { type: 'string' },
        'redis-url': { type: 'string' },
        'skip-install': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Give one folder to create (got ${positionals.map((p) => `"${p}"`).join(', ')}).`);
  const answers: Partial<CreateAnswers> = {};
  if (positionals[0] !== undefined) answers.dir = resolve(cwd, positionals[0]);
  if (values.name !== undefined) {
    if (values.name.trim() === '') throw new UsageError('--name must not be empty.');
    answers.name = values.name.trim();
  }
  if (values.plugins !== undefined) answers.plugins = resolvePluginList(values.plugins, available);
  if (values.store !== undefined) {
    if (values.store !== 'embedded' && values.store !== 'redis') throw new UsageError(`--store is "embedded" or "redis" (got "${values.store}").`);
    answers.store = values.store;
  }
  if (values['redis-url'] !== undefined) {
    if (answers.store === 'embedded') throw new UsageError('--redis-url goes with --store redis, not --store embedded.');
    const problem = checkRedisUrl(values['redis-url']);
    if (problem) throw new UsageError(`--redis-url: ${problem}.`);
    answers.store = 'redis';
    answers.redisUrl = values['redis-url'];
  }
  return { answers, yes: values.yes, skipInstall: values['skip-install'], help: values.help };
}
