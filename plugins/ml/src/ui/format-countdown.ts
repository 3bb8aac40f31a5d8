/** A countdown as a clock, `7:59:30` (hours may exceed 24), or `stopping` once the time is up. */
export function formatCountdown(iso: string | null | undefined, now: number): string {
  if (!iso) return '';
  const left = Math.floor((Date.parse(iso) - now) / 1000);
  if (left <= 0) return 'stopping';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(left / 3600)}:${pad(Math.floor((left % 3600) / 60))}:${pad(left % 60)}`;
}
