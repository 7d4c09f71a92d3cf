/**
 * The person's settings, in the browser's synced storage so they follow them across browsers.
 * Checked with zod on every read: a bad or missing value falls back to its default, never throws.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';

export const SettingsSchema = z.object({
  /** Days of Daily Papers kept in sync, back from today. */
  backfillDays: z.number().int().min(1).max(90).catch(30),
  syncIntervalMinutes: z.number().int().min(15).max(24 * 60).catch(30),
  /** Abstract pages of papers not yet synced ask HF for that one paper. */
  liveLookups: z.boolean().catch(true),
});

export type Settings = z.infer<typeof SettingsSchema>;

const KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.sync.get(KEY))[KEY];
  return SettingsSchema.parse(typeof stored === 'object' && stored !== null ? stored : {});
}

export async function writeSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await readSettings()), ...patch });
  await browser.storage.sync.set({ [KEY]: next });
  return next;
}
