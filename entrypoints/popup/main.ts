/**
 * The popup: ./open.ts opens the database and starts the first screen's reads first; the interface
 * (./mount.tsx) is drawn once they answered, in one go with the list (or after a short wait without
 * them). One module graph, imported statically: the build names every chunk in popup.html, so the
 * browser fetches them together (a dynamic import was fetched only once the first script had run).
 */
import { firstScreen, initialUi, opening } from '../../lib/popup/open';
import { mount } from './mount';

void firstScreen.then((opened) => mount(opening, initialUi, opened));
