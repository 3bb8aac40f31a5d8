import { AutoScalingClient, DescribeAutoScalingGroupsCommand, UpdateAutoScalingGroupCommand, paginateDescribeAutoScalingGroups, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { AutoScalingApi, AutoScalingGroupInfo, CapacityChange } from './auto-scaling-api';
import { toAutoScalingApiError } from './auto-scaling-api-error';

export interface AutoScalingClientOptions {
  account: string;
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts: number;
}

/** EC2 Auto Scaling through the AWS SDK v3; every failure becomes an AutoScalingApiError. */
export class AutoScalingClientApi implements AutoScalingApi {
  private readonly client: AutoScalingClient;

  constructor(private readonly options: AutoScalingClientOptions) {
    this.client = new AutoScalingClient({
      region: options.region,
      maxAttempts: options.maxAttempts,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  private async call<T>(request: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toAutoScalingApiError(this.options.account, request, error);
    }
  }

  async listGroups(): Promise<AutoScalingGroupInfo[]> {
    return this.call('DescribeAutoScalingGroups', async () => {
      const groups: AutoScalingGroupInfo[] = [];
      for await (const page of paginateDescribeAutoScalingGroups({ client: this.client, pageSize: 100 }, {})) groups.push(...(page.AutoScalingGroups ?? []).map(toGroup));
      return groups;
    });
  }

  async getGroup(name: string): Promise<AutoScalingGroupInfo | null> {
    const page = await this.call(`DescribeAutoScalingGroups ${name}`, () => this.client.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] })));
    const found = page.AutoScalingGroups?.[0];
    return found ? toGroup(found) : null;
  }

  async updateGroup(name: string, change: CapacityChange): Promise<void> {
    await this.call(`UpdateAutoScalingGroup ${name}`, () =>
      this.client.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: name, MinSize: change.minSize, MaxSize: change.maxSize, DesiredCapacity: change.desiredCapacity })),
    );
  }
}

function toGroup(group: AutoScalingGroup): AutoScalingGroupInfo {
  const instances = group.Instances ?? [];
  return {
    name: group.AutoScalingGroupName ?? '',
    arn: group.AutoScalingGroupARN ?? null,
    minSize: group.MinSize ?? 0,
    maxSize: group.MaxSize ?? 0,
    desiredCapacity: group.DesiredCapacity ?? 0,
    instances: instances.length,
    healthyInstances: instances.filter((i) => i.HealthStatus === 'Healthy' && i.LifecycleState === 'InService').length,
    status: group.Status ?? null,
    tags: Object.fromEntries((group.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? ''])),
  };
}
