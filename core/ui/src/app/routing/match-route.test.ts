import { matchRoute } from './match-route';

test('maps portal paths to pages, decoding ids', () => {
  expect(matchRoute('/')).toEqual({ page: 'home' });
  expect(matchRoute('/catalog')).toEqual({ page: 'catalog', kind: undefined });
  expect(matchRoute('/catalog/service')).toEqual({ page: 'catalog', kind: 'service' });
  expect(matchRoute('/catalog/service/cart%2Fapi')).toEqual({ page: 'entity', kind: 'service', id: 'cart/api' });
  expect(matchRoute('/self-service/cicd.deploy')).toEqual({ page: 'action', actionId: 'cicd.deploy' });
  expect(matchRoute('/runs/run_1')).toEqual({ page: 'run', runId: 'run_1' });
  expect(matchRoute('/admin/kinds/new')).toEqual({ page: 'admin', section: 'kinds', kind: 'new' });
  expect(matchRoute('/tokens')).toEqual({ page: 'tokens' });
  expect(matchRoute('/dashboards')).toEqual({ page: 'dashboards' });
  expect(matchRoute('/dashboards/dsh_0123456789abcdef')).toEqual({ page: 'dashboard', id: 'dsh_0123456789abcdef' });
  expect(matchRoute('/tokens/extra')).toEqual({ page: 'plugin', path: '/tokens/extra' });
  expect(matchRoute('/deployments/')).toEqual({ page: 'plugin', path: '/deployments' });
});
