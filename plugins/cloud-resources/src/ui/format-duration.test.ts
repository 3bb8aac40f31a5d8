import { formatTimeLeft } from './format-duration';

test('formats the time left in the two largest units, and ended once past', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  expect(formatTimeLeft('2026-12-08T11:00:00Z', now)).toBe('4 d 23 h');
  expect(formatTimeLeft('2026-12-03T17:12:30Z', now)).toBe('5 h 12 min');
  expect(formatTimeLeft('2026-12-03T12:03:05Z', now)).toBe('3 min 5 s');
  expect(formatTimeLeft('2026-12-03T12:00:40Z', now)).toBe('40 s');
  expect(formatTimeLeft('2026-12-03T11:00:00Z', now)).toBe('ended');
  expect(formatTimeLeft(null, now)).toBe('');
});
