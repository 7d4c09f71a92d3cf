import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { listenForDatabaseChanges } from '../../lib/popup/database-changes';
import type { FirstScreen } from '../../lib/popup/first-screen';
import type { PopupStore } from '../../lib/popup/popup-store';
import { TABLE_NAMES, type TableName } from '../../lib/shared/db-name';

/** How many times each table changed since the popup opened: queries re-run when theirs moves. */
export type ChangeCounts = Readonly<Record<TableName, number>>;

const NO_CHANGES = Object.fromEntries(TABLE_NAMES.map((table) => [table, 0])) as ChangeCounts;

export interface StoreHandle {
  store: PopupStore | undefined;
  changes: ChangeCounts;
  /** Marks tables as changed (after the popup's own writes). */
  touch: (tables: Iterable<TableName>) => void;
}

/**
 * The database the popup's opening opened (at once, or once the background made it: `FirstScreen.store`),
 * and the changes other contexts announce to it. `opened`: the store, when the page already has it open.
 */
export function usePopupStore(firstScreen: FirstScreen, opened?: PopupStore): StoreHandle {
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
    let stopped = false;
    const stopListening = listenForDatabaseChanges(touch);
    void firstScreen.storeForViews.then((opening) => stopped || setStore(opening));
    return () => {
      stopped = true;
      stopListening();
      firstScreen.close();
      void firstScreen.store.then((opening) => opening.close());
    };
  }, [firstScreen, touch]);

  return { store, changes, touch };
}
