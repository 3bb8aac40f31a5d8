import type { KindDefinition } from '@portico/plugin-api';
import { accessGrantKind } from './access-grant-kind';
import { autoScalingGroupKind } from './auto-scaling-group-kind';
import { cloudResourceKind } from './cloud-resource-kind';
import { devEnvironmentKind } from './dev-environment-kind';
import { kubernetesClusterKind } from './kubernetes-cluster-kind';
import { kubernetesNamespaceKind } from './kubernetes-namespace-kind';
import { workloadKind } from './workload-kind';

export { accessGrantKind, autoScalingGroupKind, cloudResourceKind, devEnvironmentKind, kubernetesClusterKind, kubernetesNamespaceKind, workloadKind };
/** @public */
export const cloudKinds: KindDefinition[] = [cloudResourceKind, kubernetesClusterKind, kubernetesNamespaceKind, workloadKind, autoScalingGroupKind, accessGrantKind, devEnvironmentKind];
