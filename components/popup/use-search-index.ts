import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupStore } from '../../lib/popup/popup-store';
import { fillSearchIndex, type IndexProgress } from '../../lib/popup/search/load-index';
import { LocalSearchIndex } from '../../lib/popup/search/local-index';
import type { FirstScreen } from '../../lib/popup/first-screen';

/** The first fill waits for the first list on screen (at most this long); typing starts it at once. */
const FIRST_LIST_TIMEOUT_MS = 1_500;
/** A sync writes day after day: the index catches up at most this often. */
const REFRESH_INTERVAL_MS = 1_500;

export interface SearchIndexState {
  index: LocalSearchIndex;
  progress: IndexProgress | undefined;
  /** Grows whenever the index gained or refreshed papers, so results are asked for again. */
  version: number;
}

/**
 * The popup's search index: filled shortly after opening, and brought up to date when the sync stores
 * papers — one fill at a time, at most every REFRESH_INTERVAL_MS, so a long back-fill never starves it.
 */
export function useSearchIndex(store: PopupStore | undefined, papersChanges: number, wanted: boolean, firstScreen: FirstScreen): SearchIndexState {
  const index = useRef(new LocalSearchIndex()).current;
  const [progress, setProgress] = useState<IndexProgress>();
  const [version, setVersion] = useState(0);
  const fills = useRef({
    running: false,
    dirty: false,
    lastStart: 0,
    timer: undefined as (() => void) | undefined,
    /** The papers-change count now, and the one the last fill started from. */
    latest: 0,
    filled: -1,
  });
  const controller = useRef(new AbortController());

  useEffect(
    () => () => {
      controller.current.abort();
      fills.current.timer?.();
    },
    [],
  );

  useEffect(() => {
    if (!store) return;
    const state = fills.current;
    state.latest = papersChanges;
    const start = () => {
      state.timer?.();
      state.timer = undefined;
      state.filled = state.latest;
      state.running = true;
      state.dirty = false;
      state.lastStart = Date.now();
      void fillSearchIndex(index, store, {
        signal: controller.current.signal,
        onProgress: (next) => {
          setProgress(next);
          setVersion((v) => v + 1);
        },
      })
        .catch(() => undefined)
        .finally(() => {
          state.running = false;
          if (state.dirty) schedule();
        });
    };
    const schedule = () => {
      if (state.filled === state.latest && !state.timer) return;
      if (state.running) {
        state.dirty = true;
        return;
      }
      if (state.timer) {
        // The person started typing while the first fill waited for an idle moment.
        if (wanted && state.lastStart === 0) start();
        return;
      }
      if (state.lastStart === 0) {
        if (wanted) return start();
        state.timer = afterFirstList(firstScreen, start);
        return;
      }
      const timer = setTimeout(start, Math.max(0, state.lastStart + REFRESH_INTERVAL_MS - Date.now()));
      state.timer = () => clearTimeout(timer);
    };
    schedule();
  }, [store, papersChanges, index, wanted, firstScreen]);

  return { index, progress, version };
}

/** Runs `task` once the first list is on screen; returns a cancel function. */
function afterFirstList(firstScreen: FirstScreen, task: () => void): () => void {
  let cancelled = false;
  void firstScreen.whenListPainted(FIRST_LIST_TIMEOUT_MS).then(() => cancelled || task());
  return () => {
    cancelled = true;
  };
}
