import { randomBytes } from 'node:crypto';
import type { StateStore } from '@portico/auth';
import type { Dashboard, DashboardWidget } from '@portico/plugin-api';

const RECORD = 'dashboard:';
const BY_OWNER = 'dashboard-owner:';
const DEFAULT_OF = 'dashboard-default:';

/** What a save may set; the book keeps ids, times and versions. */
export interface DashboardDraft {
  title: string;
  owner: string;
  widgets: DashboardWidget[];
}

/** `dsh_` and 16 hex digits: unguessable enough that a dashboard URL is shared on purpose. */
export function isDashboardId(value: string): boolean {
  return /^dsh_[0-9a-f]{16}$/.test(value);
}

/**
 * Dashboards in the portal's state store (Redis in production, the data folder's journal
 * otherwise): `dashboard:<id>` holds the record, `dashboard-owner:<owner>:<id>` lists an owner's
 * dashboards without reading everyone's, `dashboard-default:<user>` the dashboard Home shows them.
 */
export class DashboardBook {
  constructor(private readonly store: StateStore) {}

  async get(id: string): Promise<Dashboard | null> {
    if (!isDashboardId(id)) return null;
    const raw = await this.store.get(RECORD + id);
    return raw ? (JSON.parse(raw) as Dashboard) : null;
  }

  /** The dashboards of these owners (`user:<id>`, `team:<id>`), by title. */
  async listOf(owners: string[]): Promise<Dashboard[]> {
    const ids = (await Promise.all(owners.map((owner) => this.store.keys(`${BY_OWNER}${owner}:`)))).flat().map((key) => key.slice(key.lastIndexOf(':') + 1));
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return found.filter((d): d is Dashboard => d !== null && owners.includes(d.owner)).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  async create(draft: DashboardDraft, actor: string, now = new Date()): Promise<Dashboard> {
    const at = now.toISOString();
    const dashboard: Dashboard = { id: `dsh_${randomBytes(8).toString('hex')}`, ...draft, createdAt: at, updatedAt: at, updatedBy: actor, version: 1 };
    await this.store.set(RECORD + dashboard.id, JSON.stringify(dashboard));
    await this.store.set(`${BY_OWNER}${dashboard.owner}:${dashboard.id}`, '1');
    return dashboard;
  }

  async replace(before: Dashboard, draft: DashboardDraft, actor: string, now = new Date()): Promise<Dashboard> {
    const dashboard: Dashboard = { ...before, ...draft, updatedAt: now.toISOString(), updatedBy: actor, version: before.version + 1 };
    await this.store.set(RECORD + dashboard.id, JSON.stringify(dashboard));
    if (before.owner !== dashboard.owner) {
      await this.store.set(`${BY_OWNER}${dashboard.owner}:${dashboard.id}`, '1');
      await this.store.delete(`${BY_OWNER}${before.owner}:${dashboard.id}`);
    }
    return dashboard;
  }

  async delete(dashboard: Dashboard): Promise<void> {
    await this.store.delete(`${BY_OWNER}${dashboard.owner}:${dashboard.id}`);
    await this.store.delete(RECORD + dashboard.id);
  }

  /** The id of the dashboard Home shows this person, or null for the built-in Home. */
  async defaultOf(userId: string): Promise<string | null> {
    return this.store.get(DEFAULT_OF + userId);
  }

  async setDefault(userId: string, id: string | null): Promise<void> {
    if (id === null) await this.store.delete(DEFAULT_OF + userId);
    else await this.store.set(DEFAULT_OF + userId, id);
  }
}
