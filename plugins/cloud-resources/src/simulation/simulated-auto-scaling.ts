import type { AutoScalingApi, AutoScalingGroupInfo, CapacityChange } from '../aws/auto-scaling-api';
import { AutoScalingApiError } from '../aws/auto-scaling-api-error';

/** The demo's auto-scaling groups, in memory, validating as AWS does. */
export class SimulatedAutoScaling implements AutoScalingApi {
  private readonly groups: AutoScalingGroupInfo[] = [
    { name: 'cart-web', arn: null, minSize: 2, maxSize: 6, desiredCapacity: 3, instances: 3, healthyInstances: 3, status: null, tags: { 'portico.io/component': 'cart-service' } },
    { name: 'products-batch', arn: null, minSize: 0, maxSize: 4, desiredCapacity: 1, instances: 1, healthyInstances: 1, status: null, tags: { 'portico.io/component': 'products-service' } },
  ];

  async listGroups(): Promise<AutoScalingGroupInfo[]> {
    return this.groups.map((g) => ({ ...g }));
  }

  async getGroup(name: string): Promise<AutoScalingGroupInfo | null> {
    const found = this.groups.find((g) => g.name === name);
    return found ? { ...found } : null;
  }

  async updateGroup(name: string, change: CapacityChange): Promise<void> {
    const group = this.groups.find((g) => g.name === name);
    if (!group) throw new AutoScalingApiError(`AWS refused UpdateAutoScalingGroup ${name} as invalid. AWS said: AutoScalingGroup name not found`, 'ValidationError', 400);
    Object.assign(group, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));
    group.instances = group.desiredCapacity;
    group.healthyInstances = group.desiredCapacity;
  }
}
