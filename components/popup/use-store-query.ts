import { useLayoutEffect, useState } from 'preact/hooks';
import type { EarlyRead } from '../../lib/popup/first-screen';
import type { PopupStore } from '../../lib/popup/popup-store';
import type { TableName } from '../../lib/shared/db-name';
import type { ChangeCounts } from './use-popup-store';

export interface QueryState<T> {
  value: T | undefined;
  /** True once the first answer arrived. */
  ready: boolean;
  error: unknown;
}

/**
 * Runs a read against the store, again when `deps` change or when one of `tables` changed. A stale
 * answer (one overtaken by a newer run) is dropped; the last value stays on screen while re-reading.
 */
export function useStoreQuery<T>(
  store: PopupStore | undefined,
  changes: ChangeCounts,
  tables: TableName[],
  read: (store: PopupStore) => Promise<T>,
  deps: unknown[],
  /** The same read, started by the popup's opening (lib/popup/first-screen.ts): drawn at once, taken once. */
  early?: EarlyRead<T>,
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>(() => {
    const value = early?.peek();
    return { value, ready: value !== undefined, error: undefined };
  });
  const version = tables.map((table) => changes[table]).join(',');
  // A layout effect: the read starts right after the render, not a frame later (first paint waits on it).
  useLayoutEffect(() => {
    if (!store) return;
    let current = true;
    (early?.take() ?? read(store)).then(
      // The same answer as the one shown (a peeked one): nothing to draw again.
      (value) => current && setState((previous) => (previous.value === value && previous.ready && !previous.error ? previous : { value, ready: true, error: undefined })),
      (error: unknown) => current && setState((previous) => ({ ...previous, ready: true, error })),
    );
    return () => {
      current = false;
    };
    // `read` and `early` are new closures each render; what they read is in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, ...deps]);
  return state;
}
