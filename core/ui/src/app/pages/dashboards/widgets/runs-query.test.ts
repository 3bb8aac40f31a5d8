import { runsPerDay } from './runs-query';

test('counts runs per UTC day over the last days, oldest first, ignoring older and future runs', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const counts = runsPerDay(['2026-12-03T09:00:00Z', '2026-12-03T00:00:00Z', '2026-12-01T23:59:59Z', '2026-11-20T00:00:00Z', '2026-12-04T01:00:00Z'], 3, now);
  expect(counts.map((b) => [b.day.toISOString().slice(0, 10), b.count])).toEqual([
    ['2026-12-01', 1],
    ['2026-12-02', 0],
    ['2026-12-03', 2],
  ]);
});
