/** Runs started on each of the last `days` days (UTC), oldest first. */
export function runsPerDay(createdAt: string[], days: number, now = new Date()): Array<{ day: Date; count: number }> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const DAY = 24 * 60 * 60 * 1000;
  const buckets = Array.from({ length: days }, (_, i) => ({ day: new Date(today - (days - 1 - i) * DAY), count: 0 }));
  for (const at of createdAt) {
    const offset = Math.floor((Date.parse(at) - (today - (days - 1) * DAY)) / DAY);
    if (offset >= 0 && offset < days) buckets[offset].count++;
  }
  return buckets;
}
