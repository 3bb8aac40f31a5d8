import type { DashboardWidget } from './dashboard';
import { dashboardDataRequests, dashboardWidgetQuery, dashboardWidgetRunsPath, dashboardWidgetTeamQuery } from './dashboard-data-requests';

const layout = { x: 0, y: 0, w: 4, h: 3 };
const query = { kind: 'service', filter: { combinator: 'and' as const, rules: [{ property: 'language', operator: '=' as const, value: 'go' }] } };
const widget = (fields: Omit<DashboardWidget, 'id' | 'title' | 'layout'>): DashboardWidget => ({ id: fields.type, title: fields.type, layout, ...fields });

test('each built-in widget asks the catalog only for what it shows', () => {
  expect(dashboardWidgetQuery(widget({ type: 'number', query }))).toEqual({ ...query, limit: 1 });
  expect(dashboardWidgetQuery(widget({ type: 'number', query, aggregate: 'avg', property: 'replicas' }))).toEqual({ ...query, limit: 1, facets: ['replicas'] });
  expect(dashboardWidgetQuery(widget({ type: 'pie', query, property: 'lifecycle' }))).toEqual({ ...query, limit: 1, facets: ['lifecycle'] });
  expect(dashboardWidgetQuery(widget({ type: 'bar', query }))).toEqual({ ...query, limit: 1, facets: ['kind'] });
  expect(dashboardWidgetQuery(widget({ type: 'table', query, columns: ['title'] }))).toEqual({ ...query, limit: 25 });
  expect(dashboardWidgetQuery(widget({ type: 'line', source: 'property', query, property: 'cost', timeProperty: 'since' }))).toEqual({ ...query, limit: 200, sort: { property: 'since', order: 'asc' } });
  expect(dashboardWidgetQuery(widget({ type: 'line', source: 'runs' }))).toBeNull();
  expect(dashboardWidgetQuery(widget({ type: 'runs' }))).toBeNull();
});

test('widgets that show runs put the action and status filters in the runs path, and read the team\'s entities', () => {
  const runs = widget({ type: 'runs', runs: { actionId: 'cicd.deploy', status: 'failed', team: 'payments' } });
  expect(dashboardWidgetRunsPath(runs)).toBe('/runs?limit=20&actionId=cicd.deploy&status=failed');
  expect(dashboardWidgetRunsPath(widget({ type: 'line', source: 'runs' }))).toBe('/runs?limit=200');
  expect(dashboardWidgetRunsPath(widget({ type: 'table', query }))).toBeNull();
  expect(dashboardWidgetTeamQuery(runs)).toEqual({ filter: { combinator: 'and', rules: [{ property: 'owner', operator: 'in', value: ['payments', 'team:payments'] }] }, limit: 500 });
  expect(dashboardWidgetTeamQuery(widget({ type: 'runs' }))).toBeNull();
});

test('a dashboard lists each first request once, bodies as canonical JSON', () => {
  const requests = dashboardDataRequests([
    widget({ type: 'number', query }),
    { ...widget({ type: 'number', query }), id: 'same-count' },
    widget({ type: 'runs' }),
    widget({ type: 'plugin', plugin: { pluginId: 'cicd', widgetId: 'recent' } }),
  ]);
  expect(requests).toEqual([
    { method: 'POST', path: '/entities/query', body: '{"filter":{"combinator":"and","rules":[{"operator":"=","property":"language","value":"go"}]},"kind":"service","limit":1}' },
    { method: 'GET', path: '/runs?limit=20' },
  ]);
});
