/**
 * What the background answers pages from (listings, GitHub, the sites turned on later). A listing asks
 * about up to 2000 ids at once, too many to read one by one while a page waits, but a year of papers is
 * too much to hold in a worker's memory: the worker keeps only the compact badge index (./badge-index.ts,
 * `id upvotes comments` a line) and the set of its ids (and, once a site that matches titles asks, the
 * title index), and reads whole papers from IndexedDB for the ids that set says are there. Filled on
 * first use, in chunks (a year's papers are never in memory at once), dropped whenever the tables it
 * reads change (a sync step, a live lookup, a pruning run), so it never answers with older data than
 * the database holds. Its copy, kept in the kv table for the next wake (./kept-indexes.ts), is patched
 * after a sync with the few days the sync wrote (./index-stamp.ts) rather than built again from the
 * whole window; a pruning run takes the papers it deletes out of it.
 *
 * The index holds the Daily Papers of the retention window (the days kept, lib/background/prune.ts) and
 * the trending list: what the person chose to keep. A saved or read paper older than the window stays in
 * the database but not in the index, so no listing or repository page can tell which old papers the
 * person kept; its own paper page (a few ids, read directly) still shows its card.
 *
 * What pages can read is only what public lists hold: the papers of the synced Daily Papers days and
 * of the trending list. A paper stored because the person opened it (a live lookup) or saved a search
 * result is answered only to a question that could have asked Hugging Face itself (live lookups allowed,
 * a few ids): otherwise a script on a page could list candidate ids and read off what the person read.
 */
import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import { BadgeIndex, encodeBadgeIndex, patchBadgeIndex } from '../shared/badge-index';
import { kvKeysWritten, tablesChanged } from './database-changes';
import { encodeTitleIndex, patchTitleIndex } from '../shared/title-index';
import type { PapersDB, TrendingList } from '../shared/db';
import { toOverview, type PaperBadge, type PaperOverview } from '../shared/messages';
import type { Paper } from '../shared/paper';
import { BADGE_INDEX_ASKED_KEY, TRENDING_KEY } from '../shared/storage-keys';
import { addDays, utcDay } from '../shared/utc-day';
import { firstFieldEnd, linesFrom } from '../shared/sorted-lines';
import { retentionStart } from './retention';
import { COUNT_CHECK_DELAY_MS } from './start-up-chores';
import { timedAsync, type TimingsSource } from './timings';
import { isListed, parseStamp, patchBetween, readLists, readPatch, readStamp, sameLists, stampText, type IndexStamp, type PatchRead, type StampPatch } from './index-stamp';
import { dropKeptIndexes, keepIndex, keepTitles, keptIndexesWritten, readKeptIndex, readKeptTitles, type KeptIndex, type KeptTitles } from './kept-indexes';

/** Up to this many papers written outside a sync (a lookup writes one), they are looked at before the kept copies go. */
export const CHECK_WRITTEN_MAX = 20;
/** Up to this many ids, a question is answered by reading those ids (a paper page), not from the index. */
export const DIRECT_READ_MAX = 3;
/** Papers read per request while the index fills: bounds the memory a fill takes at once. */
export const FILL_CHUNK = 1000;
/**
 * Quiet time after a sync step (a day record written) before the index is filled again, unasked: a
 * sync's steps come closer together than this, so a sync fills it once, at its end.
 */
export const REFILL_AFTER_SYNC_MS = 5_000;
/**
 * A sync fills the index again only if a page asked for it (a listing, a repository, a badges-only
 * site) on one of this many last days: a person who uses none of those pages does not pay a read of the
 * window after every sync (1.3 s of worker time at 40,000 papers).
 */
export const REFILL_IF_ASKED_WITHIN_DAYS = 7;

/** The last UTC day a page asked for the index, and for the title index, as kept in the kv table: days, not times. */
interface Asked {
  day: string;
  titles?: string;
}

interface View {
  /** What it was built from (`stamp`). */
  stamp: string;
  /** The UTC day it was built on: the window's first day moves with the day. */
  day: string;
  /**
   * The ids of the listed papers of the window (Daily Papers days kept, trending): what the index holds.
   * Read off the index when first needed (`listedIds`): a woken worker answers a listing without them.
   */
  listed?: Set<string>;
  /** Their badges, encoded (../shared/badge-index.ts). */
  index: string;
  /** Their titles, encoded (../shared/title-index.ts), once asked for. */
  titles?: string;
}

export interface StoredPapersOptions {
  /** Days of Daily Papers kept (./retention.ts `keptDays`); undefined: all. */
  keptDays?: () => Promise<number | undefined>;
  now?: () => number;
  /** Tests: REFILL_AFTER_SYNC_MS otherwise. */
  refillAfterSyncMs?: number;
  /** The benchmark's sink for the refill's time (./timings.ts). */
  timings?: TimingsSource;
  /** Tests: COUNT_CHECK_DELAY_MS otherwise. */
  countCheckDelayMs?: number;
  /** Counts the papers for `checkCount`: the count shared with the search index's at a wake (./paper-count.ts); the table's own otherwise. */
  countPapers?: () => Promise<number>;
  /** Told the index each time one is built or taken, and undefined each time it is dropped (the newest badges' copy, ./newest-copy.ts). */
  onIndex?: (index: string | undefined) => void;
}

/** The ids of an encoded index: each line's first field (a line without a second field is not one). */
function idsOfIndex(index: string): Set<string> {
  const ids = new Set<string>();
  for (const line of linesFrom(index, 0)) {
    const space = firstFieldEnd(index, line);
    if (space > line.start && space < line.end) ids.add(index.slice(line.start, space));
  }
  return ids;
}

/** A view's listed ids, read off its index the first time they are asked for (15 ms at 40,000 papers). */
const listedIds = (view: View): Set<string> => (view.listed ??= idsOfIndex(view.index));

export class StoredPapers {
  private view: View | undefined;
  /**
   * The last view, dropped by a change its stamp names (a sync step, a setting, a new day): the next fill
   * patches it, as it would the kept copies, without reading them back (3.6 MB at 40,000 papers).
   */
  private previous: View | undefined;
  private loading: Promise<View> | undefined;
  /** Bumped by every change to the tables the view reads: a load begun before it is not kept. */
  private generation = 0;
  private refill: ReturnType<typeof setTimeout> | undefined;
  private countCheck: ReturnType<typeof setTimeout> | undefined;
  /** The days last written as asked (`Asked`), as read with the kept copy: written at most once a day. */
  private askedDays: Asked | undefined;
  private readonly onMutated = (parts: ObservabilitySet) => {
    const changed = tablesChanged(parts, this.db.name);
    // A pruning run, an import, "Clear the cache" (which writes days too) take care of the copies in their
    // own transaction (./kept-indexes.ts): the copies stay as left, the view goes (it may hold what they
    // deleted). A sync step's transaction writes a day record or the trending list with its papers: the
    // stamp shows it (./index-stamp.ts), so the copies and the view stay, to be patched. Papers written
    // otherwise drop the view and the copies, unless they are a few papers no list holds (a live lookup's),
    // which change neither.
    if ((changed.has('papers') || changed.has('days')) && keptIndexesWritten(parts, this.db.name)) this.drop({ keepCopies: true });
    else if (changed.has('days') || this.trendingChanged(parts)) this.drop({ keepCopies: true, patchView: true });
    else if (changed.has('papers')) {
      const written = this.writtenPapers(parts);
      if (written) void this.dropIfIndexed(written).catch(() => this.drop({ keepCopies: false }));
      else this.drop({ keepCopies: false });
    }
    if (changed.has('days')) this.refillAfterSync();
  };

  /**
   * After a sync (its day records written), the index is filled again while the worker is awake anyway
   * (the kept copy patched with the sync's days), and its copy kept: the next page to ask, often after
   * the worker has stopped (the first listing of the morning), gets the copy (38 ms at 40,000 papers,
   * 27 of them the worker's own start) rather than waiting for it to be patched or the window read.
   * Only for a person whose pages asked lately (REFILL_IF_ASKED_WITHIN_DAYS). Other changes (a paper looked up live, a count updated) drop
   * the copies and wait for a page to ask: that fill reads the whole window.
   */
  private refillAfterSync(): void {
    clearTimeout(this.refill);
    this.refill = setTimeout(() => {
      this.refill = undefined;
      void timedAsync(this.options.timings, 'refill', () => this.refillIfAsked()).catch(() => undefined);
    }, this.options.refillAfterSyncMs ?? REFILL_AFTER_SYNC_MS);
  }

  private today(): string {
    return utcDay((this.options.now ?? Date.now)());
  }

  /** Whether a day noted in `Asked` is one of the last REFILL_IF_ASKED_WITHIN_DAYS. */
  private lately(day: unknown): boolean {
    return typeof day === 'string' && day >= addDays(this.today(), -REFILL_IF_ASKED_WITHIN_DAYS);
  }

  /** The badge index, and the title index if a page asked for it lately too. */
  private async refillIfAsked(): Promise<void> {
    const asked = (await this.db.kv.get(BADGE_INDEX_ASKED_KEY))?.value as Asked | undefined;
    if (!this.lately(asked?.day)) return;
    const withTitles = this.lately(asked?.titles);
    const view = await this.load(withTitles);
    if (withTitles) await this.titlesOf(view);
  }

  /**
   * The index as a page asks for it (not a refill), with the title index or not: the days are noted,
   * once a day, for `refillAfterSync`.
   */
  private async asked(kind: 'badges' | 'titles'): Promise<View> {
    const view = await this.load(kind === 'titles');
    const today = this.today();
    const last = this.askedDays;
    const titles = kind === 'titles' ? today : last?.titles;
    if (last?.day !== today || last.titles !== titles) {
      const next: Asked = { day: today, ...(titles ? { titles } : {}) };
      this.askedDays = next;
      void this.db.kv.put({ key: BADGE_INDEX_ASKED_KEY, value: next }).catch(() => undefined);
    }
    return view;
  }

  /** The ids of the papers a transaction wrote, when it names each (not a range), up to CHECK_WRITTEN_MAX; else undefined. */
  private writtenPapers(parts: ObservabilitySet): string[] | undefined {
    const written = parts[`idb://${this.db.name}/papers/`];
    if (!written) return undefined;
    const ids: string[] = [];
    for (const node of RangeSet(written)) {
      if (typeof node.from !== 'string' || node.from !== node.to || ids.length === CHECK_WRITTEN_MAX) return undefined;
      ids.push(node.from);
    }
    return ids;
  }

  /**
   * Papers written outside a sync: a live lookup's, a kept search result's, an import's (papers not
   * stored before). If none of them is on a public list now (see `listedRows`), in the view or in the
   * kept badge index, the indexes are what they were: the view and the copies stay (a copy's next
   * reader finds only the count of papers moved, nothing to read again). Otherwise, or if one is gone,
   * both go. (A page asking meanwhile, a few ms, is answered from the view as it was.)
   */
  private async dropIfIndexed(ids: string[]): Promise<void> {
    const [rows, kept] = await Promise.all([this.db.papers.bulkGet(ids), readKeptIndex(this.db)]);
    const present = rows.filter((row): row is Paper => row !== undefined);
    const indexed = kept && new BadgeIndex(kept.index);
    const held = (id: string) => (this.view && listedIds(this.view).has(id)) || indexed?.has(id);
    const changesIndex = present.length < ids.length || ids.some(held) || (await this.listedRows(present)).length > 0;
    if (changesIndex) this.drop({ keepCopies: false });
  }

  /** Of the kv table only the trending list counts (a pruning run's progress, the sync state do not). */
  private trendingChanged(parts: ObservabilitySet): boolean {
    return kvKeysWritten(parts, this.db.name, [TRENDING_KEY]);
  }


  constructor(
    private readonly db: PapersDB,
    private readonly options: StoredPapersOptions = {},
  ) {
    Dexie.on('storagemutated', this.onMutated);
  }

  /**
   * The settings changed, and with them maybe the retention window: what is held goes, and the next
   * question patches the kept copies to the window's days (the stamp names the days that left or
   * joined it: ./index-stamp.ts); the pruning run that follows takes out what it deletes.
   */
  settingsChanged(): void {
    this.drop({ keepCopies: true, patchView: true });
  }

  /**
   * Drops what is held; the next question fills it again, patching the kept copies if they are kept.
   * They go when the change may not show in the stamp (a looked-up paper's new count). `patchView`: the
   * change shows in the stamp, so the view is kept to be patched (`previous`); otherwise (papers another
   * writer deleted) the next fill starts from the copies as that writer left them.
   */
  private drop({ keepCopies, patchView = false }: { keepCopies: boolean; patchView?: boolean }): void {
    this.generation++;
    this.previous = patchView ? (this.view ?? this.previous) : undefined;
    this.view = undefined;
    this.loading = undefined;
    this.options.onIndex?.(undefined);
    if (!keepCopies) void dropKeptIndexes(this.db).catch(() => undefined);
  }

  /**
   * The stored papers among `ids` that a page may read: the listed ones, and with `unlisted` (a
   * question that may ask Hugging Face live anyway) any stored one.
   */
  async get(ids: readonly string[], options: { unlisted?: boolean } = {}): Promise<Map<string, PaperOverview>> {
    const found = new Map<string, PaperOverview>();
    if (options.unlisted || ids.length <= DIRECT_READ_MAX) {
      const rows = (await this.db.papers.bulkGet([...ids])).filter((row): row is Paper => row !== undefined);
      const listed = options.unlisted ? rows : await this.listedRows(rows);
      // The answer first; then the index fills for the listings to come.
      if (!this.view) setTimeout(() => void this.load().catch(() => undefined));
      for (const row of listed) found.set(row.id, toOverview(row));
      return found;
    }
    const view = await this.asked('badges');
    const listed = listedIds(view);
    const known = ids.filter((id) => listed.has(id));
    for (const row of await this.db.papers.bulkGet(known)) if (row) found.set(row.id, toOverview(row));
    return found;
  }

  /** The badge of every listed paper of the window, encoded (../shared/badge-index.ts): built once per change of the tables. */
  async badgeIndex(): Promise<string> {
    return (await this.asked('badges')).index;
  }

  /**
   * Every listed paper's normalised title (../shared/title-index.ts), for the sites that match titles:
   * built when first asked after a change, from the same public papers as the badge index, and kept in
   * the kv table beside it (a woken worker answers an X or Scholar page without reading the window).
   */
  async titleIndex(): Promise<string> {
    return this.titlesOf(await this.asked('titles'));
  }

  /**
   * The view's titles: built with it (`fill`), else the kept copy of the same stamp, else that copy
   * patched (./index-stamp.ts), else the window read for them. `read`: the papers the badge index was
   * just patched with, from the stamp `from` (the title copy's too, most often: read once for both);
   * `previous`: the last view's titles, patched instead of the copy.
   */
  private async titlesOf(view: View, read?: { from: string; papers: PatchRead }, previous?: KeptTitles): Promise<string> {
    if (view.titles !== undefined) return view.titles;
    const generation = this.generation;
    const kept = previous ?? (await readKeptTitles(this.db));
    const now = parseStamp(view.stamp);
    const keptStamp = kept && parseStamp(kept.stamp);
    // Built from the same lists: the same titles, whatever papers no list holds were stored meanwhile.
    if (kept && (kept.stamp === view.stamp || (keptStamp && now && sameLists(keptStamp, now)))) return (view.titles = kept.titles);
    const patch = kept && now ? patchBetween(kept.stamp, now) : undefined;
    if (kept && patch && now) {
      const { drop, listed } = read?.from === kept.stamp ? read.papers : await readPatch(this.db, patch, now);
      return this.keepTitles(view, patchTitleIndex(kept.titles, drop, listed), generation);
    }
    const papers = new Map<string, string>();
    const start = retentionStart((this.options.now ?? Date.now)(), await this.options.keptDays?.()) ?? '';
    const listed = listedIds(view);
    await this.walkWindow(start, (rows) => {
      for (const row of rows) if (listed.has(row.id)) papers.set(row.id, row.title);
    });
    return this.keepTitles(view, papers, generation);
  }

  /** A view's titles (encoded, or the papers to encode) and, if nothing changed while they were read, their copy kept. */
  private keepTitles(view: View, papers: Map<string, string> | string, generation: number): string {
    const titles = typeof papers === 'string' ? papers : encodeTitleIndex([...papers].map(([id, title]) => ({ id, title })));
    view.titles = titles;
    if (generation === this.generation) {
      void keepTitles(this.db, { stamp: view.stamp, titles }).catch(() => undefined);
    }
    return titles;
  }

  /** Of a few rows read directly, those on a public list: their days' records and the trending list, read for them. */
  private async listedRows(rows: Paper[]): Promise<Paper[]> {
    if (!rows.length) return rows;
    const days = [...new Set(rows.flatMap((row) => row.dailyDates ?? []))];
    const [records, trending] = await Promise.all([this.db.days.bulkGet(days), this.db.kv.get(TRENDING_KEY)]);
    const listDays = new Set(records.filter((day) => day !== undefined && day.count > 0).map((day) => day!.date));
    const trendingIds = new Set((trending?.value as TrendingList | undefined)?.ids ?? []);
    return rows.filter((row) => isListed(row, listDays, trendingIds));
  }

  /** Of `papers`, those the index holds (a repository's card shows only those: see above). */
  async listedOf<T extends { id: string }>(papers: T[]): Promise<T[]> {
    const listed = listedIds(await this.asked('badges'));
    return papers.filter((paper) => listed.has(paper.id));
  }

  close(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    clearTimeout(this.refill);
    clearTimeout(this.countCheck);
  }

  /** Reads the papers of `ids` a chunk at a time, handing each chunk over before the next is read. */
  private async readChunked(ids: string[], use: (rows: Paper[]) => void): Promise<void> {
    for (let i = 0; i < ids.length; i += FILL_CHUNK) {
      const rows = await this.db.papers.bulkGet(ids.slice(i, i + FILL_CHUNK));
      use(rows.filter((row): row is Paper => row !== undefined));
    }
  }

  /** `withTitles`: a fill that reads the window reads the titles in the same pass (a second pass costs as much). */
  private load(withTitles = false): Promise<View> {
    // A worker kept awake past midnight: the window's first day moved, and the view is patched to it.
    if (this.view && this.view.day !== this.today()) this.drop({ keepCopies: true, patchView: true });
    if (this.view) return Promise.resolve(this.view);
    if (this.loading) return this.loading;
    const generation = this.generation;
    const loading = this.fill(withTitles).then((view) => {
      if (generation === this.generation) {
        this.view = view;
        this.previous = undefined;
        this.options.onIndex?.(view.index);
      }
      if (this.loading === loading) this.loading = undefined;
      return view;
    });
    this.loading = loading;
    return loading;
  }

  /**
   * The window's listed papers: those of the kept list days with a record, and the trending ones. A
   * woken worker takes the kept copy when its stamp names the lists the tables hold now; else patches it
   * when the stamps name what changed (a sync: ./index-stamp.ts); either way without counting the papers
   * first (`checkCount` counts them after the answer); else reads the window. An awake worker does the
   * same with its last view (`previous`) instead of the copy. The result's copy is kept for the next wake.
   */
  private async fill(withTitles: boolean): Promise<View> {
    const generation = this.generation;
    const day = this.today();
    const previous = this.previous;
    const start = retentionStart((this.options.now ?? Date.now)(), await this.options.keptDays?.()) ?? '';
    const [lists, kept, asked] = await this.db.transaction('r', [this.db.days, this.db.kv], () =>
      Promise.all([readLists(this.db, start), previous ? undefined : readKeptIndex(this.db), this.db.kv.get(BADGE_INDEX_ASKED_KEY)]),
    );
    const copy: KeptIndex | undefined = previous ?? kept;
    this.askedDays ??= asked?.value as Asked | undefined;
    const copyStamp = copy && parseStamp(copy.stamp);
    if (copy && copyStamp && sameLists(copyStamp, lists)) {
      this.checkCount(copyStamp.papers, generation);
      return previous ? { ...previous, day } : { stamp: copy.stamp, day, index: copy.index };
    }
    // Titles too if this page wants them, or if pages asked for them lately (one is likely to soon).
    const wantTitles = withTitles || this.lately(this.askedDays?.titles);
    // The lists changed (a sync, the window's first day moved on): the copy patched with the papers of
    // the days that changed, its count of papers carried over and checked as above; else (nothing to
    // patch, or too much) the window read, the papers counted with its lists.
    const carried: IndexStamp | undefined = copyStamp && { ...lists, papers: copyStamp.papers };
    const patch = copy && carried && patchBetween(copy.stamp, carried);
    let view: View;
    let read: PatchRead | undefined;
    if (copy && carried && patch) {
      ({ view, read } = await this.patched(copy, patch, carried, stampText(carried), day));
      this.checkCount(carried.papers, generation);
    } else {
      const now = await this.db.transaction('r', [this.db.papers, this.db.days, this.db.kv], () => readStamp(this.db, start));
      view = await this.walked(start, stampText(now), day, wantTitles);
    }
    // Kept only if nothing changed while it was read (a change bumps the generation).
    if (generation === this.generation) void keepIndex(this.db, { stamp: view.stamp, index: view.index }).catch(() => undefined);
    if (view.titles !== undefined) this.keepTitles(view, view.titles, generation);
    else if (wantTitles) {
      const titles = previous?.titles !== undefined ? { stamp: previous.stamp, titles: previous.titles } : undefined;
      await this.titlesOf(view, read && copy && { from: copy.stamp, papers: read }, titles);
    }
    return view;
  }

  /**
   * After a copy was taken or patched without counting the papers: if fewer are stored than its stamp counts,
   * papers went that no writer took out of it (./kept-indexes.ts), so the view and the copies go and the
   * next question reads the window. Counted a while after the question that waited for the copy, once
   * the page's next questions are answered (./start-up-chores.ts).
   */
  private checkCount(counted: number, generation: number): void {
    clearTimeout(this.countCheck);
    this.countCheck = setTimeout(() => {
      this.countCheck = undefined;
      (this.options.countPapers ?? (() => this.db.papers.count()))().then(
        (papers) => {
          if (papers < counted && generation === this.generation) this.drop({ keepCopies: false });
        },
        () => undefined,
      );
    }, this.options.countCheckDelayMs ?? COUNT_CHECK_DELAY_MS);
  }

  /** The view read from the whole window, with its titles in the same pass if `withTitles`. */
  private async walked(start: string, stamp: string, day: string, withTitles: boolean): Promise<View> {
    const listed = new Set<string>();
    const badges: PaperBadge[] = [];
    const titles = withTitles ? new Map<string, string>() : undefined;
    await this.walkWindow(start, (rows) => {
      for (const { id, upvotes, numComments, title } of rows) {
        if (listed.has(id)) continue;
        listed.add(id);
        badges.push({ id, upvotes, numComments });
        titles?.set(id, title);
      }
    });
    const view: View = { stamp, day, listed, index: encodeBadgeIndex(badges) };
    if (titles) view.titles = encodeTitleIndex([...titles].map(([id, title]) => ({ id, title })));
    return view;
  }

  /** The kept copy brought to the stamp `now`: the papers `patch` names read again (`read`), their lines replaced. */
  private async patched(copy: KeptIndex, patch: StampPatch, now: IndexStamp, stamp: string, day: string): Promise<{ view: View; read?: PatchRead }> {
    const read = await readPatch(this.db, patch, now);
    const index = patchBadgeIndex(copy.index, read.drop, read.listed.map(({ id, upvotes, numComments }) => ({ id, upvotes, numComments })));
    return { view: { stamp, day, index }, read };
  }

  /**
   * Hands over the listed papers of the window a chunk at a time: through the `dailyDates` index a few
   * days at a time (about FILL_CHUNK papers a request, by the days' counts: a range read, not a read per
   * paper), then the trending papers outside those days by id. A paper on several days may come twice.
   */
  private async walkWindow(start: string, take: (rows: Paper[]) => void): Promise<void> {
    const [days, trending] = await Promise.all([this.db.days.where('date').aboveOrEqual(start).toArray(), this.db.kv.get(TRENDING_KEY)]);
    const listDays = days.filter((day) => day.count > 0);
    const listDaySet = new Set(listDays.map((day) => day.date));
    const trendingIds = new Set((trending?.value as TrendingList | undefined)?.ids ?? []);
    const seen = new Set<string>();
    const listedOnly = (rows: Paper[]) => take(rows.filter((row) => isListed(row, listDaySet, trendingIds) && (seen.add(row.id), true)));
    for (let i = 0; i < listDays.length; ) {
      let papers = 0;
      let j = i;
      while (j < listDays.length && (j === i || papers + listDays[j]!.count <= FILL_CHUNK)) papers += listDays[j++]!.count;
      listedOnly(await this.db.papers.where('dailyDates').between(listDays[i]!.date, listDays[j - 1]!.date, true, true).toArray());
      i = j;
    }
    await this.readChunked([...trendingIds].filter((id) => !seen.has(id)), listedOnly);
  }
}
