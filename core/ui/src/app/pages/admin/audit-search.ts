/** The filters the Audit log page offers, as typed in its fields. */
export interface AuditFilters {
  actor: string;
  action: string;
  target: string;
  outcome: '' | 'ok' | 'refused' | 'failed';
  /** `datetime-local` values (the browser's time zone). */
  from: string;
  to: string;
  order: 'newest' | 'oldest';
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', target: '', outcome: '', from: '', to: '', order: 'newest' };

/** A `datetime-local` value as the ISO instant the API takes, or undefined when empty or unreadable. */
function instant(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The query string of `GET /api/v1/audit` (with `cursor`) or of its export (without `order`). */
export function auditSearch(filters: AuditFilters, options: { cursor?: string; limit?: number; forExport?: boolean } = {}): string {
  const params = new URLSearchParams();
  for (const name of ['actor', 'action', 'target', 'outcome'] as const) if (filters[name].trim()) params.set(name, filters[name].trim());
  const from = instant(filters.from);
  const to = instant(filters.to);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (!options.forExport) {
    if (filters.order === 'oldest') params.set('order', 'oldest');
    if (options.cursor) params.set('cursor', options.cursor);
    if (options.limit) params.set('limit', String(options.limit));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
