import { entityPath, runPath } from './entity-path';

test('paths escape ids so any entity id stays one path segment', () => {
  expect(entityPath({ kind: 'service', id: 'cart/api v2' })).toBe('/catalog/service/cart%2Fapi%20v2');
  expect(runPath('r-1')).toBe('/runs/r-1');
});
