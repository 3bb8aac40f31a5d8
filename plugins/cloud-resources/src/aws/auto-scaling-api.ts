/** An auto-scaling group as the plugin reads it. */
export interface AutoScalingGroupInfo {
  name: string;
  arn: string | null;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  instances: number;
  healthyInstances: number;
  status: string | null;
  tags: Record<string, string>;
}

export interface CapacityChange {
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
}

/** What the plugin does on one AWS region: the real client and the demo's simulation both implement it. */
export interface AutoScalingApi {
  listGroups(): Promise<AutoScalingGroupInfo[]>;
  getGroup(name: string): Promise<AutoScalingGroupInfo | null>;
  updateGroup(name: string, change: CapacityChange): Promise<void>;
}

/** Desired within min and max, min at most max: the one rule, checked before AWS is asked. */
export function capacityProblem(next: { minSize: number; maxSize: number; desiredCapacity: number }): string | null {
  if (next.minSize > next.maxSize) return `the minimum (${next.minSize}) is above the maximum (${next.maxSize})`;
  if (next.desiredCapacity < next.minSize || next.desiredCapacity > next.maxSize) return `the desired capacity (${next.desiredCapacity}) must be within the minimum (${next.minSize}) and the maximum (${next.maxSize})`;
  return null;
}
