import type { CloudConfig } from '../config/cloud-config';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** Milliseconds of `days`, scaled by the config's timeScale (tests shorten days to seconds). */
export function daysMs(config: CloudConfig, days: number): number {
  return days * DAY * config.timeScale;
}

/** When the reminder fires before `expiresAt` (never before now). */
export function remindAt(config: CloudConfig, expiresAt: number): string | null {
  const at = expiresAt - config.environments.reminderHours * HOUR * config.timeScale;
  return at > Date.now() ? new Date(at).toISOString() : null;
}

/** The environment's namespace: `env-<name>`. */
export function environmentNamespace(name: string): string {
  return `env-${name}`;
}

export function environmentUrl(config: CloudConfig, namespace: string): string {
  return config.environments.urlTemplate.replace('{namespace}', namespace);
}

/** The RoleBinding a member gets in the namespace. */
export function memberBindingName(user: string): string {
  return `portico-member-${user.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}

/** `user:alice` → `alice`; other identities have no person to bind. */
export function personOf(actor: string): string | null {
  return actor.startsWith('user:') ? actor.slice(5) : null;
}
