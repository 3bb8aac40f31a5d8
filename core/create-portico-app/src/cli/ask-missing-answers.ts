import { basename, resolve } from 'node:path';
import * as prompts from '@clack/prompts';
import type { CreateAnswers } from '../app/create-answers';
import { checkTargetDir } from '../app/check-target-dir';
import { pluginShortName, withDependencies, type TemplatePlugin } from '../template/portal-template';
import { checkRedisUrl } from './parse-create-args';
import { UsageError } from './usage-error';

const DEFAULT_DIR = 'my-portal';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** "acme-portal" → "Acme portal": the default name for a folder. */
function nameFromDir(dir: string): string {
  const words = basename(dir).replace(/[-_.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Portico';
}

/** A prompt's answer; Ctrl-C at a prompt (clack's cancel symbol) ends the command, creating nothing. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (prompts.isCancel(value)) {
    prompts.cancel('Nothing was created.');
    process.exit(130);
  }
  return value as Exclude<T, symbol>;
}

/**
 * Completes the answers: asks for each missing one when `interactive`, otherwise takes its default
 * (folder my-portal, its name as title, every shipped plugin, the embedded store).
 */
export async function askMissingAnswers(given: Partial<CreateAnswers>, options: { cwd: string; plugins: TemplatePlugin[]; interactive: boolean }): Promise<CreateAnswers> {
  const { cwd, plugins, interactive } = options;
  const dir =
    given.dir ??
    (interactive
      ? resolve(
          cwd,
          answered(
            await prompts.text({
              message: 'Where should the portal go?',
              placeholder: DEFAULT_DIR,
              defaultValue: DEFAULT_DIR,
              validate: (value) => checkTargetDir(resolve(cwd, value || DEFAULT_DIR)),
            }),
          ),
        )
      : resolve(cwd, DEFAULT_DIR));
  const problem = checkTargetDir(dir);
  if (problem) throw new UsageError(problem);
  const name = given.name ?? (interactive ? answered(await prompts.text({ message: "The portal's name", placeholder: nameFromDir(dir), defaultValue: nameFromDir(dir) })) : nameFromDir(dir));
  const everyPlugin = plugins.map((plugin) => plugin.package);
  const chosen =
    given.plugins ??
    (interactive
      ? answered(
          await prompts.multiselect({
            message: 'Plugins to include (space toggles, enter confirms)',
            options: plugins.map((plugin) => ({ value: plugin.package, label: pluginShortName(plugin.package), hint: plugin.description.replace(/^Portico plugin: /, '') })),
            initialValues: everyPlugin,
            required: false,
          }),
        )
      : everyPlugin);
  const needed = withDependencies(chosen, plugins);
  if (needed.added.length > 0) prompts.log.info(`Also included, because the plugins chosen need them: ${needed.added.map(pluginShortName).join(', ')}`);
  const store =
    given.store ??
    (interactive
      ? answered(
          await prompts.select({
            message: 'Where should the catalog and runs live?',
            options: [
              { value: 'embedded' as const, label: 'Embedded', hint: 'a data folder beside the config, nothing to run' },
              { value: 'redis' as const, label: 'Redis', hint: 'for production and several portal instances' },
            ],
            initialValue: 'embedded' as const,
          }),
        )
      : 'embedded');
  let redisUrl = given.redisUrl;
  if (store === 'redis' && redisUrl === undefined) {
    redisUrl = interactive
      ? answered(await prompts.text({ message: 'Redis URL', placeholder: DEFAULT_REDIS_URL, defaultValue: DEFAULT_REDIS_URL, validate: (value) => (value ? checkRedisUrl(value) : undefined) }))
      : DEFAULT_REDIS_URL;
  }
  return { dir, name, plugins: needed.plugins, store, ...(store === 'redis' ? { redisUrl } : {}) };
}
