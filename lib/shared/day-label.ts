/**
 * Days in words, the same everywhere (popup, notifications, the arXiv card): "Mon 9 Jun", "9 Jun 2025",
 * "9 – 15 Jun 2025"; a day is read as HF dates it (UTC), whatever the reader's time zone.
 */

// Written out rather than through Intl.DateTimeFormat: the arXiv card's script would otherwise set up
// ICU's date formatting (milliseconds, on the page's main thread) for one date. The names are en-GB's, as
// Intl spells them ("Sept").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function at(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid day: ${day}`);
  return date;
}

const dayMonth = (date: Date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
const dayMonthYear = (date: Date) => `${dayMonth(date)} ${date.getUTCFullYear()}`;

/** `2025-06-09` → `Mon 9 Jun`. */
export function dayLabel(day: string): string {
  const date = at(day);
  return `${WEEKDAYS[date.getUTCDay()]} ${dayMonth(date)}`;
}

/** `2025-06-06` (or an ISO time on that day) → `6 Jun 2025`; undefined for anything else. */
export function dateLabel(date: string): string | undefined {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  const time = day ? new Date(`${day}T00:00:00Z`) : undefined;
  return time && !Number.isNaN(time.getTime()) ? dayMonthYear(time) : undefined;
}

export function weekLabel(start: string, end: string): string {
  return `${dayMonth(at(start))} – ${dayMonthYear(at(end))}`;
}

export function isWeekendDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
