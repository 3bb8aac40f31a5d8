import { cloudPlugin } from './plugin';

export { cloudPlugin as plugin, cloudPlugin };
export { cloudKinds, cloudResourceKind, kubernetesClusterKind, kubernetesNamespaceKind, workloadKind, autoScalingGroupKind, accessGrantKind, devEnvironmentKind } from './kinds';
export type { WorkloadPod } from './kinds/workload-kind';
export type { ResourceStatus } from './kinds/cloud-resource-kind';
export type { EnvironmentStatus } from './kinds/dev-environment-kind';
export {
  cloudConfigSchema,
  resolveCloudConfig,
  type CloudConfig,
  type RawCloudConfig,
  type ClusterConfig,
  type AutoScalingConfig,
  type TerraformConfig,
  type ResourceTypeConfig,
  type AccessWebhookConfig,
  type EnvironmentConfig,
  type IacModuleConfig,
  type GitHubConfig,
} from './config/cloud-config';
export { KubernetesApiError } from './kubernetes/kubernetes-api-error';
export { AutoScalingApiError } from './aws/auto-scaling-api-error';
export { TerraformApiError } from './terraform/terraform-api-error';
export { BACKSTAGE_KUBERNETES_ID, APP_NAME_LABEL } from './ingestion/component-links';
export default cloudPlugin;
