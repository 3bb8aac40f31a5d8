import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prompts from '@clack/prompts';
import { parseDocument } from 'yaml';
import { installWithProgress } from './install-with-progress';
import { renderPortalFiles } from '../app/render-portal-files';
import { loadPortalTemplate } from '../template/portal-template';
import { askMissingAnswers } from './ask-missing-answers';
import { parseCreateArgs, USAGE } from './parse-create-args';
import { UsageError } from './usage-error';

// `npm create portico-app@latest [dir] -- [options]`: asks (or takes from flags) the portal's
// folder, name, plugins and store, writes the portal from the template released with this
// package, installs it, and says how to start it.
async function main(): Promise<number> {
  const template = loadPortalTemplate(fileURLToPath(new URL('./template/', import.meta.url)));
  const cwd = process.cwd();
  const args = parseCreateArgs(process.argv.slice(2), cwd, template.plugins);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const interactive = !args.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
  prompts.intro('create-portico-app');
  if (!args.yes && !interactive) prompts.log.info('No terminal to ask in: every answer not given as a flag takes its default (see --help).');
  const answers = await askMissingAnswers(args.answers, { cwd, plugins: template.plugins, interactive });

  const files = renderPortalFiles(template, answers, process.env.npm_config_registry);
  mkdirSync(answers.dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(answers.dir, path), content);
  prompts.log.success(`Wrote ${Object.keys(files).join(', ')} into ${answers.dir}`);

  const where = relative(cwd, answers.dir) || '.';
  if (!args.skipInstall) {
    const started = Date.now();
    const result = await installWithProgress(answers.dir);
    if (!result.ok) {
      prompts.log.error(`npm install failed:\n${result.output.trim().split('\n').slice(-30).join('\n')}`);
      prompts.outro(`The files are written. Fix what npm reported, then run: cd ${where} && npm install`);
      return 1;
    }
    prompts.log.success(`Installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const port = parseDocument(files['portico.config.yaml']).getIn(['portal', 'port']) ?? 7007;
  prompts.note(
    [
      `cd ${where}`,
      ...(args.skipInstall ? ['npm install'] : []),
      'npm start',
      '',
      `The portal answers at http://127.0.0.1:${port}`,
      answers.store === 'redis' ? `with its data in Redis (${answers.redisUrl}).` : 'with its data in .portico-data.',
      'README.md tells what to change for production.',
    ].join('\n'),
    'Next steps',
  );
  prompts.outro(`${answers.name} is ready.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`create-portico-app: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`create-portico-app failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
