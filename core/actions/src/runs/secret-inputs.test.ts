import request from 'supertest';
import { createApiRouter, createHttpApp } from '@portico/http';
import type { Identity, JsonSchema, Run } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { testLogger, testSecrets, waitFor } from '../__fixtures__/test-services';
import { REDACTED, inputsForRerun, restoreSecretInputs, splitSecretInputs } from './run-inputs';

jest.setTimeout(30_000);

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    password: { type: 'string', format: 'secret' },
    database: { type: 'object', properties: { host: { type: 'string' }, credentials: { type: 'object', properties: { user: { type: 'string' }, token: { type: 'string', writeOnly: true } } } } },
    keys: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, value: { type: 'string', format: 'secret' } } } },
    tags: { type: 'object', additionalProperties: { type: 'string', format: 'secret' } },
    either: { anyOf: [{ type: 'string' }, { type: 'object', properties: { pin: { type: 'string', format: 'secret' } } }] },
  },
};

const inputs = {
  name: 'svc',
  password: 'pw-top',
  database: { host: 'db.internal', credentials: { user: 'app', token: 'tok-nested' } },
  keys: [{ id: 'a', value: 'key-a' }, { id: 'b', value: 'key-b' }],
  tags: { 'x/y': 'tag-secret' },
  either: { pin: 'pin-1234' },
};
const SECRETS = /pw-top|tok-nested|key-a|key-b|tag-secret|pin-1234/;

describe('secret inputs at any depth', () => {
  it('redacts format: secret and writeOnly values in objects, arrays, additionalProperties and anyOf branches, and puts them back', () => {
    const { visible, secrets } = splitSecretInputs(schema, inputs);
    expect(visible).toEqual({
      name: 'svc',
      password: REDACTED,
      database: { host: 'db.internal', credentials: { user: 'app', token: REDACTED } },
      keys: [{ id: 'a', value: REDACTED }, { id: 'b', value: REDACTED }],
      tags: { 'x/y': REDACTED },
      either: { pin: REDACTED },
    });
    expect(Object.keys(secrets).sort()).toEqual(['/database/credentials/token', '/either/pin', '/keys/0/value', '/keys/1/value', '/password', '/tags/x~1y']);
    expect(restoreSecretInputs(visible, secrets)).toEqual(inputs);
    // Runs stored before nested redaction keyed their secrets by top-level name.
    expect(restoreSecretInputs({ password: REDACTED }, { password: 'old' })).toEqual({ password: 'old' });
    // A re-run takes secrets given again at the same places and drops the rest.
    expect(inputsForRerun(schema, visible, { keys: [{ value: 'new-a' }] })).toEqual({ name: 'svc', database: { host: 'db.internal', credentials: { user: 'app' } }, keys: [{ id: 'a', value: 'new-a' }, { id: 'b' }], tags: {}, either: {} });
  });

  it('keeps nested secrets out of the stored run, API answers, the log and the finished-run event, while the handler gets them', async () => {
    const catalog = await testCatalog();
    const runner = await createActionRunner({ catalog, logger: testLogger(), secrets: testSecrets() });
    const caller: Identity = { id: 'user:ann', kind: 'user', displayName: 'Ann', teams: [], isGuest: false, permissions: ['actions.run', 'runs.read'] };
    const app = createHttpApp({ api: [{ prefix: '', router: createApiRouter(runner.routes()) }], authenticate: async () => caller });
    const handled: unknown[] = [];
    const finished: Run[] = [];
    runner.updater.onFinished((run) => void finished.push(run));
    runner.registerAction({ id: 'provision-db', title: 'Provision', operation: 'create', inputSchema: schema, invocation: { type: 'handler', handler: (ctx) => void handled.push(ctx.inputs) } }, 'db');
    try {
      const created = await request(app).post('/api/v1/actions/provision-db/runs').send({ inputs }).expect(201);
      expect(JSON.stringify(created.body)).not.toMatch(SECRETS);
      await waitFor(async () => (await runner.getRun(created.body.id))?.status === 'succeeded', 'the run');
      expect(handled).toEqual([inputs]);
      const read = await request(app).get(`/api/v1/runs/${created.body.id}`).expect(200);
      const listed = await request(app).get('/api/v1/runs').expect(200);
      const logs = await request(app).get(`/api/v1/runs/${created.body.id}/logs`).expect(200);
      for (const body of [read.body, listed.body, logs.body, finished]) expect(JSON.stringify(body)).not.toMatch(SECRETS);
      expect(read.body.inputs.keys).toEqual([{ id: 'a', value: REDACTED }, { id: 'b', value: REDACTED }]);
      // Re-running needs the secrets again; given at their places they reach the handler.
      const again = await request(app).post(`/api/v1/runs/${created.body.id}/rerun`).send({ inputs: { password: 'pw-2' } }).expect(201);
      await waitFor(async () => (await runner.getRun(again.body.id))?.status === 'succeeded', 'the re-run');
      expect(handled[1]).toMatchObject({ password: 'pw-2', keys: [{ id: 'a' }, { id: 'b' }] });
    } finally {
      await runner.close();
      await catalog.dispose();
    }
  });
});
