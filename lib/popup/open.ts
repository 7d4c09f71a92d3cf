/**
 * The popup's first module to run: it opens the database and starts the first screen's reads (the
 * list, the person's marks, the sync state). main.ts imports it before the interface, so these start
 * before Preact and the views are evaluated (the browser fetches every module of the popup at once,
 * from popup.html's preload links).
 */
import { PopupStore } from './popup-store';
import { firstListedDay, openingUiState } from './popup-view';

/**
 * How long the interface waits for the first screen's answers before it draws without them (they then
 * follow): drawing once, with the list, beats drawing an empty frame and then the list on a busy machine.
 */
const FIRST_SCREEN_WAIT_MS = 150;

// For the benchmark: when the popup's own code starts (the rest is the browser loading the page).
performance.mark('dpl:popup-script');
export const initialUi = openingUiState();
export const opening = PopupStore.open()
  .then((store) => {
    performance.mark('dpl:database open');
    store?.readFirstScreen(firstListedDay(initialUi, Date.now()));
    return store;
  })
  .catch(() => undefined);

/** The open store once its first screen's reads answered; undefined when that takes too long (or fails). */
export const firstScreen: Promise<PopupStore | undefined> = Promise.race([
  opening.then(async (store) => {
    await store?.firstScreenRead();
    performance.mark('dpl:first screen read');
    return store;
  }),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
]);
