import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findScholarPapers } from '../../lib/sites/scholar/results';

// Google Scholar result pages: a badge after each result's title that is a paper the local copy has
// (by its arXiv link, or by its title). Registered at run time while on (lib/background/site-scripts.ts).
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: 'scholar', css: badgeCss, find: findScholarPapers, watchAdded: false });
  },
});
