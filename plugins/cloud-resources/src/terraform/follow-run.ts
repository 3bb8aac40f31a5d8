import type { LoggerService } from '@portico/plugin-api';
import { FINAL_RUN_STATUSES, SUCCESSFUL_RUN_STATUSES, type TerraformApi, type TerraformRun } from './terraform-api';

export interface FollowOptions {
  pollMs: number;
  timeoutMs: number;
  signal: AbortSignal;
  logger: LoggerService;
  url: string;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('The action was cancelled while following the Terraform run; the run itself goes on in Terraform.'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('The action was cancelled while following the Terraform run; the run itself goes on in Terraform.'))), { once: true });
  });

/**
 * Follows a run through plan and apply to its end, logging each status it passes; confirms the
 * apply when Terraform waits for it. Resolves with the final run when it applied, and throws a
 * message naming the status (errored, discarded, ...) and the run's address otherwise.
 */
export async function followRun(api: TerraformApi, run: TerraformRun, options: FollowOptions): Promise<TerraformRun> {
  const deadline = Date.now() + options.timeoutMs;
  let current = run;
  let last = '';
  let confirmed = false;
  for (;;) {
    if (current.status !== last) {
      options.logger.info(`Terraform run ${current.id}: ${current.status.replace(/_/g, ' ')}`);
      last = current.status;
    }
    if (FINAL_RUN_STATUSES.has(current.status)) break;
    if (current.status === 'planned' && current.actionable.canApply && !confirmed) {
      await api.applyRun(current.id, 'Applied by Portico');
      confirmed = true;
      options.logger.info(`Confirmed the apply of run ${current.id}`);
    }
    if (Date.now() > deadline) throw new Error(`The Terraform run ${current.id} has not finished after ${Math.round(options.timeoutMs / 1000)} s (it is ${current.status}); follow it at ${options.url}.`);
    await sleep(options.pollMs, options.signal);
    current = await api.getRun(current.id);
  }
  if (!SUCCESSFUL_RUN_STATUSES.has(current.status)) throw new Error(`The Terraform run ${current.id} ended ${current.status.replace(/_/g, ' ')}: nothing more was changed; see its plan and apply logs at ${options.url}.`);
  return current;
}
