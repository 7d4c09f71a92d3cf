/** The retention window (README, "A local copy"): which Daily Papers days are kept, from the settings. */
import type { Settings } from '../shared/settings';

const DAY_MS = 86_400_000;

/** How many days are kept: the person's choice, never less than the sync's back-fill; undefined for ever. */
export function keptDays(settings: Pick<Settings, 'retentionDays' | 'backfillDays'>): number | undefined {
  return settings.retentionDays === 'forever' ? undefined : Math.max(settings.retentionDays, settings.backfillDays);
}

/** The first UTC day kept (papers listed before it may go), or undefined when everything is kept. */
export function retentionStart(now: number, days: number | undefined): string | undefined {
  return days === undefined ? undefined : new Date(now - days * DAY_MS).toISOString().slice(0, 10);
}
