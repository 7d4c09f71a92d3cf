import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findPaperLinks } from '../../lib/sites/kit/paper-links';

// Any page, on request: the popup's "Show badges on this page" puts this script in the current tab once
// (scripting.executeScript with the access a toolbar click grants, activeTab), and it badges the page's
// arXiv and HF paper links from the local copy. Never registered, never in the manifest.
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: undefined, css: badgeCss, find: (root) => findPaperLinks(root), watchAdded: false });
  },
});
