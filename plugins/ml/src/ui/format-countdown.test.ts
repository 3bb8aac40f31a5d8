import { formatCountdown } from './format-countdown';

test('counts down as hours:minutes:seconds, then says stopping', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  expect(formatCountdown('2026-12-03T17:59:30Z', now)).toBe('7:59:30');
  expect(formatCountdown('2026-12-06T10:00:05Z', now)).toBe('72:00:05');
  expect(formatCountdown('2026-12-03T10:00:00Z', now)).toBe('stopping');
  expect(formatCountdown(null, now)).toBe('');
});
