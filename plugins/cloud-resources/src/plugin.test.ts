import { join } from 'node:path';
import type { ActionDefinition } from '@portico/plugin-api';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { resolveCloudConfig } from './config/cloud-config';

// The plugin as a portal loads it, on the embedded store with the software catalog: what it
// registers against its manifest, who may run each action, and the demo's simulated mode.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..');

async function withPortal(config: Record<string, unknown>, test: (portal: TestPortal) => Promise<void>): Promise<void> {
  const portal = await startTestPortal({
    plugins: [{ path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } }, { path: join(pluginsDir, 'cloud-resources'), config }],
    users: { reader: { roles: ['viewer'] }, alice: { roles: ['developer'], permissions: ['cloud.*'] } },
  });
  try {
    await test(portal);
  } finally {
    await portal.close();
  }
}

describe('cloud plugin', () => {
  it('registers exactly what its manifest declares, and a permission on every action', async () => {
    await withPortal({}, async (portal) => {
      const { contributions, providers } = portal.portal.plugins.find((p) => p.id === 'cloud')!;
      expect(contributions.kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
      expect(contributions.actions.sort()).toEqual([...packageJson.portico.actions].sort());
      expect(contributions.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
      expect(providers.map((p) => p.id)).toEqual(['cloud.kubernetes', 'cloud.auto-scaling']);
      const res = await portal.api<{ items: ActionDefinition[] }>('GET', '/actions', undefined, { as: 'reader' });
      const actions = res.body.items.filter((a) => a.id.startsWith('cloud.'));
      expect(actions).toHaveLength(packageJson.portico.actions.length);
      for (const action of actions) expect(action.permission).toMatch(/^cloud\.[a-z-]+\.[a-z-]+$/);
    });
  });

  it('fills defaults in code: excluded system namespaces, 5-day environments extended by 3 up to 14', () => {
    expect(resolveCloudConfig({ clusters: [{ id: 'a', auth: 'in-cluster' }] }).clusters[0].excludeNamespaces).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
    expect(resolveCloudConfig({}).environments).toMatchObject({ ttlDays: 5, extendDays: 3, maxLifetimeDays: 14 });
  });

  it('fails to start on a token cluster without its server, saying which field is missing', async () => {
    await expect(startTestPortal({ plugins: [{ path: join(pluginsDir, 'software-catalog') }, { path: join(pluginsDir, 'cloud-resources'), config: { clusters: [{ id: 'prod', auth: 'token', tokenSecret: 't' }] } }] })).rejects.toThrow(/server/);
  });

  it('simulated: the demo has workloads, groups, a resource and an environment expiring within a day; actions say they change nothing real', async () => {
    await withPortal({ simulated: true }, async (portal) => {
      const workload = await portal.waitForEntity('workload', 'demo.shop.cart-service', { as: 'alice' });
      expect(workload.properties).toMatchObject({ replicasDesired: 2, workloadType: 'Deployment' });
      await portal.waitForEntity('auto-scaling-group', 'demo.cart-web', { as: 'alice' });
      await portal.waitForEntity('cloud-resource', 'cart-assets', { as: 'alice' });
      const env = await portal.waitForEntity('dev-environment', 'alice-checkout', { as: 'alice' });
      expect(Date.parse(env.properties.expiresAt) - Date.now()).toBeLessThan(24 * 3600 * 1000);

      const scaled = await portal.runAction('cloud.scale-workload', { entity: { kind: 'workload', id: 'demo.shop.cart-service' }, inputs: { replicas: 4 }, as: 'alice' });
      expect(scaled.status).toBe('succeeded');
      expect(scaled.logs.some((l) => l.includes('SIMULATED in this portal (cloud.simulated: true): this changes nothing real'))).toBe(true);
      const provisioned = await portal.runAction('cloud.provision-resource', { inputs: { name: 'demo-queue', type: 'queue', owner: 'checkout-team', variables: { fifo: true } }, as: 'alice' });
      expect(provisioned.status).toBe('succeeded');
      expect((await portal.entity('cloud-resource', 'demo-queue', 'alice')).properties).toMatchObject({ status: 'ready', endpoint: 'https://portico-demo-queue.simulated.example.com' });
      const spun = await portal.runAction('cloud.spin-up-environment', { inputs: { name: 'demo-env', owner: 'checkout-team', services: ['products-service'] }, as: 'alice' });
      expect(spun.status).toBe('succeeded');
      const mock = await portal.runAction('cloud.load-mock-data', { entity: { kind: 'dev-environment', id: 'demo-env' }, inputs: {}, as: 'alice' });
      expect(mock.status).toBe('succeeded');
    });
  });
});
