/** Daily Papers days and weeks in words ("Mon 9 Jun", "9 – 15 Jun 2025"), read as UTC days. */

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const at = (day: string) => new Date(`${day}T00:00:00Z`);

export function dayLabel(day: string): string {
  return dayFormat.format(at(day)).replace(',', '');
}

export function weekLabel(start: string, end: string): string {
  return `${dayMonth.format(at(start))} – ${dayMonthYear.format(at(end))}`;
}

export function isWeekendDay(day: string): boolean {
  const weekday = at(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}
