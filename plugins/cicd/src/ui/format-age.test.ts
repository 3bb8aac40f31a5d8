import { formatAge } from './format-age';

describe('formatAge', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('uses the largest whole unit', () => {
    expect(formatAge('2026-03-10T11:59:30Z', now)).toBe('30 s ago');
    expect(formatAge('2026-03-10T11:15:00Z', now)).toBe('45 min ago');
    expect(formatAge('2026-03-10T07:00:00Z', now)).toBe('5 h ago');
    expect(formatAge('2026-03-07T12:00:00Z', now)).toBe('3 d ago');
  });
  it('is empty for a missing or invalid time', () => {
    expect(formatAge(null, now)).toBe('');
    expect(formatAge('not a date', now)).toBe('');
  });
});
