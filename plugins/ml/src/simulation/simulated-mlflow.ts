import { MlflowApiError } from '../mlflow/mlflow-api-error';
import type { MlflowApi } from '../mlflow/mlflow-api';
import type { MlflowExperiment, MlflowMetricPoint, MlflowModelVersion, MlflowRegisteredModel, MlflowRun } from '../mlflow/mlflow-types';

const notFound = (what: string) => new MlflowApiError(`MLflow (simulated) found nothing for ${what} (404 RESOURCE_DOES_NOT_EXIST).`, 404, 'RESOURCE_DOES_NOT_EXIST');

/** The demo's MLflow: experiments, runs and a registry in memory; training Jobs of the simulated cluster write to it. */
export class SimulatedMlflow implements MlflowApi {
  readonly experiments: MlflowExperiment[] = [];
  readonly runs: MlflowRun[] = [];
  readonly models: MlflowRegisteredModel[] = [];
  readonly versions: MlflowModelVersion[] = [];

  /** A finished run, for the demo data and the simulated training Jobs. */
  addRun(experiment: string, run: Partial<MlflowRun> & { metrics: Record<string, number> }): MlflowRun {
    let e = this.experiments.find((x) => x.name === experiment);
    if (!e) this.experiments.push((e = { experimentId: String(this.experiments.length + 1), name: experiment, artifactLocation: `s3://mlflow/${this.experiments.length + 1}`, lifecycleStage: 'active', lastUpdateTime: Date.now(), tags: {} }));
    const created: MlflowRun = { runId: `${(this.runs.length + 1).toString(16).padStart(8, '0')}${'0'.repeat(24)}`, runName: `run-${this.runs.length + 1}`, experimentId: e.experimentId, status: 'FINISHED', startTime: Date.now(), endTime: Date.now(), userId: 'demo', params: {}, tags: {}, ...run };
    this.runs.unshift(created);
    return created;
  }

  /** Registers a version of `model` from a run. */
  addVersion(model: string, runId: string | null, aliases: string[] = []): MlflowModelVersion {
    if (!this.models.some((m) => m.name === model)) this.models.push({ name: model, description: null, aliases: {}, tags: {}, lastUpdatedTimestamp: Date.now() });
    const version = String(this.versions.filter((v) => v.name === model).length + 1);
    const created: MlflowModelVersion = { name: model, version, currentStage: 'None', status: 'READY', source: `s3://mlflow/models/${model}/${version}`, runId, aliases: [], description: null, creationTimestamp: Date.now(), tags: {} };
    this.versions.push(created);
    for (const alias of aliases) void this.setAlias(model, alias, version);
    return created;
  }

  async searchExperiments(): Promise<MlflowExperiment[]> {
    return [...this.experiments];
  }
  async getExperimentByName(name: string): Promise<MlflowExperiment | null> {
    return this.experiments.find((e) => e.name === name) ?? null;
  }
  async searchRuns(experimentIds: string[], options: { filter?: string; maxResults?: number } = {}): Promise<MlflowRun[]> {
    const tag = /^tags\.(\w+) = '(.*)'$/.exec(options.filter ?? '');
    return this.runs.filter((r) => experimentIds.includes(r.experimentId) && (!tag || r.tags[tag[1]] === tag[2])).slice(0, options.maxResults ?? Infinity);
  }
  async getRun(runId: string): Promise<MlflowRun> {
    const run = this.runs.find((r) => r.runId === runId);
    if (!run) throw notFound(`run ${runId}`);
    return run;
  }
  async getMetricHistory(runId: string, metricKey: string): Promise<MlflowMetricPoint[]> {
    const run = await this.getRun(runId);
    return metricKey in run.metrics ? [{ key: metricKey, value: run.metrics[metricKey], timestamp: run.endTime ?? 0, step: 0 }] : [];
  }
  async searchRegisteredModels(): Promise<MlflowRegisteredModel[]> {
    return [...this.models];
  }
  async getRegisteredModel(name: string): Promise<MlflowRegisteredModel> {
    const model = this.models.find((m) => m.name === name);
    if (!model) throw notFound(`registered model ${name}`);
    return model;
  }
  async searchModelVersions(filter: string): Promise<MlflowModelVersion[]> {
    const m = /^(name|run_id) = '(.*)'$/.exec(filter);
    return this.versions.filter((v) => !m || (m[1] === 'name' ? v.name : v.runId) === m[2]);
  }
  async getModelVersion(name: string, version: string): Promise<MlflowModelVersion> {
    const found = this.versions.find((v) => v.name === name && v.version === version);
    if (!found) throw notFound(`version ${version} of ${name}`);
    return found;
  }
  async setAlias(name: string, alias: string, version: string): Promise<void> {
    const model = await this.getRegisteredModel(name);
    await this.deleteAlias(name, alias);
    model.aliases[alias] = version;
    (await this.getModelVersion(name, version)).aliases.push(alias);
  }
  async deleteAlias(name: string, alias: string): Promise<void> {
    const model = await this.getRegisteredModel(name);
    delete model.aliases[alias];
    for (const v of this.versions) if (v.name === name) v.aliases = v.aliases.filter((a) => a !== alias);
  }
  experimentUrl(experimentId: string): string {
    return `https://mlflow.example.com/#/experiments/${experimentId}`;
  }
  runUrl(experimentId: string, runId: string): string {
    return `${this.experimentUrl(experimentId)}/runs/${runId}`;
  }
  modelUrl(name: string, version?: string): string {
    return `https://mlflow.example.com/#/models/${encodeURIComponent(name)}${version ? `/versions/${version}` : ''}`;
  }
}
