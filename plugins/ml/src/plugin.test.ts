import { join } from 'node:path';
import type { ActionDefinition } from '@portico/plugin-api';
import { SchemaValidator } from '@portico/http';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { mlConfigSchema } from './config/ml-config';
import plugin from './index';

// The plugin as the demo portal loads it (ml.simulated: true) on the embedded store, with the
// software catalog it depends on.

jest.setTimeout(120_000);
const pluginsDir = join(__dirname, '..', '..');
let portal: TestPortal;

beforeAll(async () => {
  portal = await startTestPortal({
    plugins: [{ path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } }, { path: join(pluginsDir, 'ml'), config: { simulated: true, syncIntervalMs: 60_000 } }],
    users: { reader: { roles: ['viewer'] }, alice: { roles: ['developer'], permissions: ['ml.*'], teams: ['checkout-team'] } },
  });
});
afterAll(() => portal?.close());

test('registers exactly what its manifest declares, with valid input schemas and a permission on every action', async () => {
  const { contributions, providers } = portal.portal.plugins.find((p) => p.id === 'ml')!;
  expect(contributions.kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
  expect(contributions.actions.sort()).toEqual([...packageJson.portico.actions].sort());
  expect(contributions.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
  expect(providers.map((p) => [p.id, p.everyMs])).toEqual([['ml.mlflow', 60_000], ['ml.serving', 60_000]]);
  const actions = (await portal.api<{ items: ActionDefinition[] }>('GET', '/actions', undefined, { as: 'reader' })).body.items.filter((a) => a.id.startsWith('ml.'));
  const validator = new SchemaValidator();
  for (const action of actions) expect(validator.checkSchema(action.inputSchema)).toEqual([]);
  expect(Object.fromEntries(actions.map((a) => [a.id, a.permission ?? null]))).toEqual({
    'ml.train-model': 'ml.train',
    'ml.preprocess-dataset': 'ml.preprocess',
    'ml.deploy-model-version': 'ml.serving.deploy',
    'ml.route-traffic': 'ml.serving.traffic',
    'ml.promote-challenger': 'ml.serving.traffic',
    'ml.rollback-challenger': 'ml.serving.traffic',
    'ml.revert-endpoint': 'ml.serving.revert',
    'ml.apply-production-change': 'ml.production.change',
    'ml.start-notebook': 'ml.notebook.start',
    'ml.extend-notebook': 'ml.notebook.extend',
    'ml.stop-notebook': 'ml.notebook.stop',
  });
  expect(packageJson.portico.id).toBe(plugin.id);
});

test('config schema refuses a cluster without its credentials and a bad quantity', () => {
  const validator = new SchemaValidator();
  expect(() => validator.assert(mlConfigSchema, { clusters: [{ id: 'prod', auth: 'token' }] }, 'config')).toThrow('/clusters/0');
  expect(() => validator.assert(mlConfigSchema, { training: [{ id: 't', cluster: 'c', namespace: 'n', image: 'i', command: ['x'], memory: 'lots' }] }, 'config')).toThrow('/training/0/memory');
  expect(() => validator.assert(mlConfigSchema, { mlflow: { baseUrl: 'https://mlflow.example.com', auth: 'bearer' }, serving: [{ environment: 'production', cluster: 'prod', namespace: 'models' }] }, 'config')).not.toThrow();
});

test('the demo shows sample models, versions and an endpoint with a challenger, and its actions say they change nothing real', async () => {
  const model = await eventually(async () => {
    const m = await portal.entity('ml-model', 'churn-classifier', 'reader');
    return m?.properties.versions.length === 4 ? m : null;
  }, 'the demo model');
  expect(model).toMatchObject({ owner: 'checkout-team', properties: { aliases: { champion: '3', challenger: '4' } } });
  const endpoint = await portal.waitForEntity('ml-serving-endpoint', 'production.churn', { as: 'reader' });
  expect(endpoint).toMatchObject({ owner: 'checkout-team', relations: { model: 'churn-classifier' } });
  expect(endpoint.properties.traffic).toEqual([{ role: 'champion', version: '3', percent: 90 }, { role: 'challenger', version: '4', percent: 10 }]);
  const train = await portal.runAction('ml.train-model', { inputs: { parameters: { max_depth: 8 } }, as: 'alice', timeoutMs: 30_000 });
  expect(train.status).toBe('succeeded');
  expect(train.logs).toContain('ML infrastructure is SIMULATED in this portal (ml.simulated: true): MLflow, Kubernetes and JupyterHub are in-process, and this run changes nothing real.');
  expect(train.outputs.modelVersions).toEqual(['churn-classifier.v5']);
  const notebook = await portal.runAction('ml.start-notebook', { inputs: { name: 'demo', owner: 'checkout-team', image: 'scipy', size: 'small' }, as: 'alice', timeoutMs: 30_000 });
  expect(notebook.status).toBe('succeeded');
  expect((await portal.entity('ml-notebook', 'alice.demo', 'alice')).properties.url).toBe('https://jupyter.example.com/user/alice/demo/');
});
