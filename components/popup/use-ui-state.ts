import { useEffect, useRef, useState } from 'preact/hooks';
import { openingUiState, type PopupUiState } from '../../lib/popup/popup-view';
import { UI_STATE_KEY } from '../../lib/shared/storage-keys';
import { formatRoute, parseRoute } from '../../lib/shared/popup-route';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Which view, order and query the popup shows: `initial` (see `openingUiState`), then as the person
 * changes it; kept on every change and mirrored in the address.
 */
export function useUiState(initial?: PopupUiState): [PopupUiState, (patch: Partial<PopupUiState>) => void] {
  const [state, setState] = useState(() => initial ?? openingUiState());

  useEffect(() => {
    try {
      storage()?.setItem(UI_STATE_KEY, JSON.stringify({ at: Date.now(), state }));
    } catch {
      // Not kept: the popup still works, it just opens on Today next time.
    }
    const route = formatRoute(state.view);
    if (location.hash !== route) history.replaceState(null, '', route);
  }, [state]);

  useEffect(() => {
    // Another part of the extension may point an open tab at a new address. The event's own address, not
    // location.hash: the effect above may have replaced the hash with the previous view's in the meantime.
    const onHashChange = (event: HashChangeEvent) => {
      const view = parseRoute(new URL(event.newURL).hash);
      if (view) setState((previous) => ({ ...previous, view, query: '' }));
    };
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  const patch = useRef((changes: Partial<PopupUiState>) => setState((previous) => ({ ...previous, ...changes }))).current;
  return [state, patch];
}
