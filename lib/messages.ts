/**
 * The typed protocol between content scripts / extension pages and the background. Every message is
 * checked on arrival (./message-schema.ts, kept out of content scripts to keep them small).
 */
import { browser } from 'wxt/browser';
import type { Paper } from './paper';
import type { HfSearchAnswer } from './search/hf-search';
import type { SyncOutcome } from './sync/engine';

/** Enough for the largest arXiv listing (2000 entries) plus margin, never unbounded. */
export const MAX_LOOKUP_IDS = 5_000;

export type Request =
  | {
      type: 'lookupPapers';
      ids: string[];
      /** Ask HF for papers not stored (abstract pages only; a setting can refuse it). */
      live?: boolean;
    }
  | { type: 'syncNow' }
  /** The popup's explicit "search all of Hugging Face" (never sent per keystroke). */
  | { type: 'searchHf'; q: string }
  /** The person saved a search result that is not stored: store it so Saved can show it. */
  | { type: 'keepPaper'; id: string };

/** What a page needs to draw a badge or card: the paper without its abstract. */
export type PaperOverview = Omit<Paper, 'summary'>;

export interface ResponseMap {
  lookupPapers: { papers: Record<string, PaperOverview> };
  syncNow: SyncOutcome;
  searchHf: HfSearchAnswer;
  keepPaper: { kept: boolean };
}

export type Response<T extends Request['type']> = ResponseMap[T];

export async function sendRequest<T extends Request>(request: T): Promise<Response<T['type']>> {
  return (await browser.runtime.sendMessage(request)) as Response<T['type']>;
}

export function toOverview(paper: Paper): PaperOverview {
  const { summary: _abstract, ...overview } = paper;
  return overview;
}
