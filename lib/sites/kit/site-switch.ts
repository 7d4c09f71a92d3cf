/**
 * The per-site switch (`settings.sites[site]`), read by content scripts without the settings schema
 * (lib/shared/sites.ts `siteEnabled`).
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../shared/storage-keys';
import { isRecord } from '../../shared/is-record';
import { siteEnabled, type SiteId } from '../../shared/sites';

export async function readSiteEnabled(site: SiteId): Promise<boolean> {
  return siteEnabled((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY], site);
}

/** Whether live lookups are on, read as `parseSettings` does (anything but a boolean means on). */
export function liveLookupsOn(stored: unknown): boolean {
  return !isRecord(stored) || stored.liveLookups !== false;
}

/** The highlight threshold, read as `parseSettings` does (anything but a whole number from 0 to 100,000 means none). */
export function highlightThresholdOf(stored: unknown): number {
  const value = isRecord(stored) ? stored.highlightThreshold : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100_000 ? value : 0;
}

/** The site's switch and the live-lookup setting, in one read. */
export async function readSiteSwitches(site: SiteId): Promise<{ enabled: boolean; live: boolean }> {
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  return { enabled: siteEnabled(stored, site), live: liveLookupsOn(stored) };
}

/** Calls `onChange` with the switch's new position whenever the settings change, until `signal` aborts. */
export function watchSiteEnabled(site: SiteId, onChange: (enabled: boolean) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (SETTINGS_KEY in changes) onChange(siteEnabled(changes[SETTINGS_KEY]?.newValue, site));
  };
  // The synced area's own event: the extension's writes to storage.local (the card copy, lib/background/card-mirror.ts,
  // a megabyte on a first sync) are not delivered to every arXiv and GitHub tab.
  browser.storage.sync.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.sync.onChanged.removeListener(listener));
}
