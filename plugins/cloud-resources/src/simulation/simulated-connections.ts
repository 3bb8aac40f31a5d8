import type { AutoScalingConnection } from '../aws/auto-scaling-connection';
import type { CloudConfig } from '../config/cloud-config';
import type { RepositoryConnection } from '../github/repository-connection';
import { clusterConfig, type KubernetesConnection } from '../kubernetes/kubernetes-connection';
import type { TerraformConnection } from '../terraform/terraform-connection';
import { SimulatedAutoScaling } from './simulated-auto-scaling';
import { SimulatedKubernetes } from './simulated-kubernetes';
import { SimulatedRepositories } from './simulated-repositories';
import { SimulatedTerraform } from './simulated-terraform';

export interface CloudConnections {
  kubernetes: KubernetesConnection;
  autoScaling: AutoScalingConnection;
  terraform: TerraformConnection;
  repositories: RepositoryConnection;
}

/** The demo's upstreams, one in-memory instance each for the life of the portal process. */
export function simulatedConnections(config: CloudConfig): CloudConnections {
  const clusters = new Map(config.clusters.map((c) => [c.id, new SimulatedKubernetes(c.id)]));
  const groups = new SimulatedAutoScaling();
  const terraform = new SimulatedTerraform();
  const github = new SimulatedRepositories();
  return {
    kubernetes: async (cluster) => clusters.get(clusterConfig(config, cluster).id)!,
    autoScaling: async () => groups,
    terraform: async () => terraform,
    repositories: async () => github,
  };
}
