import { runInNewContext } from 'node:vm';
import { dashboardDataRequests, dashboardWidgetQuery, dashboardWidgetRunsPath, type DashboardWidget } from '@portico/plugin-api';
import { preloadKey } from '../../../ui-api/src/api/take-preloaded';
import { CATALOG_PAGE_SIZE, DEFAULT_CATALOG_SORT } from '../app/pages/catalog/first-page';
import { renderIndexHtml } from './index-html';

/**
 * Runs the page's inline preload script as a browser would at `pathname`, the API answering
 * `answers[url]`; returns the keys it preloaded and the modules it asked the browser to preload.
 */
function runPreload(pathname: string, search = '', answers: Record<string, unknown> = {}): { keys: () => string[]; modules: string[] } {
  const html = renderIndexHtml({ app: 'app.mjs', initial: ['app.mjs'], dashboardChunks: ['chunks/grid.mjs'], css: [], shared: {} }, { title: 'Portico', uiApiVersion: '0.1.0', plugins: [] });
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const modules: string[] = [];
  const respond = (url: string) => {
    const body = answers[url];
    const response = { ok: body !== undefined, clone: () => response, json: () => Promise.resolve(body) };
    return Promise.resolve(response);
  };
  const document = { createElement: () => ({}), head: { appendChild: (link: { href: string }) => modules.push(link.href) } };
  const globals: Record<string, unknown> = { location: { pathname, search }, fetch: respond, Date, document };
  globals.globalThis = globals;
  runInNewContext(script, globals);
  return { keys: () => Object.keys(globals.__porticoPreload as Record<string, unknown>), modules };
}

const preloadedKeys = (pathname: string, search = ''): string[] => runPreload(pathname, search).keys();

test("preloads exactly the requests the shell makes first, under apiFetch's keys", () => {
  const firstPage = { kind: 'bench-service', sort: DEFAULT_CATALOG_SORT, limit: CATALOG_PAGE_SIZE };
  expect(preloadedKeys('/catalog/bench-service')).toEqual([
    preloadKey('GET', '/api/v1/kinds', undefined),
    preloadKey('GET', '/api/v1/plugins', undefined),
    preloadKey('POST', '/api/v1/entities/query', firstPage),
  ]);
  // A search in the URL changes the first query, and other pages need no table.
  expect(preloadedKeys('/catalog/bench-service', '?search=cart')).toHaveLength(2);
  expect(preloadedKeys('/admin')).toHaveLength(2);
});

test("on a dashboard's URL, starts the requests its widgets make, under the keys the widgets ask by", async () => {
  const layout = { x: 0, y: 0, w: 4, h: 3 };
  const widgets: DashboardWidget[] = [
    { id: 'n', type: 'number', title: 'Services', layout, query: { kind: 'service' } },
    { id: 'p', type: 'pie', title: 'Languages', layout, query: { kind: 'service' }, property: 'language' },
    { id: 'r', type: 'runs', title: 'Runs', layout },
  ];
  const dashboard = { id: 'dsh_0123456789abcdef', widgets, dataRequests: dashboardDataRequests(widgets) };
  const run = runPreload('/dashboards/dsh_0123456789abcdef', '', { '/api/v1/dashboards/dsh_0123456789abcdef': dashboard });
  await new Promise((resolve) => setImmediate(resolve));
  // What useCatalogQuery and useApi send for these widgets (see the widgets' hooks).
  expect(run.keys()).toEqual(
    expect.arrayContaining([
      preloadKey('POST', '/api/v1/entities/query', dashboardWidgetQuery(widgets[0])),
      preloadKey('POST', '/api/v1/entities/query', dashboardWidgetQuery(widgets[1])),
      preloadKey('GET', `/api/v1${dashboardWidgetRunsPath(widgets[2])}`, undefined),
    ]),
  );
  expect(run.modules).toEqual(['/ui/assets/chunks/grid.mjs']);

  // Home does the same for the dashboard a person chose, and loads the dashboard's modules only then.
  const home = runPreload('/', '', { '/api/v1/dashboards/home': { dashboard } });
  await new Promise((resolve) => setImmediate(resolve));
  expect(home.keys()).toContain(preloadKey('GET', `/api/v1${dashboardWidgetRunsPath(widgets[2])}`, undefined));
  expect(home.modules).toEqual(['/ui/assets/chunks/grid.mjs']);
  const builtIn = runPreload('/', '', { '/api/v1/dashboards/home': { dashboard: null } });
  await new Promise((resolve) => setImmediate(resolve));
  expect(builtIn.keys()).toHaveLength(3);
  expect(builtIn.modules).toEqual([]);
});
