/**
 * The person's settings, in the browser's synced storage so they follow them across browsers.
 * Checked with zod on every read: a bad or missing value falls back to its default, never throws.
 */
import { DEFAULT_SITE_SWITCHES, SITES, type SiteId } from './sites';
import { z } from './zod-no-eval';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './storage-keys';

const siteSwitches = Object.fromEntries(SITES.map((site) => [site.id, z.boolean().catch(site.defaultOn)])) as {
  [K in SiteId]: z.ZodCatch<z.ZodBoolean>;
};

const wordList = z.array(z.string().trim().min(1).max(200)).max(200).catch([]);

export const SettingsSchema = z.object({
  /** Days of Daily Papers kept in sync, back from today. */
  backfillDays: z.number().int().min(1).max(90).catch(30),
  syncIntervalMinutes: z.number().int().min(15).max(24 * 60).catch(30),
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

export async function readSettings(): Promise<Settings> {
  return parseSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings()), ...patch });
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}
