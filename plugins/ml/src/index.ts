import { mlPlugin } from './plugin';

export { mlPlugin as plugin, mlPlugin };
export { mlKinds, datasetKind, experimentKind, modelKind, modelVersionKind, notebookKind, servingEndpointKind, trainingRunKind } from './kinds';
export type { VersionSummary } from './kinds/model-kind';
export type { TrafficShare } from './kinds/serving-endpoint-kind';
export { mlConfigSchema, resolveMlConfig, type MlConfig, type MlflowConfig, type ClusterConfig, type ServingTarget, type JobTemplate, type JupyterHubConfig, type NotebookImage, type NotebookSize } from './config/ml-config';
export { MlflowClient, type MlflowClientOptions, type MlflowCredentials } from './mlflow/mlflow-client';
export { MlflowApiError } from './mlflow/mlflow-api-error';
export type { MlflowApi } from './mlflow/mlflow-api';
export type { MlflowExperiment, MlflowRun, MlflowRunStatus, MlflowModelVersion, MlflowRegisteredModel, MlflowMetricPoint } from './mlflow/mlflow-types';
export { MlKubernetesClient } from './kubernetes/ml-kubernetes-client';
export { KubernetesApiError } from './kubernetes/kubernetes-api-error';
export type { MlKubernetesApi, JobSpec, JobState, PredictorSpec, InferenceServiceInfo, TrafficTarget } from './kubernetes/ml-kubernetes-api';
export { JupyterHubClient, type JupyterHubClientOptions } from './jupyterhub/jupyterhub-client';
export { JupyterHubApiError } from './jupyterhub/jupyterhub-api-error';
export type { JupyterHubApi, NotebookServer } from './jupyterhub/jupyterhub-api';
export type { ServingChange } from './serving/serving-change';
export default mlPlugin;
