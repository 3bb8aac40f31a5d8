import { KubeConfig } from '@kubernetes/client-node';
import type { SecretsService } from '@portico/plugin-api';
import type { CloudConfig, ClusterConfig } from '../config/cloud-config';
import { secretMissing } from '../config/secret-missing';
import type { KubernetesApi } from './kubernetes-api';
import { KubernetesClient } from './kubernetes-client';

/** The Kubernetes API of one configured cluster, built on each use (credentials are read when needed, so rotation needs no restart). */
export type KubernetesConnection = (cluster: string) => Promise<KubernetesApi>;

export function clusterConfig(config: CloudConfig, cluster: string): ClusterConfig {
  const found = config.clusters.find((c) => c.id === cluster);
  if (!found) throw new Error(`No Kubernetes cluster "${cluster}" is configured; the cloud plugin's clusters are: ${config.clusters.map((c) => c.id).join(', ') || 'none'}.`);
  return found;
}

/** A KubeConfig for one cluster from in-cluster credentials, a kubeconfig file or secret, or a server and token. */
export async function loadKubeConfig(cluster: ClusterConfig, secrets: SecretsService): Promise<KubeConfig> {
  const kc = new KubeConfig();
  switch (cluster.auth) {
    case 'in-cluster':
      kc.loadFromCluster();
      break;
    case 'kubeconfig-file':
      kc.loadFromFile(cluster.kubeconfigPath!);
      break;
    case 'kubeconfig-secret': {
      const yaml = await secrets.get(cluster.kubeconfigSecret!);
      if (!yaml) throw new Error(secretMissing(`The kubeconfig of cluster "${cluster.id}"`, cluster.kubeconfigSecret!));
      kc.loadFromString(yaml);
      break;
    }
    case 'token': {
      const token = await secrets.get(cluster.tokenSecret!);
      if (!token) throw new Error(secretMissing(`The API token of cluster "${cluster.id}"`, cluster.tokenSecret!));
      kc.loadFromOptions({
        clusters: [{ name: cluster.id, server: cluster.server!, skipTLSVerify: cluster.skipTlsVerify ?? false }],
        users: [{ name: 'portico', token }],
        contexts: [{ name: cluster.id, cluster: cluster.id, user: 'portico' }],
        currentContext: cluster.id,
      });
      break;
    }
  }
  if (cluster.context) kc.setCurrentContext(cluster.context);
  return kc;
}

export function createKubernetesConnection(config: CloudConfig, secrets: SecretsService): KubernetesConnection {
  return async (cluster) => new KubernetesClient(cluster, await loadKubeConfig(clusterConfig(config, cluster), secrets));
}
