import { countdown, relativeTime } from './relative-time';

const now = Date.parse('2026-11-22T12:00:00Z');

test('relative times pick the largest fitting unit', () => {
  expect(relativeTime('2026-11-22T09:00:00Z', now)).toBe('3 hours ago');
  expect(relativeTime('2026-11-24T12:00:00Z', now)).toBe('in 2 days');
  expect(relativeTime('2026-11-22T12:00:00Z', now)).toBe('now');
  expect(relativeTime('not a date', now)).toBe('not a date');
});

test('countdowns show days, then padded hours, minutes, seconds', () => {
  expect(countdown('2026-11-24T15:04:05Z', now)).toBe('2d 03h 04m 05s');
  expect(countdown('2026-11-22T12:00:09Z', now)).toBe('00h 00m 09s');
  expect(countdown('2026-11-22T11:59:59Z', now)).toBe('expired');
});
