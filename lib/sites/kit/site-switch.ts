/**
 * The per-site switch (`settings.sites[site]`), read by content scripts without the settings schema:
 * zod would more than triple a content script that runs on every page of the site. It reads exactly as
 * lib/shared/settings.ts's `parseSettings` does (anything but a boolean means on); tests/unit/sites/kit/site-switch.test.ts
 * checks the two agree for any stored value.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../shared/storage-keys';
import { isRecord } from '../../shared/is-record';
import { defaultSwitch, type SiteId } from '../../shared/sites';

/** Whether the overlay of `site` is on, given the stored settings object (or whatever is stored). */
export function siteEnabled(stored: unknown, site: SiteId): boolean {
  const sites = isRecord(stored) ? stored.sites : undefined;
  const value = isRecord(sites) ? sites[site] : undefined;
  return typeof value === 'boolean' ? value : defaultSwitch(site);
}

export async function readSiteEnabled(site: SiteId): Promise<boolean> {
  return siteEnabled((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY], site);
}

/** Whether live lookups are on, read as `parseSettings` does (anything but a boolean means on). */
export function liveLookupsOn(stored: unknown): boolean {
  return !isRecord(stored) || stored.liveLookups !== false;
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
