import type { CatalogPlan } from '@portico/catalog';
import { formatCatalogPlan } from '../../catalog-code/format-catalog-plan';
import { readCatalogFolder } from '../../catalog-code/read-catalog-folder';
import { startProgressBar } from '../progress-bar';
import { resolvePortalClient, type PortalClientOptions } from './resolve-portal-client';

type Print = (line: string) => void;

/**
 * `portico catalog apply -f <file|folder> [--dry-run]`: reads the catalog files, asks the
 * portal for the plan (POST /api/v1/catalog/apply, so the token's permissions and the audit
 * log apply) and prints it; without --dry-run the portal carries it out. Exit 1 when any file
 * did not parse or anything was refused.
 */
export async function runApply(target: string, options: PortalClientOptions & { dryRun: boolean; allowLargeDelete?: boolean }, print: Print, printError: Print): Promise<number> {
  let read;
  try {
    read = await readCatalogFolder(target);
  } catch (error) {
    printError(`${target} could not be read: ${(error as Error).message}`);
    return 2;
  }
  const { request, problems } = read;
  for (const p of problems) printError(`${p.file}:${p.line}: ${p.message}`);
  if (problems.length) printError(`${problems.length} problem(s): those files are left out of this apply, and nothing is deleted for them.`);
  const portal = await resolvePortalClient(options, printError, 'apply to');
  if (!portal) return 2;
  // One request: on a terminal the bar says what is under way; the plan printed after says the rest.
  const bar = startProgressBar(`${options.dryRun ? 'Planning' : 'Applying'} the files of ${request.root}`, { silentOffTerminal: true });
  bar.update(0, request.files.length);
  let plan: CatalogPlan;
  try {
    const res = await fetch(`${portal.url}/api/v1/catalog/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${portal.token}` },
      body: JSON.stringify({ ...request, dryRun: options.dryRun, ...(options.allowLargeDelete ? { allowLargeDelete: true } : {}) }),
    });
    const body = (await res.json().catch(() => ({}))) as CatalogPlan & { detail?: string };
    bar.update(request.files.length, request.files.length);
    bar.done(options.dryRun ? 'Planned' : 'Applied');
    if (!res.ok) {
      const hint = res.status === 413 ? ' The files are sent in one request: raise bodyLimit in the portal\'s config, or apply sub-folders one at a time.' : '';
      printError(`POST /api/v1/catalog/apply answered ${res.status}: ${body.detail ?? 'no detail'}${hint}`);
      return 1;
    }
    plan = body;
  } catch (error) {
    bar.fail('Stopped');
    printError(`The apply stopped: ${(error as Error).message}`);
    return 1;
  }
  print(`${plan.applied ? 'Applied to' : 'Plan for'} ${portal.url}, ${request.files.length} file(s) of ${request.root}:`);
  for (const line of formatCatalogPlan(plan)) print(line);
  if (plan.heldBack) printError(`Deleting ${plan.heldBack.count} of the ${plan.heldBack.owned} entities these files own is held back (more than ${Math.round(plan.heldBack.maxDeleteShare * 100)} %): if that is meant, apply with --allow-large-delete.`);
  if (!plan.applied) print('Dry run: nothing was changed.');
  return problems.length || plan.counts.refused ? 1 : 0;
}
