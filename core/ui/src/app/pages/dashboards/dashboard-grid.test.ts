import type { DashboardWidget } from '@portico/plugin-api';
import { nextPlace } from './dashboard-grid';

const at = (x: number, y: number, w: number, h: number): DashboardWidget => ({ id: `${x}-${y}`, type: 'runs', title: 'R', layout: { x, y, w, h } });

test('a new widget takes the first free place in reading order, or goes below everything', () => {
  expect(nextPlace([], 4, 3)).toEqual({ x: 0, y: 0, w: 4, h: 3 });
  expect(nextPlace([at(0, 0, 3, 2)], 4, 4)).toEqual({ x: 3, y: 0, w: 4, h: 4 });
  expect(nextPlace([at(0, 0, 6, 2), at(6, 0, 6, 2)], 4, 2)).toEqual({ x: 0, y: 2, w: 4, h: 2 });
  expect(nextPlace([at(0, 0, 3, 2)], 20, 1)).toEqual({ x: 0, y: 2, w: 12, h: 1 });
});
