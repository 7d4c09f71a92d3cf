/**
 * The kv rows of a paper's linked models, datasets and Spaces (`paperLinks:` in ./storage-keys.ts), as
 * the background writes them and as the popup and GitHub's card read them: what is known, never asked.
 */
import type { PaperLinks } from './messages';

/** A kv row of a fetched answer: when it was fetched, and what. */
export interface CachedRow<T> {
  at: number;
  value: T;
}

/** The linked lists of a `paperLinks:` row; undefined for a row of any other shape. */
export function linksOfRow(row: unknown): PaperLinks | undefined {
  const value = (row as Partial<CachedRow<PaperLinks>> | undefined)?.value;
  return value && typeof value === 'object' && value.totals && value.top ? value : undefined;
}

/** Weights: at least one model HF links to the paper. */
export const hasWeights = (links: PaperLinks | undefined) => (links?.totals.models ?? 0) > 0;
/** A demo: at least one Space. */
export const hasDemo = (links: PaperLinks | undefined) => (links?.totals.spaces ?? 0) > 0;
