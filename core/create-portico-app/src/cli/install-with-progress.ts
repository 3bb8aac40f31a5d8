import * as prompts from '@clack/prompts';
import { installDependencies } from '../app/install-dependencies';

/**
 * `npm install` with a progress display: on a terminal, a spinner that shows the elapsed time
 * and what npm is fetching; elsewhere (CI, a pipe) a plain line every few seconds.
 */
export async function installWithProgress(dir: string): ReturnType<typeof installDependencies> {
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  let fetched = 0;
  let last = '';
  const onLine = (line: string) => {
    const fetch = /^npm http fetch \w+ \d+ (\S+)/.exec(line);
    if (fetch) {
      fetched++;
      last = decodeURIComponent(fetch[1].replace(/^https?:\/\/[^/]+\//, '').replace(/\/-\/.*$/, ''));
    }
  };
  if (process.stdout.isTTY) {
    const spin = prompts.spinner();
    spin.start('Installing packages (npm install)');
    const timer = setInterval(() => spin.message(`Installing packages (npm install): ${elapsed()}, ${fetched} requests${last ? `, ${last}` : ''}`), 250);
    const result = await installDependencies(dir, { line: onLine });
    clearInterval(timer);
    if (result.ok) spin.stop(`Installed packages (${fetched} registry requests)`);
    else spin.error('npm install failed');
    return result;
  }
  prompts.log.step('Installing packages (npm install)');
  const timer = setInterval(() => console.log(`│  ${elapsed()}: ${fetched} registry requests so far`), 5000);
  const result = await installDependencies(dir, { line: onLine });
  clearInterval(timer);
  return result;
}
