/**
 * Ranked search over every stored paper, in the popup, as the person types. An inverted index maps
 * each word to the papers (and fields) it occurs in; a query word also matches longer words that start
 * with it. Every query word must match; a title hit outranks a keyword, author or organization hit,
 * which outranks a summary hit, then an abstract hit; rare words count more (idf); upvotes break
 * near-ties.
 *
 * Postings are kept in two lists per word: "head" (the paper has the word in a short field, maybe in
 * the abstract too) and "body" (abstract only). A short prefix ("di") expands over head lists only:
 * matching every abstract that has "different" or "directly" would be slow and useless.
 */
import type { Paper } from '../../shared/paper';
import { queryTerms, STOP_WORDS, words } from './tokenize';

/** The word id of a stop word: looked up like any word (one look-up per word), never indexed. */
const SKIP = -1;

/** What the index keeps of a paper to show it: everything but the abstract (loaded on demand). */
export type SearchDoc = Omit<Paper, 'summary'> & { summary?: string };

const TITLE = 1;
const KEYWORD = 2;
const AUTHOR = 4;
const ORGANIZATION = 8;
const AI_SUMMARY = 16;
const ABSTRACT = 32;
const FIELD_BITS = 6;
const FIELDS_MASK = (1 << FIELD_BITS) - 1;
const FIELD_WEIGHTS: [number, number][] = [
  [TITLE, 8],
  [AUTHOR, 6],
  [KEYWORD, 5],
  [ORGANIZATION, 5],
  [AI_SUMMARY, 3],
  [ABSTRACT, 1],
];
/** The weight of a posting: its best field. */
const MASK_WEIGHT = Float64Array.from({ length: 1 << FIELD_BITS }, (_, mask) =>
  Math.max(0, ...FIELD_WEIGHTS.filter(([bit]) => mask & bit).map(([, weight]) => weight)),
);
/** A longer word found by its start counts for less than the word itself. */
const PREFIX_FACTOR = 0.6;
/** Prefixes shorter than this expand over short fields only. */
const BODY_PREFIX_MIN = 4;

export interface SearchResult {
  docs: SearchDoc[];
  /** Papers matching, of which `docs` are the best. */
  total: number;
}

export class LocalSearchIndex {
  private readonly docs: SearchDoc[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly abstracted = new Set<number>();
  private readonly wordIds = new Map<string, number>([...STOP_WORDS].map((word) => [word, SKIP]));
  /** Per word id: packed (doc << FIELD_BITS | fields). */
  private readonly head: number[][] = [];
  private readonly body: number[][] = [];
  /** Per word id: the last paper given a posting in each list (papers are added in slot order). */
  private lastHeadDoc = new Int32Array(1024).fill(-1);
  private lastBodyDoc = new Int32Array(1024).fill(-1);
  /** Word ids in the words' sort order, for prefix look-ups; rebuilt after words are added. */
  private sortedIds: number[] | undefined;
  private readonly wordTexts: string[] = [];
  // Scratch space reused by every query, sized to the docs.
  private best = new Float64Array(0);
  private score = new Float64Array(0);
  private seen = new Int32Array(0);
  private hits = new Int32Array(0);
  private stamp = 0;

  get size(): number {
    return this.docs.length;
  }

  /**
   * Adds a paper's short fields (title, id, keywords, authors, organization, AI summary); a paper already
   * in the index is not added twice. Its abstract is added apart (`addAbstract`), so a loader can make
   * titles searchable first and read the long texts after.
   */
  add(paper: SearchDoc): void {
    if (this.slotById.has(paper.id)) return;
    const slot = this.docs.length;
    this.docs.push(paper.summary === undefined ? paper : { ...paper, summary: undefined });
    this.slotById.set(paper.id, slot);
    this.sortedIds = undefined;

    this.note(slot, paper.id, TITLE);
    this.noteText(slot, paper.title, TITLE);
    for (const keyword of paper.aiKeywords ?? []) this.noteText(slot, keyword, KEYWORD);
    for (const author of paper.authors) this.noteText(slot, author, AUTHOR);
    if (paper.organization) {
      this.noteText(slot, paper.organization.name, ORGANIZATION);
      this.noteText(slot, paper.organization.fullname, ORGANIZATION);
    }
    this.noteText(slot, paper.aiSummary, AI_SUMMARY);
  }

  /** Refreshes what is shown of a paper already indexed (upvotes move); its words stay as they were. */
  replace(paper: SearchDoc): boolean {
    const slot = this.slotById.get(paper.id);
    if (slot === undefined) return false;
    this.docs[slot] = paper.summary === undefined ? paper : { ...paper, summary: undefined };
    return true;
  }

  /** Sorts the words for prefix look-ups now rather than on the next keystroke. */
  prepare(): void {
    this.sortedWordIds();
  }

  /** Whether the paper is indexed but its abstract is not yet. */
  needsAbstract(id: string): boolean {
    const slot = this.slotById.get(id);
    return slot !== undefined && !this.abstracted.has(slot);
  }

  /** Adds the abstract of a paper already added (once); false for a paper not in the index. */
  addAbstract(id: string, abstract: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    if (this.abstracted.has(slot)) return true;
    this.abstracted.add(slot);
    for (const word of words(abstract)) {
      const wordId = this.wordId(word);
      if (wordId === SKIP || this.lastBodyDoc[wordId] === slot) continue;
      this.lastBodyDoc[wordId] = slot;
      this.body[wordId]!.push((slot << FIELD_BITS) | ABSTRACT);
    }
    return true;
  }

  search(query: string, limit = 50): SearchResult {
    const terms = queryTerms(query);
    const n = this.docs.length;
    if (terms.length === 0 || n === 0) return { docs: [], total: 0 };
    this.prepareScratch(n);
    const { best, score, seen, hits } = this;

    let matched: number[] = [];
    for (let t = 0; t < terms.length; t++) {
      const stamp = ++this.stamp;
      const touched: number[] = [];
      const visit = (list: number[], weight: number) => {
        for (let i = 0; i < list.length; i++) {
          const packed = list[i]!;
          const doc = packed >>> FIELD_BITS;
          // Only papers that matched every earlier term stay in the running.
          if (t > 0 && hits[doc] !== stamp - 1) continue;
          const s = MASK_WEIGHT[packed & FIELDS_MASK]! * weight;
          if (seen[doc] !== stamp) {
            seen[doc] = stamp;
            best[doc] = s;
            touched.push(doc);
          } else if (s > best[doc]!) best[doc] = s;
        }
      };
      const { text, prefix } = terms[t]!;
      const found = this.wordIds.get(text);
      const exact = found === SKIP ? undefined : found;
      if (exact !== undefined) {
        const weight = this.idf(exact, n);
        visit(this.head[exact]!, weight);
        visit(this.body[exact]!, weight);
      }
      if (prefix) {
        // Longer words share the idf of the whole prefix, and count less the longer they are.
        const longer = this.wordsStartingWith(text).filter((id) => id !== exact);
        const df = longer.reduce((sum, id) => sum + this.df(id), exact === undefined ? 0 : this.df(exact));
        const idf = Math.log(1 + n / Math.max(1, Math.min(n, df)));
        for (const id of longer) {
          const weight = PREFIX_FACTOR * Math.sqrt(text.length / this.wordText(id).length) * idf;
          visit(this.head[id]!, weight);
          if (text.length >= BODY_PREFIX_MIN) visit(this.body[id]!, weight);
        }
      }
      for (const doc of touched) {
        score[doc] = (t === 0 ? 0 : score[doc]!) + best[doc]!;
        hits[doc] = stamp;
      }
      matched = touched;
      if (matched.length === 0) break;
    }
    return { docs: this.top(matched, limit).map((doc) => this.docs[doc]!), total: matched.length };
  }

  /** Papers with the word (one in both a short field and the abstract counts twice: close enough). */
  private df(id: number): number {
    return this.head[id]!.length + this.body[id]!.length;
  }

  private idf(id: number, n: number): number {
    return Math.log(1 + n / this.df(id));
  }

  /** The best `limit` docs, best first (a small min-heap: no sort of every match). */
  private top(matched: number[], limit: number): number[] {
    const value = (doc: number) => this.score[doc]! * (1 + 0.1 * Math.log10(1 + this.docs[doc]!.upvotes));
    const better = (a: number, b: number, va: number, vb: number) => va > vb || (va === vb && this.docs[a]!.upvotes > this.docs[b]!.upvotes);
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
    for (const doc of matched) {
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

  private noteText(slot: number, text: string | undefined, field: number): void {
    if (!text) return;
    for (const word of words(text)) this.note(slot, word, field);
  }

  /** Records a short-field word of a paper: one posting per paper and word, its fields or-ed in. */
  private note(slot: number, word: string, field: number): void {
    const id = this.wordId(word);
    if (id === SKIP) return;
    const list = this.head[id]!;
    if (this.lastHeadDoc[id] === slot) list[list.length - 1] = list[list.length - 1]! | field;
    else {
      this.lastHeadDoc[id] = slot;
      list.push((slot << FIELD_BITS) | field);
    }
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.head.length;
      this.wordIds.set(word, id);
      this.wordTexts.push(word);
      this.head.push([]);
      this.body.push([]);
      this.sortedIds = undefined;
      if (id >= this.lastHeadDoc.length) {
        this.lastHeadDoc = grown(this.lastHeadDoc);
        this.lastBodyDoc = grown(this.lastBodyDoc);
      }
    }
    return id;
  }

  /** Ids of the indexed words that start with `prefix` (the word itself included). */
  private wordsStartingWith(prefix: string): number[] {
    const texts = this.wordTexts;
    const sorted = this.sortedWordIds();
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (texts[sorted[mid]!]! < prefix) low = mid + 1;
      else high = mid;
    }
    const ids: number[] = [];
    for (let i = low; i < sorted.length && texts[sorted[i]!]!.startsWith(prefix); i++) ids.push(sorted[i]!);
    return ids;
  }

  private sortedWordIds(): number[] {
    const texts = this.wordTexts;
    return (this.sortedIds ??= texts.map((_, id) => id).sort((a, b) => (texts[a]! < texts[b]! ? -1 : 1)));
  }

  private wordText(id: number): string {
    return this.wordTexts[id]!;
  }

  private prepareScratch(n: number): void {
    if (this.best.length >= n) return;
    this.best = new Float64Array(n);
    this.score = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.hits = new Int32Array(n);
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2).fill(-1);
  next.set(array);
  return next;
}
