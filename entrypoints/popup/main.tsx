import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { PopupStore } from '../../lib/popup-store';

// For the benchmark: when the popup's own code starts (the rest is the browser loading the page).
performance.mark('dpl:popup-script');
// The database opens while Preact draws the frame around the list.
const opening = PopupStore.open().catch(() => undefined);
const root = document.getElementById('app');
if (root) render(<PopupApp opening={opening} />, root);
