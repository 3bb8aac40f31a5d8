/**
 * A change of what an endpoint serves; each is one action of the plugin.
 * @public
 */
export type ServingChange =
  | { op: 'deploy'; version: string }
  | { op: 'start-challenger'; version: string; percent: number }
  | { op: 'set-traffic'; percent: number }
  | { op: 'promote' }
  | { op: 'rollback' }
  | { op: 'revert' };

/** Changes that put a version in front of production traffic for the first time: the model's owning team approves them. */
export function needsApproval(change: ServingChange): boolean {
  return change.op === 'deploy' || change.op === 'start-challenger';
}

export function describeChange(change: ServingChange): string {
  switch (change.op) {
    case 'deploy':
      return `deploy version ${change.version} as the champion`;
    case 'start-challenger':
      return `serve version ${change.version} as the challenger with ${change.percent} % of the traffic`;
    case 'set-traffic':
      return `send ${change.percent} % of the traffic to the challenger`;
    case 'promote':
      return 'promote the challenger to champion';
    case 'rollback':
      return 'roll the challenger back (the champion takes all traffic)';
    case 'revert':
      return 'revert to the previous version';
  }
}
