import type { CatalogService, Entity, EntityInput, EntityMutation, EntityProviderContext, QueryFilter } from '@portico/plugin-api';
import { createAirflowConnection } from '../airflow/airflow-connection';
import { resolveAirflowConfig } from '../config/airflow-config';
import { FAKE_PASSWORD, FAKE_USER, startAirflowFake, type AirflowFake } from '../testing/airflow-fake';
import { airflowProvider } from './airflow-provider';

// The DAG sync against Airflow-shaped fakes, over a catalog kept in a Map: what it writes, what
// it deletes when Airflow no longer has it, and what it keeps when an instance cannot be read.

let up: AirflowFake;
const store = new Map<string, Entity>();
const logs: string[] = [];

const catalog: Pick<CatalogService, 'get' | 'query'> = {
  get: async (ref) => store.get(`${ref.kind}:${ref.id}`) ?? (ref.kind === 'team' && ref.id === 'checkout-team' ? ({ kind: 'team', id: ref.id } as Entity) : null),
  query: async (query) => {
    const rule = (query.filter as QueryFilter).rules[0] as { property: string; value: unknown };
    const items = [...store.values()].filter((e) => e.kind === query.kind && e.properties[rule.property] === rule.value);
    return { items, total: items.length, nextCursor: null };
  },
};

const ctx: EntityProviderContext = {
  logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m), debug: () => undefined, child: () => ctx.logger } as never,
  signal: new AbortController().signal,
  apply: async (mutation: EntityMutation) => {
    for (const e of mutation.upsert ?? []) store.set(`${e.kind}:${e.id}`, { ...(e as EntityInput), properties: e.properties ?? {}, relations: (e.relations ?? {}) as Entity['relations'] } as Entity);
    for (const ref of mutation.delete ?? []) store.delete(`${ref.kind}:${ref.id}`);
  },
  applyFullSync: async () => {
    throw new Error('this provider does not use full sync');
  },
};

const ids = (kind: string) => [...store.values()].filter((e) => e.kind === kind).map((e) => e.id).sort();

beforeAll(async () => {
  up = await startAirflowFake({ apiVersion: 'v2' });
});
afterAll(() => up.close());

test('writes DAGs and their recent runs, deletes what Airflow no longer has, and keeps everything when an instance fails', async () => {
  up.addDag({ dagId: 'orders', owners: ['checkout-team', 'airflow'], tasks: ['a'] });
  up.addDag({ dagId: 'legacy', owners: ['airflow'], tasks: ['a'] });
  for (let i = 0; i < 3; i++) up.addRun('orders', 'success');
  const config = resolveAirflowConfig({ instances: [{ id: 'default', baseUrl: up.url, apiVersion: 'v2' }, { id: 'down', baseUrl: 'http://127.0.0.1:9', apiVersion: 'v2' }], recentRuns: 2 });
  const secrets = { get: async (name: string) => ({ 'airflow-username': FAKE_USER, 'airflow-password': FAKE_PASSWORD, 'airflow-down-username': 'x', 'airflow-down-password': 'y' })[name] };
  const provider = airflowProvider({ config, airflow: createAirflowConnection(config, secrets), catalog });

  await provider.refresh(ctx);
  expect(ids('dag')).toEqual(['legacy', 'orders']);
  expect(store.get('dag:orders')?.owner).toBe('checkout-team');
  expect(store.get('dag:legacy')?.owner).toBeUndefined();
  const runs = ids('dag-run');
  expect(runs).toHaveLength(2);
  expect(logs.some((l) => l.startsWith('Airflow sync of instance "down" failed; its entities are kept'))).toBe(true);

  // A newer run pushes the oldest out of the window; a DAG removed from Airflow goes.
  up.addRun('orders', 'failed');
  up.removeDag('legacy');
  await provider.refresh(ctx);
  expect(ids('dag')).toEqual(['orders']);
  expect(ids('dag-run')).toHaveLength(2);
  expect(ids('dag-run')).not.toEqual(runs);
  expect(store.get('dag:orders')?.properties.lastRunState).toBe('failed');

  // Airflow refusing the portal deletes nothing, and with every instance failing the sync fails.
  up.http.failNext('GET /api/v2/dags', { status: 503, body: { detail: 'Service Unavailable' } });
  await expect(provider.refresh(ctx)).rejects.toThrow('Airflow sync failed for every instance (default, down); see the log lines above.');
  expect(ids('dag')).toEqual(['orders']);
  expect(ids('dag-run')).toHaveLength(2);
});
