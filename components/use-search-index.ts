import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupStore } from '../lib/popup-store';
import { fillSearchIndex, type IndexProgress } from '../lib/search/load-index';
import { LocalSearchIndex } from '../lib/search/local-index';

/** After the list is on screen, before the person is likely to type. */
const START_DELAY_MS = 200;
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
export function useSearchIndex(store: PopupStore | undefined, papersChanges: number): SearchIndexState {
  const index = useRef(new LocalSearchIndex()).current;
  const [progress, setProgress] = useState<IndexProgress>();
  const [version, setVersion] = useState(0);
  const fills = useRef({ running: false, dirty: false, lastStart: 0, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const controller = useRef(new AbortController());

  useEffect(
    () => () => {
      controller.current.abort();
      clearTimeout(fills.current.timer);
    },
    [],
  );

  useEffect(() => {
    if (!store) return;
    const state = fills.current;
    const start = () => {
      state.timer = undefined;
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
      if (state.running) {
        state.dirty = true;
        return;
      }
      if (state.timer) return;
      const wait = state.lastStart === 0 ? START_DELAY_MS : Math.max(0, state.lastStart + REFRESH_INTERVAL_MS - Date.now());
      state.timer = setTimeout(start, wait);
    };
    schedule();
  }, [store, papersChanges, index]);

  return { index, progress, version };
}
