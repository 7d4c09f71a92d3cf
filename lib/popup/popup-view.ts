/**
 * Which list the popup shows, as a value: parsed from the page's address (`popup.html#day=2025-06-09`,
 * `#saved`: notifications open these in a tab) and kept between openings, so opening a link (which
 * closes the popup) leaves the popup as it was.
 */
import { isSameSession } from './popup-session';
import { utcDay } from '../shared/utc-day';
import { UI_STATE_KEY } from '../shared/storage-keys';
import { formatRoute, parseRoute, type PopupView } from '../shared/popup-route';

export type ListOrder = 'top' | 'rising';

export interface PopupUiState {
  view: PopupView;
  order: ListOrder;
  query: string;
}

export const DEFAULT_UI_STATE: PopupUiState = { view: { kind: 'today' }, order: 'top', query: '' };

/** Reads a kept UI state defensively: a damaged or old entry gives the defaults, never an error. */
export function parseUiState(stored: unknown): PopupUiState {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_UI_STATE;
  const { view, order, query } = stored as Record<string, unknown>;
  const parsedView = typeof view === 'object' && view !== null ? parseRoute(formatRoute(view as PopupView)) : undefined;
  return {
    view: parsedView ?? DEFAULT_UI_STATE.view,
    order: order === 'rising' ? 'rising' : 'top',
    query: typeof query === 'string' ? query.slice(0, 250) : '',
  };
}

/** The state to start with: the address first, else the kept state if the last opening was recent. */
export function initialUiState(hash: string, kept: PopupUiState | undefined): PopupUiState {
  const routed = parseRoute(hash);
  if (routed) return { ...DEFAULT_UI_STATE, view: routed };
  return kept ?? DEFAULT_UI_STATE;
}

/** The day whose list the popup shows first in this state (undefined for the other views, or a search). */
export function firstListedDay(state: PopupUiState, now: number): string | undefined {
  if (state.query.trim() !== '') return undefined;
  if (state.view.kind === 'day') return state.view.date;
  return state.view.kind === 'today' ? utcDay(now) : undefined;
}

/** The state kept from the last opening, if it was in this session (read synchronously: no flash). */
export function keptUiState(localStore: Pick<Storage, 'getItem'> | undefined, now: number): PopupUiState | undefined {
  try {
    const kept = JSON.parse(localStore?.getItem(UI_STATE_KEY) ?? 'null') as { at?: unknown; state?: unknown } | null;
    if (!kept || typeof kept.at !== 'number' || !isSameSession(kept.at, now)) return undefined;
    return parseUiState(kept.state);
  } catch {
    return undefined;
  }
}

/** The state the popup opens in: from the address (`#day=…`, `#saved`), else as the popup was left. */
export function openingUiState(): PopupUiState {
  return initialUiState(location.hash, keptUiState(pageStorage(), Date.now()));
}

/**
 * The popup page's localStorage, or undefined where a locked-down profile denies it (then the popup
 * opens on Today and every opening waits for the database).
 */
export function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
