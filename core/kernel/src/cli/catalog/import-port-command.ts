import { readFile } from 'node:fs/promises';
import { formatPortImportReport, parsePortExport } from '@portico/catalog';
import { startProgressBar, type ProgressBar } from '../progress-bar';
import { compareComputedValues } from './compare-computed-values';
import { resolvePortalClient, type PortalClientOptions } from './resolve-portal-client';
import type { EntityInput, KindDefinition } from '@portico/plugin-api';
import { writeEntitiesThroughApi, type PortalClient, type WriteSummary } from './write-entities-through-api';
import { writeKindsThroughApi } from './write-kinds-through-api';

type Print = (line: string) => void;

const MISSING_TARGET = /which does not exist/;

/**
 * Entities in kind order, targets first. Blueprints may point at each other in a cycle
 * (a squad's lead, an engineer's squad): entities refused only for a target not written yet
 * are written once without their optional relations, then again whole. A re-import, with
 * every target in place, writes each entity once.
 */
async function writeEntities(portal: PortalClient, entities: EntityInput[], kinds: KindDefinition[], onProgress: (settled: number) => void): Promise<WriteSummary> {
  const options = { kindOrder: kinds.map((k) => k.id), onProgress };
  const first = await writeEntitiesThroughApi(portal, entities, options);
  const waiting = first.failed.filter((f) => MISSING_TARGET.test(f.detail));
  if (!waiting.length) return first;
  const byRef = new Map(entities.map((e) => [`${e.kind}/${e.id}`, e]));
  const required = new Map(kinds.map((k) => [k.id, new Set(Object.entries(k.relations ?? {}).filter(([, r]) => r.required).map(([name]) => name))]));
  const whole = waiting.map((f) => byRef.get(`${f.kind}/${f.id}`)!);
  const bare = whole.map((e) => ({ ...e, relations: Object.fromEntries(Object.entries(e.relations ?? {}).filter(([name]) => required.get(e.kind)?.has(name))) }));
  const created = await writeEntitiesThroughApi(portal, bare, options);
  const completed = await writeEntitiesThroughApi(portal, whole, options);
  const failed = new Map([...first.failed.filter((f) => !MISSING_TARGET.test(f.detail)), ...created.failed, ...completed.failed].map((f) => [`${f.kind}/${f.id}`, f]));
  return { created: first.created + created.created, updated: first.updated + created.updated, unchanged: first.unchanged + created.unchanged, failed: [...failed.values()] };
}

/**
 * `portico catalog import port <export.json>`: blueprints become kinds (written with the kinds
 * API), entities become entities (the bulk API), then the computed values the export shows
 * are compared with what the portal computes. Exit 1 when anything was refused or differs.
 */
export async function runImportPort(file: string, options: PortalClientOptions & { dryRun: boolean }, print: Print, printError: Print, progress?: ProgressBar): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    printError(`${file} could not be read: ${(error as Error).message}`);
    return 2;
  }
  const { kinds, entities, shown, report } = parsePortExport(text, file);
  for (const line of formatPortImportReport(report)) print(line);
  if (options.dryRun) {
    print(`Dry run: ${kinds.length} kinds and ${entities.length} entities would be written; nothing was.`);
    return report.errors.length ? 1 : 0;
  }
  if (!kinds.length) return 1;
  const portal = await resolvePortalClient(options, printError);
  if (!portal) return 2;
  const bar = progress ?? startProgressBar(`Writing to ${portal.url}`, { silentOffTerminal: true });
  let failures = 0;
  try {
    const total = kinds.length + entities.length;
    bar.update(0, total);
    const written = await writeKindsThroughApi(portal, kinds);
    bar.update(kinds.length, total);
    print(`Kinds written to ${portal.url}: ${written.created.length} created, ${written.updated.length} updated, ${written.unchanged.length} unchanged, ${written.failed.length} refused.`);
    for (const failure of written.failed) printError(`  kind ${failure.kind}: ${failure.detail}`);
    const refusedKinds = new Set(written.failed.map((f) => f.kind));
    const writable = entities.filter((e) => !refusedKinds.has(e.kind));
    if (writable.length < entities.length) printError(`  ${entities.length - writable.length} entities of refused kinds were not written.`);
    const summary = await writeEntities(portal, writable, kinds, (done) => bar.update(kinds.length + done, kinds.length + writable.length));
    bar.done(`Wrote ${kinds.length} kinds and ${writable.length} entities`);
    print(`Entities written: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} refused.`);
    for (const failure of summary.failed) printError(`  ${failure.kind}/${failure.id}: ${failure.detail}`);
    const comparison = await compareComputedValues(portal, shown.filter((s) => !refusedKinds.has(s.kind)));
    print(`Computed values compared with the export: ${comparison.equal} equal, ${comparison.differences.length} different.`);
    for (const d of comparison.differences) printError(`  ${d.ref} ${d.name}: Port showed ${JSON.stringify(d.expected)}, Portico computes ${JSON.stringify(d.actual)}`);
    failures = written.failed.length + summary.failed.length + comparison.differences.length + report.errors.length;
  } catch (error) {
    bar.fail('The import stopped');
    printError(`The import stopped: ${(error as Error).message}`);
    return 1;
  }
  return failures ? 1 : 0;
}
