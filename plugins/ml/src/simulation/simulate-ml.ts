import type { MlConnections } from '../actions/ml-action-deps';
import type { MlConfig } from '../config/ml-config';
import { SimulatedJupyterHub } from './simulated-jupyterhub';
import { SimulatedKubernetes } from './simulated-kubernetes';
import { SimulatedMlflow } from './simulated-mlflow';

const EXPERIMENT = 'churn-prediction';
const MODEL = 'churn-classifier';

/** Sample experiments, runs and model versions of the demo: metrics that improve run after run. */
function seed(mlflow: SimulatedMlflow, owner: string): void {
  const accuracy = [0.81, 0.84, 0.86, 0.89, 0.88, 0.91];
  accuracy.forEach((value, i) => {
    const run = mlflow.addRun(EXPERIMENT, { runName: `xgboost-${i + 1}`, startTime: Date.now() - (6 - i) * 86_400_000, endTime: Date.now() - (6 - i) * 86_400_000 + 1_800_000, metrics: { accuracy: value, auc: Math.round((value + 0.04) * 100) / 100, loss: Math.round((1 - value) * 100) / 100 }, params: { max_depth: String(4 + i), learning_rate: '0.1' } });
    if (i >= 2) mlflow.addVersion(MODEL, run.runId, i === 4 ? ['champion'] : i === 5 ? ['challenger'] : []);
  });
  mlflow.addRun('fraud-detection', { runName: 'baseline', metrics: { precision: 0.72, recall: 0.64 } });
  mlflow.experiments.forEach((e) => (e.tags['portico.owner'] = owner));
  mlflow.models.forEach((m) => (m.tags['portico.owner'] = owner));
}

/** The demo: in-process MLflow, cluster and hub with sample data, and a config that uses them. */
export function simulateMl(input: MlConfig): { config: MlConfig; connections: MlConnections } {
  const owner = input.defaultOwner ?? 'checkout-team';
  const config: MlConfig = {
    ...input,
    defaultOwner: owner,
    mlflow: input.mlflow ?? { baseUrl: 'https://mlflow.example.com', auth: 'none', tokenSecret: 'mlflow-token', usernameSecret: 'mlflow-username', passwordSecret: 'mlflow-password' },
    clusters: input.clusters.length ? input.clusters : [{ id: 'demo', auth: 'token' }],
    serving: input.serving.length ? input.serving : [{ environment: 'production', cluster: 'demo', namespace: 'models' }, { environment: 'staging', cluster: 'demo', namespace: 'models-staging' }],
    training: input.training.length ? input.training : [{ id: 'xgboost', title: 'XGBoost classifier', cluster: 'demo', namespace: 'training', image: 'registry.example.com/ml/train-xgboost:2.1', command: ['python', 'train.py'], experiment: EXPERIMENT, model: MODEL, cpu: '4', memory: '16Gi', gpu: 0, parameters: { type: 'object', additionalProperties: false, properties: { max_depth: { type: 'integer', title: 'Max depth', minimum: 1, maximum: 20, default: 6 }, learning_rate: { type: 'number', title: 'Learning rate', exclusiveMinimum: 0, maximum: 1, default: 0.1 } } } }],
    preprocessing: input.preprocessing.length ? input.preprocessing : [{ id: 'clean-events', title: 'Clean customer events', cluster: 'demo', namespace: 'training', image: 'registry.example.com/ml/clean-events:1.4', command: ['python', 'clean.py'], outputUri: 's3://datasets/{dataset}/{run}', cpu: '2', memory: '8Gi', gpu: 0, parameters: { type: 'object', additionalProperties: false, properties: { since: { type: 'string', title: 'Events since', format: 'date' } } } }],
    jupyterhub: input.jupyterhub ?? { baseUrl: 'https://jupyter.example.com', tokenSecret: 'jupyterhub-token', images: [{ id: 'scipy', title: 'SciPy notebook', image: 'quay.io/jupyter/scipy-notebook:2026-11-30' }, { id: 'pytorch', title: 'PyTorch notebook', image: 'quay.io/jupyter/pytorch-notebook:cuda12-2026-11-30' }], sizes: [{ id: 'small', cpu: '2', memory: '8Gi', gpu: 0 }, { id: 'gpu', cpu: '8', memory: '32Gi', gpu: 1 }], ttlHours: 8, maxHours: 72 },
    pollMs: Math.min(input.pollMs, 300),
  };
  const mlflow = new SimulatedMlflow();
  seed(mlflow, owner);
  const kubernetes = new SimulatedKubernetes(mlflow);
  // The demo's production endpoint: version 3 the champion, version 4 a challenger at 10 %, version 2 before them.
  void kubernetes
    .createInferenceService('models', 'churn', { modelFormat: 'mlflow', storageUri: `s3://mlflow/models/${MODEL}/3`, canaryTrafficPercent: null }, { labels: { 'app.kubernetes.io/managed-by': 'portico' }, annotations: { 'portico.io/model': MODEL, 'portico.io/champion-version': '3', 'portico.io/previous-version': '2' } })
    .then(() => kubernetes.patchInferenceService('models', 'churn', { storageUri: `s3://mlflow/models/${MODEL}/4`, canaryTrafficPercent: 10 }, { 'portico.io/challenger-version': '4' }));
  const hub = new SimulatedJupyterHub();
  return { config, connections: { mlflow: () => mlflow, kubernetes: async () => kubernetes, jupyterhub: () => hub } };
}
