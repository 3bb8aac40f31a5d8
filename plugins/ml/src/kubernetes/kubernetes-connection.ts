import { KubeConfig } from '@kubernetes/client-node';
import type { SecretsService } from '@portico/plugin-api';
import type { ClusterConfig, MlConfig } from '../config/ml-config';
import { secretMissing } from '../config/secret-missing';
import type { MlKubernetesApi } from './ml-kubernetes-api';
import { MlKubernetesClient } from './ml-kubernetes-client';

/** The Kubernetes API of one configured cluster, built on each use so rotated credentials apply. */
export type KubernetesConnection = (cluster: string) => Promise<MlKubernetesApi>;

function clusterConfig(config: MlConfig, cluster: string): ClusterConfig {
  const found = config.clusters.find((c) => c.id === cluster);
  if (!found) throw new Error(`No Kubernetes cluster "${cluster}" is configured; the ML plugin's clusters are: ${config.clusters.map((c) => c.id).join(', ') || 'none'}.`);
  return found;
}

async function kubeConfigOf(cluster: ClusterConfig, secrets: SecretsService): Promise<KubeConfig> {
  const kc = new KubeConfig();
  if (cluster.auth === 'in-cluster') kc.loadFromCluster();
  else if (cluster.auth === 'kubeconfig-file') kc.loadFromFile(cluster.kubeconfigPath!);
  else if (cluster.auth === 'kubeconfig-secret') {
    const yaml = await secrets.get(cluster.kubeconfigSecret!);
    if (!yaml) throw new Error(secretMissing(`The kubeconfig of cluster "${cluster.id}"`, cluster.kubeconfigSecret!));
    kc.loadFromString(yaml);
  } else {
    const token = await secrets.get(cluster.tokenSecret!);
    if (!token) throw new Error(secretMissing(`The API token of cluster "${cluster.id}"`, cluster.tokenSecret!));
    kc.loadFromOptions({ clusters: [{ name: cluster.id, server: cluster.server!, skipTLSVerify: cluster.skipTlsVerify ?? false }], users: [{ name: 'portico', token }], contexts: [{ name: cluster.id, cluster: cluster.id, user: 'portico' }], currentContext: cluster.id });
  }
  if (cluster.context) kc.setCurrentContext(cluster.context);
  return kc;
}

export function createKubernetesConnection(config: MlConfig, secrets: SecretsService): KubernetesConnection {
  return async (cluster) => new MlKubernetesClient(cluster, await kubeConfigOf(clusterConfig(config, cluster), secrets));
}
