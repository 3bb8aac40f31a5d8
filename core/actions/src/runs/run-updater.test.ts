import type { Run } from '@portico/plugin-api';
import { MemoryRunStore } from './memory-run-store';
import { RunUpdater } from './run-updater';
import { newRunId } from './run-id';
import { queuedRun } from './queued-run';

function run(): Run {
  return queuedRun({ id: newRunId(), actionId: 'a', inputs: {}, entity: null, actor: 'x', createdAt: new Date().toISOString() });
}

describe('RunUpdater', () => {
  it('enforces the status machine, stamps the end, announces each ending once and freezes ended runs', async () => {
    const store = new MemoryRunStore();
    const updater = new RunUpdater(store);
    const finished: string[] = [];
    updater.onFinished((r) => finished.push(`${r.id}:${r.status}`));
    const started: string[] = [];
    updater.onStarted((r) => started.push(`${r.id}:${r.attempts}`));
    const { run: r } = await store.create(run());
    await expect(updater.update(r.id, (x) => ({ ...x, status: 'succeeded' }))).rejects.toMatchObject({ status: 409, type: 'urn:portico:problem:run-transition' });
    await expect(updater.update(r.id, (x) => ({ ...x, status: 'declined' }))).rejects.toMatchObject({ status: 409 });
    await updater.update(r.id, (x) => ({ ...x, status: 'running', attempts: 1 }));
    await updater.update(r.id, (x) => ({ ...x, progress: 50 }));
    expect(started).toEqual([`${r.id}:1`]);
    const ended = await updater.update(r.id, (x) => ({ ...x, status: 'succeeded' }));
    expect(ended.run.endedAt).toBeTruthy();
    expect(finished).toEqual([`${r.id}:succeeded`]);
    await expect(updater.update(r.id, (x) => ({ ...x, outputs: { late: 1 } }))).rejects.toMatchObject({ status: 409, type: 'urn:portico:problem:run-frozen' });
    expect(await store.appendLog(r.id, { at: '', type: 'line', level: 'info', message: 'late' })).toBeNull();
    const logs = await store.readLogs(r.id);
    expect(logs.map((l) => l.type)).toEqual(['end']);
    await expect(updater.update('run_missing', (x) => x)).rejects.toMatchObject({ status: 404 });
  });

  it('lets exactly one of two concurrent writers win a compare-and-set', async () => {
    const store = new MemoryRunStore();
    const updater = new RunUpdater(store);
    const { run: r } = await store.create(run());
    const stored = (await store.get(r.id))!;
    const results = await Promise.all([updater.write(stored, { ...stored.run, status: 'running' }), updater.write(stored, { ...stored.run, status: 'cancelled' })]);
    expect(results.sort()).toEqual([false, true]);
  });
});
