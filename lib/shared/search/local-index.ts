/**
 * Ranked search over every stored paper, as the person types. The background builds it as papers are
 * written and stores it as a snapshot (`toSnapshot`), cut by the words' first letters (./stored-index.ts);
 * the popup reads the parts a query needs (`fromSnapshot`: two strings split, nothing else parsed; a
 * posting list is decoded when a query visits it). An inverted index maps each word to the papers
 * (and fields) it occurs in; a query word also matches longer words that start with it. Every query
 * word must match; rare words count more (idf); what each field's hit and upvotes are worth, and the
 * pick of the best few, are in ./ranking.ts.
 *
 * Postings are kept in two lists per word: "head" (the paper has the word in a short field, maybe in
 * the abstract too) and "body" (abstract only). A short prefix ("di") expands over head lists only:
 * matching every abstract that has "different" or "directly" would be slow and useless.
 */
import type { Paper } from '../paper';
import { queryTerms, shardOf, STOP_WORDS, words } from './tokenize';
import { ByteWriter, grown, grownTo } from './growable';
import { Vocabulary } from './vocabulary';
import { ABSTRACT, AI_SUMMARY, AUTHOR, bestOf, BODY_PREFIX_MIN, boosted, FIELD_BITS, FIELDS_MASK, KEYWORD, MASK_WEIGHT, ORGANIZATION, PREFIX_FACTOR, TITLE } from './ranking';

/** The word id of a stop word: looked up like any word (one look-up per word), never indexed. */
const SKIP = -1;

/** What the index keeps of a paper to show it: everything but the abstract (loaded on demand). */
export type SearchDoc = Omit<Paper, 'summary'> & { summary?: string };

/** What the index keeps of a paper: enough to rank it; the popup reads the rows it shows. */
export interface IndexedDoc {
  id: string;
  upvotes: number;
}

export interface SearchResult {
  docs: IndexedDoc[];
  /** Papers matching, of which `docs` are the best. */
  total: number;
}

/**
 * The index as stored: a structured-clone value of strings and typed arrays only (no object per word or
 * paper), so reading it back is a copy of a few buffers.
 */
export interface SearchIndexSnapshot {
  /** Bumped when the layout or the words' rules change: an older snapshot is rebuilt, not read. */
  format: typeof SNAPSHOT_FORMAT;
  /** Paper ids by slot, joined by newlines. */
  ids: string;
  upvotes: Int32Array<ArrayBuffer>;
  /** Per slot: ABSTRACTED, REMOVED bits. */
  flags: Uint8Array<ArrayBuffer>;
  /** Per slot: a hash of the text indexed, to tell a paper whose words changed. */
  hashes: Uint32Array<ArrayBuffer>;
  /** The indexed words by word id, joined by newlines. */
  words: string;
  /** Word ids in the words' sort order (prefix and exact look-ups by binary search). */
  order: Uint32Array<ArrayBuffer>;
  /** Per word id w: its head postings' count at 2w, its body postings' at 2w + 1. */
  counts: Uint32Array<ArrayBuffer>;
  /** Word id w's head list is postings[offsets[2w] … offsets[2w+1]), its body list runs to offsets[2w+2]. */
  offsets: Uint32Array<ArrayBuffer>;
  /**
   * The posting lists, as varints of the gap to the previous posting (lists ascend): a head list's
   * packed postings (slot << FIELD_BITS | fields), a body list's slots (its field is always the abstract).
   */
  postings: Uint8Array<ArrayBuffer>;
}

export const SNAPSHOT_FORMAT = 3;
const ABSTRACTED = 1;
const REMOVED = 2;

/** FNV-1a over the text a paper is indexed by (its short fields and abstract). */
function textHash(paper: Paper | SearchDoc): number {
  const org = paper.organization;
  const text = [paper.title, paper.summary ?? '', paper.aiSummary ?? '', ...(paper.aiKeywords ?? []), ...paper.authors, org?.name ?? '', org?.fullname ?? ''].join('\u0001');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

type Postings = ArrayLike<number>;
const HEAD = 0;
const BODY = 1;

interface Frozen {
  counts: Uint32Array;
  offsets: Uint32Array;
  postings: Uint8Array;
}

export class LocalSearchIndex {
  /** Slots in use (papers added, removed ones included). */
  private slots = 0;
  private docIds: string[] = [];
  // Per slot, with room to grow.
  private upvotes = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private hashes = new Uint32Array(1024);
  private removedCount = 0;
  /** Id → slot of the papers in the index; built when first needed (the popup's searches never do). */
  private slotMap: Map<string, number> | undefined = new Map();
  /** The indexed words and their ids (./vocabulary.ts). */
  private words = Vocabulary.empty();
  /** Per word id: packed (doc << FIELD_BITS | fields); undefined while still the snapshot's encoded list. */
  private head: (number[] | undefined)[] = [];
  private body: (number[] | undefined)[] = [];
  /** The snapshot this index was read from: its lists are decoded when visited, copied when written to. */
  private frozen: Frozen | undefined;
  /** Per word id: the last paper given a posting in each list (papers are added in slot order). */
  private lastHeadDoc = new Int32Array(1024).fill(-1);
  private lastBodyDoc = new Int32Array(1024).fill(-1);
  // Scratch space reused by every query, sized to the docs.
  private best = new Float64Array(0);
  private score = new Float64Array(0);
  private seen = new Int32Array(0);
  private hits = new Int32Array(0);
  /** The papers a query term met, in the order met. */
  private touched = new Int32Array(0);
  private stamp = 0;
  /** Read from a stored index in part (./stored-index.ts): the shards whose words it lacks. */
  private unread: ReadonlySet<string> | undefined;

  /** Papers in the index. */
  get size(): number {
    return this.slots - this.removedCount;
  }

  /** Slots of removed papers, of all slots: past some share, a rebuild is worth it. */
  get removedShare(): number {
    return this.slots ? this.removedCount / this.slots : 0;
  }

  /** Whether the paper is in the index. */
  has(id: string): boolean {
    return this.slotById().has(id);
  }

  /** The ids of every indexed paper. */
  ids(): string[] {
    return [...this.slotById().keys()];
  }

  /**
   * Brings a stored paper into the index: added when new, its upvotes refreshed when its text is what
   * was indexed, indexed again (at a new slot) when its text changed (HF added a summary, keywords…).
   */
  upsert(paper: Paper): void {
    const slot = this.slotById().get(paper.id);
    if (slot !== undefined && this.hashes[slot] === textHash(paper) && Boolean(this.flags[slot]! & ABSTRACTED) === Boolean(paper.summary)) {
      this.upvotes[slot] = paper.upvotes;
      return;
    }
    if (slot !== undefined) this.remove(paper.id);
    this.add(paper);
    if (paper.summary) this.addAbstract(paper.id, paper.summary);
  }

  /** Takes a paper out of the results (its postings stay until the index is rebuilt). */
  remove(id: string): boolean {
    const slot = this.slotById().get(id);
    if (slot === undefined) return false;
    this.slotById().delete(id);
    this.flags[slot]! |= REMOVED;
    this.removedCount++;
    return true;
  }

  /**
   * Adds a paper's short fields (title, id, keywords, authors, organization, AI summary); a paper already
   * in the index is not added twice. Its abstract is added apart (`addAbstract`), so a loader can make
   * titles searchable first and read the long texts after.
   */
  add(paper: SearchDoc): void {
    const slots = this.slotById();
    if (slots.has(paper.id)) return;
    const slot = this.slots++;
    if (slot >= this.upvotes.length) {
      this.upvotes = grownTo(this.upvotes, slot);
      this.flags = grownTo(this.flags, slot);
      this.hashes = grownTo(this.hashes, slot);
    }
    this.docIds[slot] = paper.id;
    this.upvotes[slot] = paper.upvotes;
    this.flags[slot] = 0;
    this.hashes[slot] = textHash(paper);
    slots.set(paper.id, slot);

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

  /** Refreshes what ranks a paper already indexed (upvotes move); its words stay as they were. */
  replace(paper: SearchDoc): boolean {
    const slot = this.slotById().get(paper.id);
    if (slot === undefined) return false;
    this.upvotes[slot] = paper.upvotes;
    return true;
  }

  /** Sorts the words for prefix look-ups now rather than on the next keystroke. */
  prepare(): void {
    this.words.order();
  }

  /** Whether the paper is indexed but its abstract is not yet. */
  needsAbstract(id: string): boolean {
    const slot = this.slotById().get(id);
    return slot !== undefined && !(this.flags[slot]! & ABSTRACTED);
  }

  /** Adds the abstract of a paper already added (once); false for a paper not in the index. */
  addAbstract(id: string, abstract: string): boolean {
    const slot = this.slotById().get(id);
    if (slot === undefined) return false;
    if (this.flags[slot]! & ABSTRACTED) return true;
    this.flags[slot]! |= ABSTRACTED;
    for (const word of words(abstract)) {
      const wordId = this.wordId(word);
      if (wordId === SKIP || this.lastBodyDoc[wordId] === slot) continue;
      this.lastBodyDoc[wordId] = slot;
      this.writable(this.body, wordId, BODY).push((slot << FIELD_BITS) | ABSTRACT);
    }
    return true;
  }

  /** The index as a value to store (see `SearchIndexSnapshot`). */
  toSnapshot(): SearchIndexSnapshot {
    const count = this.words.size;
    const counts = new Uint32Array(2 * count);
    const offsets = new Uint32Array(2 * count + 1);
    const out = new ByteWriter(this.frozen ? this.frozen.postings.length + 1024 : 1 << 16);
    for (let id = 0; id < count; id++) {
      for (const part of [HEAD, BODY] as const) {
        offsets[2 * id + part] = out.length;
        const list = (part === HEAD ? this.head : this.body)[id];
        if (!list && this.frozen) {
          // A list no write touched: its bytes as they were.
          const frozen = this.frozen;
          out.copy(frozen.postings, frozen.offsets[2 * id + part]!, frozen.offsets[2 * id + part + 1]!);
          counts[2 * id + part] = frozen.counts[2 * id + part]!;
          continue;
        }
        let previous = 0;
        for (const packed of list ?? []) {
          const value = part === HEAD ? packed : packed >>> FIELD_BITS;
          out.varint(value - previous);
          previous = value;
        }
        counts[2 * id + part] = list?.length ?? 0;
      }
    }
    offsets[2 * count] = out.length;
    return {
      format: SNAPSHOT_FORMAT,
      ids: this.docIds.slice(0, this.slots).join('\n'),
      upvotes: this.upvotes.slice(0, this.slots),
      flags: this.flags.slice(0, this.slots),
      hashes: this.hashes.slice(0, this.slots),
      words: this.words.joined(),
      order: Uint32Array.from(this.words.order()),
      counts,
      offsets,
      postings: out.bytes(),
    };
  }

  /**
   * An index read back from a snapshot (its buffers used as they are); undefined for another format.
   * `unread`: the stored shards left out of it (its searches for their words would miss papers).
   */
  static fromSnapshot(snapshot: SearchIndexSnapshot, unread?: ReadonlySet<string>): LocalSearchIndex | undefined {
    if (snapshot?.format !== SNAPSHOT_FORMAT) return undefined;
    const index = new LocalSearchIndex();
    index.unread = unread?.size ? unread : undefined;
    index.docIds = snapshot.ids ? snapshot.ids.split('\n') : [];
    index.slots = index.docIds.length;
    index.upvotes = snapshot.upvotes;
    index.flags = snapshot.flags;
    index.hashes = snapshot.hashes;
    for (let slot = 0; slot < index.slots; slot++) if (snapshot.flags[slot]! & REMOVED) index.removedCount++;
    index.slotMap = undefined;
    index.words = Vocabulary.stored(snapshot.words, snapshot.order);
    index.head = new Array(index.words.size);
    index.body = new Array(index.words.size);
    index.frozen = { counts: snapshot.counts, offsets: snapshot.offsets, postings: snapshot.postings };
    return index;
  }

  /** Whether the index holds every word the query can match (one read in part may not). */
  covers(query: string): boolean {
    const unread = this.unread;
    return !unread || queryTerms(query).every((term) => !unread.has(shardOf(term.text)));
  }

  search(query: string, limit = 50): SearchResult {
    const terms = queryTerms(query);
    const n = this.slots;
    if (terms.length === 0 || n === 0) return { docs: [], total: 0 };
    this.prepareScratch(n);
    const { score, best, hits } = this;

    let matched = 0;
    for (let t = 0; t < terms.length; t++) {
      const stamp = ++this.stamp;
      // Only papers that matched every earlier term stay in the running (removed ones never start).
      const needed = t === 0 ? -1 : stamp - 1;
      let touched = 0;
      const { text, prefix } = terms[t]!;
      const exact = this.lookUp(text);
      if (exact !== undefined) {
        const weight = this.idf(exact, n);
        touched = this.visit(exact, HEAD, weight, stamp, needed, touched);
        touched = this.visit(exact, BODY, weight, stamp, needed, touched);
      }
      if (prefix) {
        // Longer words share the idf of the whole prefix, and count less the longer they are.
        const longer = this.words.startingWith(text).filter((id) => id !== exact);
        const df = longer.reduce((sum, id) => sum + this.df(id), exact === undefined ? 0 : this.df(exact));
        const idf = Math.log(1 + n / Math.max(1, Math.min(n, df)));
        for (const id of longer) {
          const weight = PREFIX_FACTOR * Math.sqrt(text.length / this.words.text(id).length) * idf;
          touched = this.visit(id, HEAD, weight, stamp, needed, touched);
          if (text.length >= BODY_PREFIX_MIN) touched = this.visit(id, BODY, weight, stamp, needed, touched);
        }
      }
      const list = this.touched;
      for (let i = 0; i < touched; i++) {
        const doc = list[i]!;
        score[doc] = (t === 0 ? 0 : score[doc]!) + best[doc]!;
        hits[doc] = stamp;
      }
      matched = touched;
      if (matched === 0) break;
    }
    return { docs: this.top(matched, limit).map((doc) => ({ id: this.docIds[doc]!, upvotes: this.upvotes[doc]! })), total: matched };
  }

  /**
   * Scores one posting list into the query's scratch arrays: each paper's best weight for the term,
   * papers first met appended to `touched`; returns their count. The snapshot's lists are read straight
   * from their bytes (no list decoded and thrown away): this loop is most of a first keystroke's work,
   * run before the page's code is optimized.
   */
  private visit(id: number, part: typeof HEAD | typeof BODY, weight: number, stamp: number, needed: number, touched: number): number {
    const { best, seen, hits, flags } = this;
    const out = this.touched;
    const written = (part === HEAD ? this.head : this.body)[id];
    const frozen = this.frozen;
    const count = written ? written.length : frozen ? frozen.counts[2 * id + part]! : 0;
    const bytes = frozen?.postings;
    let at = frozen && !written ? frozen.offsets[2 * id + part]! : 0;
    let value = 0;
    for (let i = 0; i < count; i++) {
      let doc: number;
      let mask: number;
      if (written) {
        const packed = written[i]!;
        doc = packed >>> FIELD_BITS;
        mask = packed & FIELDS_MASK;
      } else {
        let gap = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = bytes![at++]!;
          gap |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        value += gap;
        if (part === HEAD) {
          doc = value >>> FIELD_BITS;
          mask = value & FIELDS_MASK;
        } else {
          doc = value;
          mask = ABSTRACT;
        }
      }
      if (needed === -1 ? flags[doc]! & REMOVED : hits[doc] !== needed) continue;
      const s = MASK_WEIGHT[mask]! * weight;
      if (seen[doc] !== stamp) {
        seen[doc] = stamp;
        best[doc] = s;
        out[touched++] = doc;
      } else if (s > best[doc]!) best[doc] = s;
    }
    return touched;
  }

  private slotById(): Map<string, number> {
    if (!this.slotMap) {
      const map = new Map<string, number>();
      for (let slot = 0; slot < this.slots; slot++) if (!(this.flags[slot]! & REMOVED)) map.set(this.docIds[slot]!, slot);
      this.slotMap = map;
    }
    return this.slotMap;
  }

  /** A word's head or body list: the one being written, else the snapshot's, decoded. */
  private list(id: number, part: typeof HEAD | typeof BODY): Postings {
    const list = (part === HEAD ? this.head : this.body)[id];
    if (list) return list;
    const frozen = this.frozen;
    if (!frozen) return [];
    const out = new Int32Array(frozen.counts[2 * id + part]!);
    const bytes = frozen.postings;
    let at = frozen.offsets[2 * id + part]!;
    let value = 0;
    for (let n = 0; n < out.length; n++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[at++]!;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      value += gap;
      out[n] = part === HEAD ? value : (value << FIELD_BITS) | ABSTRACT;
    }
    return out;
  }

  /** A word's list to append to: a copy of the snapshot's the first time. */
  private writable(lists: (number[] | undefined)[], id: number, part: typeof HEAD | typeof BODY): number[] {
    let list = lists[id];
    if (!list) {
      list = Array.from(this.list(id, part));
      lists[id] = list;
    }
    return list;
  }

  /** The id of an indexed word; undefined for a stop word or a word not indexed. */
  private lookUp(text: string): number | undefined {
    return STOP_WORDS.has(text) ? undefined : this.words.find(text);
  }

  /** Papers with the word (one in both a short field and the abstract counts twice: close enough). */
  private df(id: number): number {
    return this.count(id, HEAD) + this.count(id, BODY);
  }

  private count(id: number, part: typeof HEAD | typeof BODY): number {
    return (part === HEAD ? this.head : this.body)[id]?.length ?? this.frozen?.counts[2 * id + part] ?? 0;
  }

  private idf(id: number, n: number): number {
    return Math.log(1 + n / this.df(id));
  }

  /** The best `limit` of the first `matched` papers in `touched`, best first (./ranking.ts). */
  private top(matched: number, limit: number): number[] {
    const { score, upvotes } = this;
    return bestOf(this.touched, matched, limit, (doc) => boosted(score[doc]!, upvotes[doc]!), upvotes);
  }

  private noteText(slot: number, text: string | undefined, field: number): void {
    if (!text) return;
    for (const word of words(text)) this.note(slot, word, field);
  }

  /** Records a short-field word of a paper: one posting per paper and word, its fields or-ed in. */
  private note(slot: number, word: string, field: number): void {
    const id = this.wordId(word);
    if (id === SKIP) return;
    const list = this.writable(this.head, id, HEAD);
    if (this.lastHeadDoc[id] === slot) list[list.length - 1] = list[list.length - 1]! | field;
    else {
      this.lastHeadDoc[id] = slot;
      list.push((slot << FIELD_BITS) | field);
    }
  }

  /** The id of a word to index, new lists made for a new word; SKIP for a stop word. */
  private wordId(word: string): number {
    if (STOP_WORDS.has(word)) return SKIP;
    const id = this.words.add(word);
    if (id === this.head.length) {
      this.head.push([]);
      this.body.push([]);
    }
    while (id >= this.lastHeadDoc.length) {
      this.lastHeadDoc = grown(this.lastHeadDoc);
      this.lastBodyDoc = grown(this.lastBodyDoc);
    }
    return id;
  }

  private prepareScratch(n: number): void {
    if (this.best.length >= n) return;
    this.best = new Float64Array(n);
    this.score = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.hits = new Int32Array(n);
    this.touched = new Int32Array(n);
  }
}
