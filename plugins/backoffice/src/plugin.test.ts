import { join } from 'node:path';
import { SchemaValidator } from '@portico/http';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { backofficeConfigSchema } from './config/backoffice-config';
import plugin from './index';

// The plugin as a portal loads it, on the embedded store, with each case's config.

async function withPortal(config: Record<string, unknown>, test: (portal: TestPortal) => Promise<void>): Promise<void> {
  const portal = await startTestPortal({
    plugins: [{ path: join(__dirname, '..'), config }],
    users: { reader: { roles: ['viewer'] }, support: { roles: ['developer'], permissions: ['backoffice.*'] }, admin: { roles: ['admin'], teams: ['portal-admins'] } },
  });
  try {
    await test(portal);
  } finally {
    await portal.close();
  }
}

const record = (portal: TestPortal) => portal.portal.plugins.find((p) => p.id === 'backoffice')!;

describe('backoffice plugin', () => {
  it('registers exactly what its manifest declares, simulated or not', async () => {
    for (const config of [{}, { simulated: true }] as Array<{ simulated?: boolean }>) {
      await withPortal(config, async (portal) => {
        const { contributions } = record(portal);
        expect(contributions.kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
        expect(contributions.actions.sort()).toEqual([...packageJson.portico.actions].sort());
        expect(contributions.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
        expect(record(portal).routes.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual(['POST /webhooks/stripe public']);
        expect(contributions.providers).toEqual([config.simulated ? 'backoffice.sample-customers' : 'backoffice.stripe-customers']);
        expect(contributions.automations).toEqual(['backoffice.complete-deletion-after-grace-period']);
      });
    }
    expect(packageJson.portico.id).toBe(plugin.id);
  });

  it('has valid input schemas; every action declares a permission; deletion needs the configured approvers', async () => {
    const validator = new SchemaValidator({ formats: { user: true, timer: true } });
    await withPortal({ deletion: { approvers: { users: ['carol'] } } }, async (portal) => {
      const res = await portal.api('GET', '/actions', undefined, { as: 'reader' });
      const actions = res.body.items.filter((a: { id: string }) => a.id.startsWith('backoffice.'));
      expect(actions.map((a: { id: string }) => a.id).sort()).toEqual([...packageJson.portico.actions].sort());
      for (const action of actions) {
        expect(validator.checkSchema(action.inputSchema)).toEqual([]);
        expect(action.permission).toMatch(/^backoffice\.customers\./);
      }
      expect(actions.filter((a: { approval?: unknown }) => a.approval).map((a: { id: string; approval: unknown }) => [a.id, a.approval])).toEqual([['backoffice.delete-customer', { users: ['carol'], teams: [], mode: 'any' }]]);
    });
    await withPortal({}, async (portal) => {
      const res = await portal.api('GET', '/actions', undefined, { as: 'reader' });
      expect(res.body.items.find((a: { id: string }) => a.id === 'backoffice.delete-customer').approval).toEqual({ users: [], teams: ['portal-admins'], mode: 'any' });
    });
  });

  it('config schema refuses a malformed plan and an unknown field', () => {
    const validator = new SchemaValidator();
    expect(() => validator.assert(backofficeConfigSchema, { plans: [{ id: 'Bad Id', title: 'x', tier: 1, priceIds: ['p'] }] }, 'config')).toThrow('/plans/0/id');
    expect(() => validator.assert(backofficeConfigSchema, { stripe: { hots: 'x' } }, 'config')).toThrow('/stripe');
    expect(() => validator.assert(backofficeConfigSchema, { stripe: { host: '127.0.0.1', port: 12111, protocol: 'http' } }, 'config')).not.toThrow();
  });

  it('simulated: sample customers and plans, and the actions work without Stripe or a tenant service', async () => {
    await withPortal({ simulated: true }, async (portal) => {
      await eventually(async () => (await portal.query({ kind: 'customer', limit: 50 }, 'reader')).length === 6, 'the sample customers');
      expect((await portal.query({ kind: 'plan', limit: 50 }, 'reader')).map((p: { id: string }) => p.id).sort()).toEqual(['enterprise', 'starter', 'team']);
      const upgrade = await portal.runAction('backoffice.change-plan', { entity: { kind: 'customer', id: 'globex' }, inputs: { plan: 'enterprise', proration: 'none' }, as: 'support' });
      expect(upgrade.status).toBe('succeeded');
      expect(upgrade.outputs.amountDue).toBe('499.00 USD');
      const version = await portal.runAction('backoffice.update-software-version', { entity: { kind: 'customer', id: 'globex' }, inputs: { version: '2.4.0' }, as: 'support' });
      expect(version.status).toBe('succeeded');
      const created = await portal.runAction('backoffice.create-customer', { inputs: { id: 'newco', name: 'NewCo', email: 'a@newco.example', plan: 'starter', region: 'eu-west', configuration: {} }, as: 'support' });
      expect(created.status).toBe('succeeded');
      expect(portal.logs.some((l) => l.level === 'warn' && /SIMULATED/.test(l.message))).toBe(true);
    });
  });
});
