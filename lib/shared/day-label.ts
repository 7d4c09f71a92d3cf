/**
 * Days in words, the same everywhere (popup, notifications, the arXiv card): "Mon 9 Jun", "9 Jun 2025",
 * "9 – 15 Jun 2025"; a day is read as HF dates it (UTC), whatever the reader's time zone.
 */

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const at = (day: string) => new Date(`${day}T00:00:00Z`);

export function dayLabel(day: string): string {
  return dayFormat.format(at(day)).replace(',', '');
}

/** `2025-06-06` (or an ISO time on that day) → `6 Jun 2025`; undefined for anything else. */
export function dateLabel(date: string): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  const time = day ? at(day).getTime() : Number.NaN;
  return Number.isNaN(time) ? undefined : dayMonthYear.format(time);
}

export function weekLabel(start: string, end: string): string {
  return `${dayMonth.format(at(start))} – ${dayMonthYear.format(at(end))}`;
}

export function isWeekendDay(day: string): boolean {
  const weekday = at(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}
