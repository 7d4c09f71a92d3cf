import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupStore } from '../lib/popup-store';
import { fillSearchIndex, type IndexProgress } from '../lib/search/load-index';
import { LocalSearchIndex } from '../lib/search/local-index';

/** After the list is on screen, before the person is likely to type. */
const START_DELAY_MS = 200;
/** A sync writes day after day: refresh once it pauses. */
const REFRESH_DELAY_MS = 1_500;

export interface SearchIndexState {
  index: LocalSearchIndex;
  progress: IndexProgress | undefined;
  /** Grows whenever the index gained or refreshed papers, so results are asked for again. */
  version: number;
}

/** The popup's search index: filled shortly after opening, refreshed when the sync stores papers. */
export function useSearchIndex(store: PopupStore | undefined, papersChanges: number): SearchIndexState {
  const index = useRef(new LocalSearchIndex()).current;
  const [progress, setProgress] = useState<IndexProgress>();
  const [version, setVersion] = useState(0);
  const started = useRef(false);

  useEffect(() => {
    if (!store) return;
    const controller = new AbortController();
    const delay = started.current ? REFRESH_DELAY_MS : START_DELAY_MS;
    const timer = setTimeout(() => {
      started.current = true;
      void fillSearchIndex(index, store, {
        signal: controller.signal,
        onProgress: (next) => {
          setProgress(next);
          setVersion((v) => v + 1);
        },
      }).catch(() => undefined);
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [store, papersChanges, index]);

  return { index, progress, version };
}
