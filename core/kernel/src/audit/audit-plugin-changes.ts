import type { AuditEvent, StateStore } from '@portico/auth';
import type { PluginRecord } from '../plugins/plugin-record';

const KEY = 'audit:plugins-seen';

/**
 * Plugins are installed with npm and a config line, so the portal learns of an install when
 * it starts: it compares what it loaded with what it loaded last time and records each
 * plugin installed, upgraded (or downgraded), removed or failing to load.
 */
export async function auditPluginChanges(records: PluginRecord[], state: StateStore, audit: { record(event: AuditEvent): Promise<void> }): Promise<void> {
  let seen: Record<string, { version: string; status: string }> = {};
  try {
    seen = JSON.parse((await state.get(KEY)) ?? '{}') as typeof seen;
  } catch {
    // An unreadable memory of the last start: every plugin is then recorded as installed.
  }
  const now: Record<string, { version: string; status: string }> = {};
  const base = { actor: 'kernel', via: 'internal' } as const;
  for (const record of records) {
    now[record.id] = { version: record.version, status: record.status };
    const before = seen[record.id];
    if (before && before.version === record.version && before.status === record.status) continue;
    const action = record.status !== 'running' ? 'plugin.failed' : !before ? 'plugin.installed' : before.version !== record.version ? 'plugin.upgraded' : 'plugin.recovered';
    await audit.record({ ...base, action, target: `plugin:${record.id}`, outcome: record.status === 'running' ? 'ok' : 'failed', before, after: now[record.id], note: { packageName: record.packageName, version: record.version, ...(before ? { previousVersion: before.version } : {}) } });
  }
  for (const [id, before] of Object.entries(seen)) {
    if (!(id in now)) await audit.record({ ...base, action: 'plugin.removed', target: `plugin:${id}`, outcome: 'ok', before, note: { previousVersion: before.version } });
  }
  await state.set(KEY, JSON.stringify(now));
}
