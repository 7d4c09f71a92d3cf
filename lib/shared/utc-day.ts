/** Daily Papers days are UTC calendar days, written `YYYY-MM-DD`. */

const DAY_MS = 86_400_000;

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function isUtcDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  // Month 13 or day 32 parse to NaN, which utcDay cannot format.
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && utcDay(time) === text;
}

/** The day `offset` days after `day` (negative: before). */
export function addDays(day: string, offset: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + offset * DAY_MS);
}

/** The `count` days ending with the day of `now`, newest first. */
export function lastDays(now: number, count: number): string[] {
  const today = utcDay(now);
  return Array.from({ length: count }, (_, i) => addDays(today, -i));
}
