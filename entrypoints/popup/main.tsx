import { render } from 'preact';
import { openingUiState } from '../../components/use-ui-state';
import { PopupApp } from '../../components/PopupApp';
import { PopupStore } from '../../lib/popup-store';
import { firstListedDay } from '../../lib/popup-view';

// For the benchmark: when the popup's own code starts (the rest is the browser loading the page).
performance.mark('dpl:popup-script');
const initialUi = openingUiState();
// The database opens, and the first list is read, while Preact draws the frame around the list.
const opening = PopupStore.open()
  .then((store) => {
    performance.mark('dpl:database open');
    store?.readFirstScreen(firstListedDay(initialUi, Date.now()));
    return store;
  })
  .catch(() => undefined);
const root = document.getElementById('app');
if (root) render(<PopupApp opening={opening} initialUi={initialUi} />, root);
