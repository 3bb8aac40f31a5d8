import { runInNewContext } from 'node:vm';
import { preloadKey } from '../../../ui-api/src/api/take-preloaded';
import { CATALOG_PAGE_SIZE, DEFAULT_CATALOG_SORT } from '../app/pages/catalog/first-page';
import { renderIndexHtml } from './index-html';

/** Runs the page's inline preload script as a browser would at `pathname`; returns the keys it preloaded. */
function preloadedKeys(pathname: string, search = ''): string[] {
  const html = renderIndexHtml({ app: 'app.mjs', initial: ['app.mjs'], dashboardChunks: [], css: [], shared: {} }, { title: 'Portico', uiApiVersion: '0.1.0', plugins: [] });
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const globals: Record<string, unknown> = { location: { pathname, search }, fetch: () => Promise.resolve(), Date };
  globals.globalThis = globals;
  runInNewContext(script, globals);
  return Object.keys(globals.__porticoPreload as Record<string, unknown>);
}

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
