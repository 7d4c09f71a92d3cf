/**
 * A badges-only site's first answer, read from local storage without a message: the site's switch and
 * the highlight threshold from the settings (read raw: ./site-switch.ts), the newest papers' badges
 * from their copy (lib/background/newest-copy.ts). So a page that names only those papers never wakes
 * the background worker, and its first badges do not wait for it to start. Undefined when there is no
 * copy (the background's index was dropped and not built again yet): the page asks the background, as
 * before.
 */
import { browser } from 'wxt/browser';
import type { LinkBadgesAnswer } from '../../shared/messages';
import { siteByTitle, siteEnabled, type SiteId } from '../../shared/sites';
import { NEWEST_BADGES_KEY, SETTINGS_KEY } from '../../shared/storage-keys';
import { highlightThresholdOf } from './site-switch';

/** The newest badges' copy alone (GitHub's pages: a badge it holds spares the question); undefined without one. */
export async function readNewestCopy(): Promise<string | undefined> {
  try {
    const newest = (await browser.storage.local.get(NEWEST_BADGES_KEY))[NEWEST_BADGES_KEY];
    return typeof newest === 'string' && newest ? newest : undefined;
  } catch {
    return undefined;
  }
}

export async function readLocalFirstAnswer(site: SiteId): Promise<LinkBadgesAnswer | undefined> {
  try {
    const [synced, newest] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), readNewestCopy()]);
    if (!newest) return undefined;
    const settings = synced[SETTINGS_KEY];
    const enabled = siteEnabled(settings, site);
    return {
      enabled,
      highlightThreshold: highlightThresholdOf(settings),
      badges: [],
      ...(enabled ? { newest } : {}),
      ...(siteByTitle(site) ? { byTitle: true as const } : {}),
    };
  } catch {
    // Storage unreadable: the background answers.
    return undefined;
  }
}
