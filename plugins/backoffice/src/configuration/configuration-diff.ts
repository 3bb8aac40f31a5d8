/**
 * One changed leaf of a configuration: its dot path and its value before and after (undefined: absent).
 * @public
 */
export interface ConfigurationChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The leaves that differ between two configurations, in path order; arrays compare as whole values.
 * @public
 */
export function configurationDiff(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): ConfigurationChange[] {
  const changes: ConfigurationChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const a = before[key];
    const b = after[key];
    if (isPlainObject(a) && isPlainObject(b)) changes.push(...configurationDiff(a, b, path));
    else if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) });
  }
  return changes;
}

/** `seats: 5 → 10`, `+ ssoEnabled: true`, `- legacyFlag: false`: one line per change, as the run log shows it. */
export function describeChange(change: ConfigurationChange): string {
  if (!('before' in change)) return `+ ${change.path}: ${JSON.stringify(change.after)}`;
  if (!('after' in change)) return `- ${change.path}: ${JSON.stringify(change.before)}`;
  return `~ ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`;
}
