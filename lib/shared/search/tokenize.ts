/**
 * Words for the local search: lower case, accents folded, split on anything that is not a letter or a
 * digit (a dot between digits stays, so arXiv ids and versions are one word). Common English words are
 * left out: they would match every abstract.
 */

const ASCII_WORD = /[a-z0-9]+(?:\.[0-9]+)*/g;
const WORD = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;
const MARKS = /\p{M}+/gu;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can do does for from has have in into is it its of on or our than that the their ' +
    'them then there these they this those to under via was we were what when which while who will with within without'
  ).split(' '),
);

/** Every word of the text, in order, stop words included. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  // The plain-ASCII path is several times faster; most of an archive is ASCII.
  if (!NON_ASCII.test(lower)) return lower.match(ASCII_WORD) ?? [];
  return lower.normalize('NFKD').replace(MARKS, '').match(WORD) ?? [];
}

export interface QueryTerm {
  text: string;
  /** Also matches longer words that start with it ("flow" finds "flows"). */
  prefix: boolean;
}

/**
 * The terms of a query as typed. Stop words are dropped unless the last word may still be growing
 * ("th" of "thermal"); single letters match whole words only.
 */
export function queryTerms(query: string): QueryTerm[] {
  const all = words(query);
  const growing = /[\p{L}\p{N}]$/u.test(query);
  const terms: QueryTerm[] = [];
  all.forEach((text, i) => {
    const last = i === all.length - 1;
    if (STOP_WORDS.has(text) && !(last && growing)) return;
    if (terms.some((t) => t.text === text)) return;
    terms.push({ text, prefix: text.length > 1 });
  });
  return terms;
}

/** What the stored index groups a word by (./stored-index.ts): its first letter (UTF-16 unit). */
export function shardOf(word: string): string {
  return word.charAt(0);
}
