import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PopupStore } from '../../lib/popup/popup-store';
import type { LocalSearchIndex } from '../../lib/shared/search/local-index';
import type { FirstScreen } from '../../lib/popup/first-screen';
import { StoredIndexReader } from '../../lib/popup/search/stored-index-reader';

/** The base is read once the first list is on screen (or after this long); typing reads at once. */
const FIRST_LIST_TIMEOUT_MS = 1_500;
/** A sync stores the index after each step: the popup reads it again at most this often. */
const REFRESH_INTERVAL_MS = 1_500;
/** After a query's shards, the others are read this much at a time (a few ms of the popup's thread each)… */
const READ_AHEAD_BYTES = 1_500_000;
/** …with this pause between, so keystrokes go first. */
const READ_AHEAD_PAUSE_MS = 40;

export interface SearchIndexState {
  /** May hold only some words' shards: `index.covers(query)` tells whether it answers a query whole. */
  index: LocalSearchIndex | undefined;
  /** `loading` until the stored index is read; `building` while the background has none stored yet. */
  status: 'loading' | 'building' | 'ready';
  /** Grows whenever a newer index was read, so results are asked for again. */
  version: number;
}

/**
 * The search index the background keeps (lib/background/search-index.ts), read in parts
 * (lib/popup/search/stored-index-reader.ts): its base once the first list is on screen, the shards of
 * the words typed as they are typed, the others in small batches after the first results; read again
 * when the background stores a newer one.
 */
export function useSearchIndex(
  store: PopupStore | undefined,
  indexChanges: number,
  query: string,
  firstScreen: FirstScreen,
): SearchIndexState & { startRead: (query: string) => void } {
  const [state, setState] = useState<SearchIndexState>({ index: undefined, status: 'loading', version: 0 });
  const reader = useMemo(() => store && new StoredIndexReader((keys) => store.searchIndexRows(keys)), [store]);
  const [staleness, setStaleness] = useState(0);
  const r = useRef({
    closed: false,
    /** A newer index was stored since the last read. */
    stale: false,
    changes: indexChanges,
    lastRead: 0,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    readingAhead: false,
    query,
  });
  r.current.query = query;

  useEffect(
    () => () => {
      r.current.closed = true;
      clearTimeout(r.current.timer);
    },
    [],
  );

  // The base ahead of the first keystroke, which then reads only its words' shards.
  useEffect(() => {
    if (!reader) return;
    let cancelled = false;
    void firstScreen.whenListPainted(FIRST_LIST_TIMEOUT_MS).then(async () => {
      if (cancelled || (await reader.prepare().catch(() => true))) return;
      if (!r.current.closed) setState((previous) => (previous.index ? previous : { ...previous, status: 'building' }));
    });
    return () => {
      cancelled = true;
    };
  }, [reader, firstScreen]);

  useEffect(() => {
    const c = r.current;
    if (!reader || indexChanges === c.changes) return;
    c.changes = indexChanges;
    c.stale = true;
    reader.reset();
    setStaleness((n) => n + 1);
  }, [reader, indexChanges]);

  // A layout effect: a keystroke's read starts in the render it causes, not a frame later.
  useLayoutEffect(() => {
    const c = r.current;
    if (!reader || !query.trim()) return;
    const covered = state.index?.covers(query) ?? false;
    // Answered already, or a refresh of an answerable query scheduled: nothing to read now.
    if (covered && (!c.stale || c.timer !== undefined)) return;
    clearTimeout(c.timer);
    c.timer = undefined;

    const readAhead = () => {
      if (c.readingAhead) return;
      c.readingAhead = true;
      const next = () => {
        // Closed during the pause: no read after the popup's interface is gone.
        if (c.closed) return;
        void reader
          .readMore(READ_AHEAD_BYTES)
          .then(async (more) => {
            if (c.closed) return;
            if (more) {
              setTimeout(next, READ_AHEAD_PAUSE_MS);
              return;
            }
            c.readingAhead = false;
            // Every shard read: one index of them all, so no later keystroke waits for a join.
            const whole = await reader.indexFor('');
            if (whole && !c.closed) setState((previous) => (previous.index === whole ? previous : { index: whole, status: 'ready', version: previous.version + 1 }));
          })
          .catch(() => {
            c.readingAhead = false;
          });
      };
      setTimeout(next, READ_AHEAD_PAUSE_MS);
    };

    const read = () => {
      c.timer = undefined;
      c.stale = false;
      c.lastRead = Date.now();
      performance.mark('dpl:search-index-read');
      void reader
        .indexFor(c.query)
        .catch(() => undefined)
        .then((index) => {
          // The benchmark's split of a first keystroke: the index read, then the search and the rows.
          performance.mark('dpl:search-index-ready');
          if (c.closed) return;
          setState((previous) => (index ? { index, status: 'ready', version: previous.version + 1 } : { ...previous, status: previous.index ? 'ready' : 'building' }));
          if (index) readAhead();
        });
    };
    // While a sync stores a new index every step, an open result list is refreshed at most every
    // REFRESH_INTERVAL_MS; a query the index in hand cannot answer (a new letter typed) is read at once.
    const wait = covered && c.stale ? c.lastRead + REFRESH_INTERVAL_MS - Date.now() : 0;
    if (wait > 0) c.timer = setTimeout(read, wait);
    else read();
  }, [reader, query, state.index, staleness]);

  // Called from the input handler: a keystroke's shards are asked for before the popup renders the
  // search view (the render that follows finds them read, or being read).
  const covered = state.index;
  const startRead = useCallback(
    (next: string) => {
      if (reader && next.trim() && !covered?.covers(next)) void reader.indexFor(next).catch(() => undefined);
    },
    [reader, covered],
  );

  return { ...state, startRead };
}
