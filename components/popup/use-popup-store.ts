import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { listenForChanges, PopupStore, type TableName } from '../../lib/popup/popup-store';
import { DATABASE_NAME } from '../../lib/shared/db-name';

/** How many times each table changed since the popup opened: queries re-run when theirs moves. */
export type ChangeCounts = Readonly<Record<TableName, number>>;

const NO_CHANGES: ChangeCounts = { papers: 0, days: 0, upvoteHistory: 0, userState: 0, misses: 0, kv: 0 };
const ALL_TABLES = Object.keys(NO_CHANGES) as TableName[];
/** While a sync runs (or the database does not exist yet) the state is also polled, in case no change is announced. */
const POLL_MS = 1_500;

export interface StoreHandle {
  store: PopupStore | undefined;
  changes: ChangeCounts;
  /** Marks tables as changed (after the popup's own writes). */
  touch: (tables: TableName[]) => void;
}

/**
 * Opens the database for the popup (waiting for the background to create it on a fresh install) and
 * follows the changes other contexts make to it. `opened`: the store, when the page already has it open.
 */
export function usePopupStore(opening?: Promise<PopupStore | undefined>, name = DATABASE_NAME, opened?: PopupStore): StoreHandle {
  const [store, setStore] = useState<PopupStore | undefined>(opened);
  const [changes, setChanges] = useState<ChangeCounts>(NO_CHANGES);
  const touch = useRef((tables: Iterable<TableName>) => {
    setChanges((previous) => {
      const next = { ...previous };
      for (const table of tables) next[table]++;
      return next;
    });
  }).current;

  // A layout effect: the store is handed over as soon as it opens, not after the first frame is painted.
  useLayoutEffect(() => {
    let current = opened;
    let firstAttempt = opening;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastProgress = '';
    const stopListening = listenForChanges(name, (tables) => touch(tables));
    const tick = async () => {
      try {
        if (!current) {
          current = await (firstAttempt ?? PopupStore.open(name));
          firstAttempt = undefined;
          if (current && !stopped) setStore(current);
        }
        if (current) {
          const state = await current.readSyncState();
          const progress = JSON.stringify([state.running, state.progress, state.lastSuccessAt, state.lastError?.at]);
          if (lastProgress && progress !== lastProgress) touch(ALL_TABLES);
          lastProgress = progress;
          if (!state.running) return schedule(POLL_MS * 4);
        }
      } catch {
        // A failed read is retried on the next tick.
      }
      schedule(POLL_MS);
    };
    const schedule = (ms: number) => {
      if (!stopped) timer = setTimeout(() => void tick(), ms);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopListening();
      current?.close();
    };
    // `opened` is only the starting point (the store the page opened): the effect runs once per `opening`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opening, name, touch]);

  return { store, changes, touch };
}
