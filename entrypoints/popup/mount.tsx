import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import type { FirstScreen } from '../../lib/popup/first-screen';
import type { PopupStore } from '../../lib/popup/popup-store';

/** Draws the popup; `opened` is the database when the first screen's reads have already answered. */
export function mount(firstScreen: FirstScreen, opened?: PopupStore): void {
  performance.mark('dpl:interface script');
  const root = document.getElementById('app');
  if (root) render(<PopupApp firstScreen={firstScreen} opened={opened} />, root);
}
