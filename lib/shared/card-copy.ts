/**
 * The card copy's format, shared by its writer (lib/background/card-mirror.ts) and its reader (the arXiv
 * paper page, lib/sites/kit/card-state.ts): one `storage.local` key a paper (`card:<id>`), holding
 * exactly what the card shows as one JSON string, read back without the schemas.
 */
import { CARD_KEY_PREFIX, CARD_MIRROR_META_KEY } from './storage-keys';
import { isRecord } from './is-record';
import type { PaperCardData } from './messages';

/**
 * The part of `browser.storage.local` the copy uses. (Named `area` in this module: a free identifier
 * `storage` would make the build pull WXT's storage helper into the content script.)
 */
export interface MirrorStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Chromium 130+: the keys alone (else everything is read to list them). */
  getKeys?: () => Promise<string[]>;
}

export const cardMirrorKey = (id: string) => `${CARD_KEY_PREFIX}${id}`;

/** Exactly what the card shows, nothing more (absent fields left out). */
export function mirroredCard(paper: PaperCardData): PaperCardData {
  const { id, upvotes, numComments, aiSummary, aiKeywords, githubRepo, githubStars, projectPage, organization, dailyDate, withdrawnAt } = paper;
  const card: PaperCardData = { id, upvotes, numComments, aiSummary, aiKeywords, githubRepo, githubStars, projectPage, organization, dailyDate, withdrawnAt };
  for (const key of Object.keys(card) as (keyof PaperCardData)[]) if (card[key] === undefined) delete card[key];
  return card;
}

/**
 * A card as stored: one JSON string. Chromium turns an object value into its own structure field by
 * field, several times slower than a string (measured: 2,100 cards as objects ~300–600 ms, as strings
 * ~90–200 ms), and the sync writes the copy after each step.
 */
export function storedCard(paper: PaperCardData): string {
  return JSON.stringify(mirroredCard(paper));
}

export async function mirrorKeys(area: MirrorStorage): Promise<string[]> {
  const keys = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter((key) => key.startsWith(CARD_KEY_PREFIX));
}

/** Removes the whole copy ("Clear the cache", a wiped database); the next run writes it again. */
export async function clearCardMirror(area: MirrorStorage): Promise<void> {
  await area.remove([CARD_MIRROR_META_KEY, ...(await mirrorKeys(area))]);
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * A stored copy read back (by the content script, without the schemas): only fields of the right type
 * pass; the card renders them as text and checks the links as it always does. Undefined when unusable.
 */
export function readMirroredCard(value: unknown, id: string): PaperCardData | undefined {
  if (typeof value !== 'string') return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isRecord(stored) || stored.id !== id) return undefined;
  const upvotes = count(stored.upvotes);
  if (upvotes === undefined) return undefined;
  const keywords = Array.isArray(stored.aiKeywords) ? stored.aiKeywords.filter((k): k is string => typeof k === 'string') : undefined;
  const org = isRecord(stored.organization) && typeof stored.organization.name === 'string' ? stored.organization : undefined;
  return mirroredCard({
    id,
    upvotes,
    numComments: count(stored.numComments),
    aiSummary: text(stored.aiSummary),
    aiKeywords: keywords,
    githubRepo: text(stored.githubRepo),
    githubStars: count(stored.githubStars),
    projectPage: text(stored.projectPage),
    organization: org ? { name: org.name as string, fullname: text(org.fullname) } : undefined,
    dailyDate: text(stored.dailyDate),
    withdrawnAt: text(stored.withdrawnAt),
  });
}
