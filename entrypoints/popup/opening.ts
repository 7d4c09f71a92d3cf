/**
 * The popup's first module: main.ts imports it before the interface, so the opening (the database, the
 * first screen's reads: lib/popup/first-screen.ts) starts before Preact and the views are evaluated.
 */
import { openFirstScreen } from '../../lib/popup/first-screen';

export const firstScreen = openFirstScreen();
