import type { ActionContext, ActionRunnerService, Entity, SecretsService } from '@portico/plugin-api';
import type { AutoScalingConnection } from '../aws/auto-scaling-connection';
import type { CloudConfig } from '../config/cloud-config';
import type { KubernetesConnection } from '../kubernetes/kubernetes-connection';
import type { TerraformConnection } from '../terraform/terraform-connection';

/** What the cloud actions share. */
export interface CloudActionDeps {
  config: CloudConfig;
  kubernetes: KubernetesConnection;
  autoScaling: AutoScalingConnection;
  terraform: TerraformConnection;
  actionRunner: Pick<ActionRunnerService, 'getRun'>;
  secrets: SecretsService;
}

/** Writes change nothing real in the demo; every run says so once. */
export function noteSimulated(ctx: ActionContext<unknown>, config: CloudConfig): void {
  if (config.simulated) ctx.logger.warn('Cloud infrastructure is SIMULATED in this portal (cloud.simulated: true): this changes nothing real.');
}

/** The entity an action runs on, of the kind it needs. */
export function target(entity: Entity | null, kind: string, title: string): Entity {
  if (!entity || entity.kind !== kind) throw new Error(`This action runs on a ${title}; start it from one's page.`);
  return entity;
}

/** An entity's string property, or a clear failure naming it. */
export function required(entity: Entity, property: string): string {
  const value = entity.properties[property];
  if (typeof value !== 'string' || !value) throw new Error(`${entity.kind} ${entity.id} has no "${property}"; it was not ingested or created by the cloud plugin.`);
  return value;
}
