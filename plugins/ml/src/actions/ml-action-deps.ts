import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionContext, ActionRunnerService, Entity } from '@portico/plugin-api';
import type { MlConfig } from '../config/ml-config';
import type { JupyterHubConnection } from '../jupyterhub/jupyterhub-connection';
import type { KubernetesConnection } from '../kubernetes/kubernetes-connection';
import type { MlflowConnection } from '../mlflow/mlflow-connection';

/** The three upstreams of the plugin: real clients, or the demo's simulations. */
export interface MlConnections {
  mlflow: MlflowConnection;
  kubernetes: KubernetesConnection;
  jupyterhub: JupyterHubConnection;
}

/** What the plugin's actions share. */
export interface MlActionDeps extends MlConnections {
  config: MlConfig;
  actionRunner: Pick<ActionRunnerService, 'getRun'>;
}

/** In the demo, every run that would change something says once that nothing real changes. */
export function noteSimulated(ctx: ActionContext<unknown>, config: MlConfig): void {
  if (config.simulated) ctx.logger.warn('ML infrastructure is SIMULATED in this portal (ml.simulated: true): MLflow, Kubernetes and JupyterHub are in-process, and this run changes nothing real.');
}

/** The entity an action runs on, of the kind it needs. */
export function target(entity: Entity | null, kind: string, title: string): Entity {
  if (!entity || entity.kind !== kind) throw new Error(`This action runs on a ${title}; start it from one's page.`);
  return entity;
}

/** An entity's string property, or a failure naming it. */
export function required(entity: Entity, property: string): string {
  const value = entity.properties[property];
  if (typeof value !== 'string' || !value) throw new Error(`${entity.kind} ${entity.id} has no "${property}"; it was not synced or created by the ML plugin.`);
  return value;
}

/** The team that owns an entity: it approves production deploys of the model. */
export function owningTeam(entity: Entity, fallback: string | undefined): string {
  const owner = entity.owner ?? fallback;
  if (!owner) throw new Error(`${entity.kind} ${entity.id} has no owning team, so nobody can approve this; set its owner (or the MLflow tag portico.owner) first.`);
  return owner.startsWith('team:') ? owner.slice(5) : owner;
}

/** Waits `ms`, or less when the run is cancelled. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => undefined);
}
