import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import type { PopupStore } from '../../lib/popup-store';
import type { PopupUiState } from '../../lib/popup-view';

/** Draws the popup; `opening` is the database main.ts opened (and started reading) meanwhile. */
export function mount(opening: Promise<PopupStore | undefined>, initialUi: PopupUiState): void {
  performance.mark('dpl:interface script');
  const root = document.getElementById('app');
  if (root) render(<PopupApp opening={opening} initialUi={initialUi} />, root);
}
