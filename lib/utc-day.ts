/** Daily Papers days are UTC calendar days, written `YYYY-MM-DD`. */

const DAY_MS = 86_400_000;

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function isUtcDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && utcDay(Date.parse(`${text}T00:00:00Z`)) === text;
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
