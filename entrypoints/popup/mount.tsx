import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import type { PopupStore } from '../../lib/popup/popup-store';
import type { PopupUiState } from '../../lib/popup/popup-view';

/**
 * Draws the popup; `opening` is the database main.ts opened (and started reading) meanwhile, `opened`
 * the same store when its first screen's reads have already answered.
 */
export function mount(opening: Promise<PopupStore | undefined>, initialUi: PopupUiState, opened?: PopupStore): void {
  performance.mark('dpl:interface script');
  const root = document.getElementById('app');
  if (root) render(<PopupApp opening={opening} initialUi={initialUi} opened={opened} />, root);
}
