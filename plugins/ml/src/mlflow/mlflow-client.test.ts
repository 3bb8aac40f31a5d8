import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startMlflowFake, type MlflowFake } from '../testing/mlflow-fake';
import { MlflowApiError } from './mlflow-api-error';
import { MlflowClient, filterValue } from './mlflow-client';

let mlflow: MlflowFake;
let client: MlflowClient;

beforeAll(async () => {
  mlflow = await startMlflowFake();
  // Pages of two, so every list below crosses a page_token.
  client = new MlflowClient({ baseUrl: mlflow.url, credentials: async () => ({ type: 'bearer', token: mlflow.token }), pageSize: 2 });
  mlflow.addExperiment('churn', { 'portico.owner': 'data-team' });
  mlflow.addExperiment('fraud');
  mlflow.addExperiment('pricing');
  for (const [i, accuracy] of [0.8, 0.85, 0.9].entries()) {
    const run = mlflow.logRun('churn', { name: `run-${i}`, status: 'FINISHED', metrics: { accuracy }, params: { depth: String(i + 3) }, tags: { portico_run_id: `r${i}` } });
    mlflow.registerVersion('churn-model', run.info.run_id);
  }
});
afterAll(() => mlflow.close());

test('reads experiments, runs (newest first, found by tag), metric history and the registry, page by page', async () => {
  const experiments = await client.searchExperiments();
  expect(experiments.map((e) => e.name)).toEqual(['churn', 'fraud', 'pricing']);
  expect(experiments[0].tags).toEqual({ 'portico.owner': 'data-team' });
  expect((await client.getExperimentByName('nope'))).toBeNull();
  const runs = await client.searchRuns(['1']);
  expect(runs.map((r) => [r.runName, r.metrics.accuracy, r.params.depth])).toEqual([['run-2', 0.9, '5'], ['run-1', 0.85, '4'], ['run-0', 0.8, '3']]);
  const [tagged] = await client.searchRuns(['1'], { filter: `tags.portico_run_id = ${filterValue('r1')}`, maxResults: 1 });
  expect(tagged.runName).toBe('run-1');
  mlflow.updateRun(tagged.runId, { metrics: { accuracy: 0.86 } });
  expect((await client.getMetricHistory(tagged.runId, 'accuracy')).map((p) => p.value)).toEqual([0.85, 0.86]);
  expect((await client.getRun(tagged.runId)).metrics).toEqual({ accuracy: 0.86 });
  const versions = await client.searchModelVersions(`name = ${filterValue('churn-model')}`);
  expect(versions.map((v) => [v.version, v.runId, v.status])).toEqual([['1', runs[2].runId, 'READY'], ['2', runs[1].runId, 'READY'], ['3', runs[0].runId, 'READY']]);
  expect((await client.searchModelVersions(`run_id = ${filterValue(runs[0].runId)}`)).map((v) => v.version)).toEqual(['3']);
  expect(mlflow.rejected).toEqual([]);
});

test('moves aliases: set champion and challenger, delete one (a missing one is no error)', async () => {
  await client.setAlias('churn-model', 'champion', '2');
  await client.setAlias('churn-model', 'challenger', '3');
  await client.setAlias('churn-model', 'champion', '3');
  await client.deleteAlias('churn-model', 'challenger');
  await client.deleteAlias('churn-model', 'challenger');
  expect((await client.getRegisteredModel('churn-model')).aliases).toEqual({ champion: '3' });
  expect((await client.getModelVersion('churn-model', '3')).aliases).toEqual(['champion']);
  expect(mlflow.requestsTo('DELETE /api/2.0/mlflow/registered-models/alias')[0].body).toEqual({ name: 'churn-model', alias: 'challenger' });
});

test('a 404, a refused token and an unreachable server become errors that say what to check', async () => {
  const missing = await client.getModelVersion('churn-model', '99').catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(MlflowApiError);
  expect(missing).toMatchObject({ status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' });
  expect((missing as Error).message).toBe('MLflow found nothing for GET /model-versions/get (404 RESOURCE_DOES_NOT_EXIST): the experiment, run, model or version does not exist (or was deleted). MLflow said: Model Version (name=churn-model, version=99) not found');
  const stranger = new MlflowClient({ baseUrl: mlflow.url, credentials: async () => ({ type: 'bearer', token: 'wrong' }) });
  await expect(stranger.searchExperiments()).rejects.toThrow(/^MLflow rejected the portal's credentials \(401 on POST \/experiments\/search\)/);
  const closed = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const down = new MlflowClient({ baseUrl: `http://127.0.0.1:${closed}`, credentials: async () => ({ type: 'none' }) });
  await expect(down.searchRegisteredModels()).rejects.toThrow(`MLflow at http://127.0.0.1:${closed} could not be reached for GET /registered-models/search (ECONNREFUSED): check mlflow.baseUrl and the network.`);
});
