/**
 * A badges-only site's first answer (and an arXiv listing's of the newest papers), read from local
 * storage without a message: the site's switch and the highlight threshold from the settings (read raw:
 * ./site-switch.ts), the newest papers' badges from their copy (lib/background/newest-copy.ts). So a
 * page that names only those papers never wakes the background worker, and its first badges do not
 * wait for it to start. Undefined when there is no copy (the background's index was dropped and not
 * built again yet): the page asks the background, as before.
 */
import { browser } from 'wxt/browser';
import type { BadgeIndexAnswer, LinkBadgesAnswer } from '../../shared/messages';
import { newestLinesSpan } from '../../shared/badge-index';
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
  const local = await readLocalStart(site);
  if (!local) return undefined;
  const { enabled, highlightThreshold, newest } = local;
  return {
    enabled,
    highlightThreshold,
    badges: [],
    ...(enabled ? { newest } : {}),
    ...(siteByTitle(site) ? { byTitle: true as const } : {}),
  };
}

/**
 * The first answer of an arXiv listing that shows the newest papers (/new, /recent, /pastweek: its
 * URL names no month, ../arxiv/listing-span.ts), from the same copy: its lines answer for every id
 * from their first on, as the background's answer for its span would; the listing asks about older
 * ids once it is read (a /new page's replacements). Undefined when there is no copy.
 */
export async function readLocalNewestSpan(site: SiteId): Promise<BadgeIndexAnswer | undefined> {
  const local = await readLocalStart(site);
  if (!local) return undefined;
  const { enabled, highlightThreshold, newest } = local;
  if (!enabled) return { enabled, highlightThreshold, index: '' };
  const covers = newestLinesSpan(newest);
  return covers && { enabled, highlightThreshold, index: newest, covers };
}

/**
 * The first answer of an arXiv search page (its URL names no span: ../arxiv/listing-span.ts), from the
 * settings alone, as the background would answer it: the switch, the threshold, no badges (every id is
 * asked about as the page is parsed). So those asks need not wait for a first round trip to the
 * background. Undefined when storage fails: the page asks the background, as before.
 */
export async function readLocalNoSpan(site: SiteId): Promise<BadgeIndexAnswer | undefined> {
  try {
    const settings = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    return { enabled: siteEnabled(settings, site), highlightThreshold: highlightThresholdOf(settings), index: '' };
  } catch {
    return undefined;
  }
}

/** The site's switch and threshold, and the newest badges' copy; undefined when there is no copy or storage fails. */
async function readLocalStart(site: SiteId): Promise<{ enabled: boolean; highlightThreshold: number; newest: string } | undefined> {
  try {
    const [synced, newest] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), readNewestCopy()]);
    if (!newest) return undefined;
    const settings = synced[SETTINGS_KEY];
    return { enabled: siteEnabled(settings, site), highlightThreshold: highlightThresholdOf(settings), newest };
  } catch {
    // Storage unreadable: the background answers.
    return undefined;
  }
}
