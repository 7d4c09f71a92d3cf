/**
 * The person's settings, in the browser's synced storage so they follow them across browsers.
 * Checked with zod on every read: a bad or missing value falls back to its default, never throws.
 */
import { DEFAULT_SITE_SWITCHES, SITES, type SiteId } from './sites';
import { z } from './zod-no-eval';
import { browser } from 'wxt/browser';
import { LOCAL_WATCH_KEY, SETTINGS_KEY } from './storage-keys';

/** Retention bounds (days). Pruning keeps at least the back-fill's days, so a sync never fetches what it then deletes. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;
/** The choices the options page offers. */
export const RETENTION_CHOICES = [30, 90, 180, 365, 730, 'forever'] as const;

const siteSwitches = Object.fromEntries(SITES.map((site) => [site.id, z.boolean().catch(site.defaultOn)])) as {
  [K in SiteId]: z.ZodCatch<z.ZodBoolean>;
};

const wordList = z.array(z.string().trim().min(1).max(200)).max(200).catch([]);

export const SettingsSchema = z.object({
  /** Days of Daily Papers kept in sync, back from today. */
  backfillDays: z.number().int().min(1).max(90).catch(30),
  syncIntervalMinutes: z.number().int().min(15).max(24 * 60).catch(30),
  /**
   * How long Daily Papers are kept, in days back from today, or for ever (lib/background/prune.ts).
   * Saved and read papers are kept whatever this says.
   */
  retentionDays: z.union([z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS), z.literal('forever')]).catch(365),
  /**
   * Live lookups: an arXiv paper page, or a GitHub page citing a few papers, that the local copy lacks asks
   * HF about those papers (the only thing sent about browsing; sites.ts `sends` says which pages may).
   */
  liveLookups: z.boolean().catch(true),
  /** Per-site switches for the page overlays (./sites.ts). */
  sites: z.object(siteSwitches).catch({ ...DEFAULT_SITE_SWITCHES }),
  /** Listing pages: highlight papers with at least this many upvotes (0: off). */
  highlightThreshold: z.number().int().min(0).max(100_000).catch(0),
  watch: z
    .object({ keywords: wordList, authors: wordList, organizations: wordList })
    .catch({ keywords: [], authors: [], organizations: [] }),
  /** Watch matches notify only at or above this many upvotes (0: any). */
  watchUpvoteThreshold: z.number().int().min(0).max(100_000).catch(0),
  notificationsEnabled: z.boolean().catch(true),
  dailyDigest: z.boolean().catch(true),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export function parseSettings(stored: unknown): Settings {
  // An array is an object too, but zod's object schema refuses it (and would throw): treat it as nothing stored.
  return SettingsSchema.parse(typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {});
}

/**
 * What the browser's synced storage holds per item (Chrome's `storage.sync.QUOTA_BYTES_PER_ITEM`: the
 * key's length plus the value's JSON). Firefox allows the same.
 */
export const SYNC_ITEM_MAX_BYTES = 8_192;

/** The bytes the settings take as one synced item. */
export function syncedBytes(settings: Settings): number {
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(settings)).length;
}

/**
 * Where the settings go: one synced item when they fit; else everything but the watch lists is synced
 * and the lists stay in this browser (`storage.local`), so nothing is refused and nothing is cut. The
 * options page says which before saving (`watchListsSynced`).
 */
export function placeSettings(settings: Settings): { sync: Record<string, unknown>; local?: Settings['watch'] } {
  if (syncedBytes(settings) <= SYNC_ITEM_MAX_BYTES) return { sync: settings };
  const { watch, ...synced } = settings;
  // A new value each save: the synced item changes, so every context watching it hears of the new lists.
  return { sync: { ...synced, watchKeptLocallyAt: Date.now() }, local: watch };
}

export function watchListsSynced(settings: Settings): boolean {
  return placeSettings(settings).local === undefined;
}

export async function readSettings(): Promise<Settings> {
  const [synced, local] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), browser.storage.local.get(LOCAL_WATCH_KEY)]);
  const stored = synced[SETTINGS_KEY];
  const localWatch = local[LOCAL_WATCH_KEY];
  const keptLocally = typeof stored === 'object' && stored !== null && 'watchKeptLocallyAt' in stored;
  return parseSettings(keptLocally && localWatch ? { ...stored, watch: localWatch } : stored);
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings()), ...patch });
  const { sync, local } = placeSettings(next);
  if (local) await browser.storage.local.set({ [LOCAL_WATCH_KEY]: local });
  await browser.storage.sync.set({ [SETTINGS_KEY]: sync });
  if (!local) await browser.storage.local.remove(LOCAL_WATCH_KEY);
  return next;
}
