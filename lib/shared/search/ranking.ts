/**
 * How the local search ranks (./local-index.ts keeps the postings; this says what a hit is worth): a
 * title hit outranks an author, keyword or organization hit, which outranks a summary hit, then an
 * abstract hit; a longer word found by its start counts for less than the word itself; upvotes lift
 * near-ties; the best few of all matches are picked without sorting them all.
 */

/** The fields a word can occur in, one bit each: a posting carries the fields of its paper's hits. */
export const TITLE = 1;
export const KEYWORD = 2;
export const AUTHOR = 4;
export const ORGANIZATION = 8;
export const AI_SUMMARY = 16;
export const ABSTRACT = 32;
export const FIELD_BITS = 6;
export const FIELDS_MASK = (1 << FIELD_BITS) - 1;

const FIELD_WEIGHTS: [number, number][] = [
  [TITLE, 8],
  [AUTHOR, 6],
  [KEYWORD, 5],
  [ORGANIZATION, 5],
  [AI_SUMMARY, 3],
  [ABSTRACT, 1],
];

/** The weight of a posting, by its fields' mask: its best field. */
export const MASK_WEIGHT = Float64Array.from({ length: 1 << FIELD_BITS }, (_, mask) =>
  Math.max(0, ...FIELD_WEIGHTS.filter(([bit]) => mask & bit).map(([, weight]) => weight)),
);

/** A longer word found by its start counts for less than the word itself. */
export const PREFIX_FACTOR = 0.6;
/** Prefixes shorter than this expand over short fields only. */
export const BODY_PREFIX_MIN = 4;

/** How much upvotes lift a paper's score. */
function upvoteBoost(upvotes: number): number {
  return 1 + 0.1 * Math.log10(1 + upvotes);
}
/** Looked up for the usual counts: a first search runs before the engine optimized anything. */
const UPVOTE_BOOSTS = Float64Array.from({ length: 1024 }, (_, upvotes) => upvoteBoost(upvotes));

/** A paper's final score: its words' score lifted by its upvotes. */
export function boosted(score: number, upvotes: number): number {
  return score * (upvotes >>> 0 < UPVOTE_BOOSTS.length ? UPVOTE_BOOSTS[upvotes]! : upvoteBoost(upvotes));
}

/**
 * The best `limit` of `candidates[0 … count)`, best first: higher `value`, then more upvotes. A min-heap
 * of `limit` entries, so a query matching thousands of papers never sorts them all.
 */
export function bestOf(
  candidates: ArrayLike<number>,
  count: number,
  limit: number,
  value: (doc: number) => number,
  upvotes: ArrayLike<number>,
): number[] {
  const better = (a: number, b: number, va: number, vb: number) => va > vb || (va === vb && upvotes[a]! > upvotes[b]!);
  const heap: { doc: number; v: number }[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!.doc, heap[l]!.doc, heap[worst]!.v, heap[l]!.v)) worst = l;
      if (r < heap.length && better(heap[worst]!.doc, heap[r]!.doc, heap[worst]!.v, heap[r]!.v)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let m = 0; m < count; m++) {
    const doc = candidates[m]!;
    const v = value(doc);
    if (heap.length < limit) {
      heap.push({ doc, v });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent]!.doc, heap[i]!.doc, heap[parent]!.v, heap[i]!.v)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (better(doc, heap[0]!.doc, v, heap[0]!.v)) {
      heap[0] = { doc, v };
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a.doc, b.doc, a.v, b.v) ? -1 : 1)).map((entry) => entry.doc);
}
