import type { Dashboard, DashboardWidget } from '@portico/plugin-api';
import { apiFetch } from '@portico/ui-api';

/** A dashboard as the API serves it to the caller. */
export type DashboardView = Dashboard & { editable: boolean };

/** Saves a new dashboard (no id) or one over its stored version, refusing to overwrite a newer save. */
export function saveDashboard(draft: { id?: string; title: string; owner: string; widgets: DashboardWidget[]; version?: number }): Promise<DashboardView> {
  const body = { title: draft.title, owner: draft.owner, widgets: draft.widgets, ...(draft.version ? { version: draft.version } : {}) };
  return draft.id ? apiFetch<DashboardView>(`/dashboards/${draft.id}`, { method: 'PUT', body }) : apiFetch<DashboardView>('/dashboards', { method: 'POST', body });
}

export function setHomeDashboard(id: string | null): Promise<unknown> {
  return apiFetch('/dashboards/home', { method: 'PUT', body: { id } });
}

export function deleteDashboard(id: string): Promise<unknown> {
  return apiFetch(`/dashboards/${id}`, { method: 'DELETE' });
}

export function dashboardPath(id: string): string {
  return `/dashboards/${encodeURIComponent(id)}`;
}
