/**
 * The popup's first script, kept small: it opens the database and starts the first list's reads, then
 * loads the interface (./mount.tsx) while the database works — the reads do not wait for Preact and
 * the views to be fetched, compiled and run.
 */
import { PopupStore } from '../../lib/popup-store';
import { firstListedDay, openingUiState } from '../../lib/popup-view';

// For the benchmark: when the popup's own code starts (the rest is the browser loading the page).
performance.mark('dpl:popup-script');
const initialUi = openingUiState();
const opening = PopupStore.open()
  .then((store) => {
    performance.mark('dpl:database open');
    store?.readFirstScreen(firstListedDay(initialUi, Date.now()));
    return store;
  })
  .catch(() => undefined);
void import('./mount').then(({ mount }) => mount(opening, initialUi));
