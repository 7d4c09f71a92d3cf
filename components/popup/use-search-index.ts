import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PopupStore } from '../../lib/popup/popup-store';
import type { LocalSearchIndex } from '../../lib/shared/search/local-index';
import type { FirstScreen } from '../../lib/popup/first-screen';

/** The first read waits for the first list on screen (at most this long); typing starts it at once. */
const FIRST_LIST_TIMEOUT_MS = 1_500;
/** A sync stores the index after each step: the popup reads it again at most this often. */
const REFRESH_INTERVAL_MS = 1_500;

export interface SearchIndexState {
  index: LocalSearchIndex | undefined;
  /** `loading` until the stored index is read; `building` while the background has none stored yet. */
  status: 'loading' | 'building' | 'ready';
  /** Grows whenever a newer index was read, so results are asked for again. */
  version: number;
}

/**
 * The search index the background keeps (lib/background/search-index.ts), read in one request shortly
 * after opening (or at the first keystroke), and read again when the background stores a newer one.
 */
export function useSearchIndex(store: PopupStore | undefined, indexChanges: number, wanted: boolean, firstScreen: FirstScreen): SearchIndexState {
  const [state, setState] = useState<SearchIndexState>({ index: undefined, status: 'loading', version: 0 });
  const reads = useRef({
    started: false,
    running: false,
    /** The change count the last read started from, and the latest one. */
    read: -1,
    latest: 0,
    lastStart: 0,
    timer: undefined as (() => void) | undefined,
    closed: false,
  });

  useEffect(
    () => () => {
      reads.current.closed = true;
      reads.current.timer?.();
    },
    [],
  );

  // A layout effect: the first keystroke's read starts in the render it causes, not a frame later.
  useLayoutEffect(() => {
    if (!store) return;
    const r = reads.current;
    r.latest = indexChanges;
    const start = () => {
      r.timer?.();
      r.timer = undefined;
      r.started = true;
      r.running = true;
      r.read = r.latest;
      r.lastStart = Date.now();
      performance.mark('dpl:search-index-read');
      void store
        .searchIndex()
        .catch(() => undefined)
        .then((index) => {
          // The benchmark's split of a first keystroke: the index read, then the search and the rows.
          performance.mark('dpl:search-index-ready');
          if (r.closed) return;
          setState((previous) =>
            index ? { index, status: 'ready', version: previous.version + 1 } : { ...previous, status: previous.index ? 'ready' : 'building' },
          );
        })
        .finally(() => {
          r.running = false;
          if (r.read !== r.latest) schedule();
        });
    };
    const schedule = () => {
      if (r.running || (r.started && r.read === r.latest)) return;
      if (!r.started) {
        if (wanted) return start();
        if (!r.timer) r.timer = afterFirstList(firstScreen, start);
        return;
      }
      if (r.timer) return;
      const timer = setTimeout(start, Math.max(0, r.lastStart + REFRESH_INTERVAL_MS - Date.now()));
      r.timer = () => clearTimeout(timer);
    };
    schedule();
  }, [store, indexChanges, wanted, firstScreen]);

  return state;
}

/** Runs `task` once the first list is on screen; returns a cancel function. */
function afterFirstList(firstScreen: FirstScreen, task: () => void): () => void {
  let cancelled = false;
  void firstScreen.whenListPainted(FIRST_LIST_TIMEOUT_MS).then(() => cancelled || task());
  return () => {
    cancelled = true;
  };
}
