import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEarlyOpening } from '../lib/popup/early-opening';

// The popup's earliest script: a classic script in popup.html's head, run while the page's modules are
// still fetched and compiled; it opens the database and starts the first screen's reads for them.
export default defineUnlistedScript(() => startEarlyOpening());
