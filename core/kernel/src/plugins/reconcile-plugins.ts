import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { PluginEntry } from '../config/portico-config';
import type { PluginChange, PluginHost } from './plugin-host';
import type { PluginRecord } from './plugin-record';

export interface PluginFailure {
  /** The plugin id, or the package or path of an entry that never loaded. */
  plugin: string;
  error: string;
}

export interface ReconcileResult {
  changes: PluginChange[];
  failures: PluginFailure[];
}

function entryLabel(entry: PluginEntry): string {
  return entry.package ?? entry.path ?? '?';
}

function matches(entry: PluginEntry, record: PluginRecord, baseDir: string): boolean {
  if (entry.package) return record.packageName === entry.package;
  if (!entry.path) return false;
  return (isAbsolute(entry.path) ? entry.path : resolve(baseDir, entry.path)) === record.dir;
}

function installedVersion(record: PluginRecord): string | undefined {
  const file = join(record.dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version);
  } catch {
    return undefined;
  }
}

/**
 * Makes the running plugins what the config lists: plugins no longer listed are removed
 * (dependents first), new entries are added (retried while a later one provides what an
 * earlier one needs), and a running plugin whose installed version or config changed is
 * upgraded in place. Plugins that failed before are tried again. Each change stands alone:
 * one that fails is reported and leaves the portal as it was for that plugin.
 */
export async function reconcilePlugins(host: PluginHost, entries: PluginEntry[], baseDir: string): Promise<ReconcileResult> {
  const wanted = entries.filter((entry) => entry.enabled !== false);
  const result: ReconcileResult = { changes: [], failures: [] };
  const attempt = async (plugin: string, change: () => Promise<PluginChange>): Promise<boolean> => {
    try {
      result.changes.push(await change());
      return true;
    } catch (error) {
      result.failures.push({ plugin, error: (error as Error).message });
      return false;
    }
  };

  for (const record of [...host.records].reverse()) {
    const entry = wanted.find((e) => matches(e, record, baseDir));
    if (!entry || record.status === 'failed') {
      if (record.status === 'failed') await host.remove(record.id).catch(() => undefined);
      else await attempt(record.id, () => host.remove(record.id));
    }
  }
  let toAdd: PluginEntry[] = [];
  for (const entry of wanted) {
    const record = host.records.find((r) => matches(entry, r, baseDir));
    if (!record) {
      toAdd.push(entry);
      continue;
    }
    const version = installedVersion(record);
    if ((version !== undefined && version !== record.version) || !isDeepStrictEqual(entry.config ?? null, host.entryOf(record.id)?.config ?? null)) {
      await attempt(record.id, () => host.upgrade(record.id, entry));
    }
  }
  // An entry may need a plugin listed after it: try again while a pass adds something.
  for (let progress = true; toAdd.length > 0 && progress; ) {
    progress = false;
    const failedThisPass: Array<{ entry: PluginEntry; error: string }> = [];
    for (const entry of toAdd) {
      try {
        result.changes.push(await host.add(entry));
        progress = true;
      } catch (error) {
        failedThisPass.push({ entry, error: (error as Error).message });
      }
    }
    toAdd = failedThisPass.map((f) => f.entry);
    if (!progress) for (const f of failedThisPass) result.failures.push({ plugin: entryLabel(f.entry), error: f.error });
  }
  return result;
}
