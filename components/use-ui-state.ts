import { useEffect, useRef, useState } from 'preact/hooks';
import { isSameSession } from '../lib/popup-session';
import { formatRoute, initialUiState, parseRoute, parseUiState, type PopupUiState } from '../lib/popup-view';

const STORAGE_KEY = 'dpl-popup-ui';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The state kept from the last opening, if it was in this session (read synchronously: no flash). */
function keptState(now: number): PopupUiState | undefined {
  try {
    const kept = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null') as { at?: unknown; state?: unknown } | null;
    if (!kept || typeof kept.at !== 'number' || !isSameSession(kept.at, now)) return undefined;
    return parseUiState(kept.state);
  } catch {
    return undefined;
  }
}

/** The state the popup opens in: from the address (`#day=…`, `#saved`), else as the popup was left. */
export function openingUiState(): PopupUiState {
  return initialUiState(location.hash, keptState(Date.now()));
}

/**
 * Which view, order and query the popup shows: `initial` (see `openingUiState`), then as the person
 * changes it; kept on every change and mirrored in the address.
 */
export function useUiState(initial?: PopupUiState): [PopupUiState, (patch: Partial<PopupUiState>) => void] {
  const [state, setState] = useState(() => initial ?? openingUiState());

  useEffect(() => {
    try {
      storage()?.setItem(STORAGE_KEY, JSON.stringify({ at: Date.now(), state }));
    } catch {
      // Not kept: the popup still works, it just opens on Today next time.
    }
    const route = formatRoute(state.view);
    if (location.hash !== route) history.replaceState(null, '', route);
  }, [state]);

  useEffect(() => {
    // Another part of the extension may point an open tab at a new address.
    const onHashChange = () => {
      const view = parseRoute(location.hash);
      if (view) setState((previous) => ({ ...previous, view, query: '' }));
    };
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  const patch = useRef((changes: Partial<PopupUiState>) => setState((previous) => ({ ...previous, ...changes }))).current;
  return [state, patch];
}
