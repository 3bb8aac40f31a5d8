import { runsPerDay, runsQuery } from './runs-query';

test('counts runs per UTC day over the last days, oldest first, ignoring older and future runs', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const counts = runsPerDay(['2026-12-03T09:00:00Z', '2026-12-03T00:00:00Z', '2026-12-01T23:59:59Z', '2026-11-20T00:00:00Z', '2026-12-04T01:00:00Z'], 3, now);
  expect(counts.map((b) => [b.day.toISOString().slice(0, 10), b.count])).toEqual([
    ['2026-12-01', 1],
    ['2026-12-02', 0],
    ['2026-12-03', 2],
  ]);
});

test('puts the action and status filters in the runs query', () => {
  expect(runsQuery({ id: 'a', type: 'runs', title: 'R', layout: { x: 0, y: 0, w: 4, h: 3 }, runs: { actionId: 'cicd.deploy', status: 'failed' } }, 20)).toBe('/runs?limit=20&actionId=cicd.deploy&status=failed');
});
