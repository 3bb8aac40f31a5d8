import request from 'supertest';
import { createApiRouter, createHttpApp } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { testLogger, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(30_000);

const member = (name: string): Identity => ({ id: `user:${name}`, kind: 'user', displayName: name, teams: ['team:sre'], isGuest: false, permissions: ['actions.run'] });
const people: Record<string, Identity> = { ann: member('ann'), bob: member('bob') };

describe('approving one\'s own request', () => {
  it('is refused with a 403 unless the policy sets allowSelfApproval; another approver may approve', async () => {
    const catalog = await testCatalog();
    const runner = await createActionRunner({ catalog, logger: testLogger(), secrets: testSecrets() });
    const app = createHttpApp({ api: [{ prefix: '', router: createApiRouter(runner.routes()) }], authenticate: async (a) => people[(a ?? '').replace('Bearer ', '')] ?? null });
    const ran: string[] = [];
    const handler = { type: 'handler' as const, handler: (ctx: { runId: string }) => void ran.push(ctx.runId) };
    runner.registerAction({ id: 'failover', title: 'Fail over', operation: 'create', inputSchema: { type: 'object' }, approval: { teams: ['sre'] }, invocation: handler }, 'sre');
    runner.registerAction({ id: 'restart', title: 'Restart', operation: 'create', inputSchema: { type: 'object' }, approval: { teams: ['sre'], allowSelfApproval: true }, invocation: handler }, 'sre');
    try {
      const run = await request(app).post('/api/v1/actions/failover/runs').set('authorization', 'Bearer ann').send({}).expect(201);
      const refused = await request(app).post(`/api/v1/runs/${run.body.id}/approval`).set('authorization', 'Bearer ann').send({ decision: 'approve' }).expect(403);
      expect(refused.body.detail).toBe(`user:ann requested run ${run.body.id} and cannot approve it too: another approver of "failover" must (the action's approval policy would need allowSelfApproval: true).`);
      expect(await runner.getRun(run.body.id)).toMatchObject({ status: 'waiting_for_approval', approvals: [] });
      expect(ran).toEqual([]);
      await request(app).post(`/api/v1/runs/${run.body.id}/approval`).set('authorization', 'Bearer bob').send({ decision: 'approve' }).expect(200);
      await waitFor(async () => ran.includes(run.body.id), 'the approved run');

      const own = await request(app).post('/api/v1/actions/restart/runs').set('authorization', 'Bearer ann').send({}).expect(201);
      await request(app).post(`/api/v1/runs/${own.body.id}/approval`).set('authorization', 'Bearer ann').send({ decision: 'approve' }).expect(200);
      await waitFor(async () => ran.includes(own.body.id), 'the self-approved run');
    } finally {
      await runner.close();
      await catalog.dispose();
    }
  });
});
