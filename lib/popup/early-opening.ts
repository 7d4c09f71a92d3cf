/**
 * The popup's earliest work, run by a classic script in popup.html's head (entrypoints/popup-early.ts)
 * while the browser still fetches and compiles the popup's modules: the database opened and the first
 * screen's reads started (./first-screen-reads.ts). The popup's first module takes it over
 * (`takeEarlyOpening`, ./first-screen.ts): the reads' answers are there, or nearly, when it starts.
 *
 * A change notice that arrives before the popup's own listener makes the early reads stale: they are
 * then read again. This script carries no extension API wrapper: the notice is heard with the
 * browser's own `runtime` (`chrome`, or Firefox's `browser`).
 */
import { firstScreenReads } from './first-screen-reads';
import { PopupStore } from './popup-store';
import { openingUiState } from './popup-view';

export interface EarlyOpening {
  /** The open database and the reads started on it (with when: `Date.now()`); undefined when it does not exist yet. */
  opened: Promise<{ db: IDBDatabase; at: number; reads: [string, Promise<unknown>][] } | undefined>;
  /** A change was announced before the popup's own listener: the early reads are stale. */
  changed: boolean;
  /** Stops listening (the popup's own listener has taken over). */
  stop(): void;
}

interface RuntimeEvents {
  onMessage: { addListener(listener: (message: unknown) => void): void; removeListener(listener: (message: unknown) => void): void };
}

const GLOBAL = 'dplEarlyOpening';

/** Starts the opening and leaves it for the popup's first module. */
export function startEarlyOpening(): void {
  performance.mark('dpl:early script');
  const scope = globalThis as unknown as { chrome?: { runtime?: RuntimeEvents }; browser?: { runtime?: RuntimeEvents } };
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  const early: EarlyOpening = {
    changed: false,
    stop: () => runtime?.onMessage.removeListener(onMessage),
    opened: PopupStore.open()
      .then((store) => {
        if (!store) return undefined;
        performance.mark('dpl:database open');
        const at = Date.now();
        return { db: store.database, at, reads: firstScreenReads(store, openingUiState(), at) };
      })
      .catch(() => undefined),
  };
  // Any database notice (lib/shared/messages.ts `DatabaseChanged`; not imported: it would bring the API wrapper).
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === 'databaseChanged') early.changed = true;
  };
  runtime?.onMessage.addListener(onMessage);
  (globalThis as Record<string, unknown>)[GLOBAL] = early;
}

/** The early opening, once (undefined when the early script did not run: a test page, a failed load). */
export function takeEarlyOpening(): EarlyOpening | undefined {
  const scope = globalThis as Record<string, unknown>;
  const early = scope[GLOBAL] as EarlyOpening | undefined;
  delete scope[GLOBAL];
  return early;
}
