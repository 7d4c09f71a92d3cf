/**
 * The popup: ./opening.ts starts the opening first (lib/popup/first-screen.ts); the interface
 * (./mount.tsx) is drawn once the first screen's reads answered, in one go with the list (or after a
 * short wait without them). One module graph, imported statically (a dynamic import was fetched only
 * once the first script had run), built apart from the options page (wxt.config.ts): one file.
 */
import { firstScreen } from './opening';
import { mount } from './mount';

void firstScreen.ready.then((opened) => mount(firstScreen, opened));
