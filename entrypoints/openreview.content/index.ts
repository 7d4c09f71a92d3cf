import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findOpenReviewPaper } from '../../lib/sites/openreview/forum';

// OpenReview forum pages: a badge at the end of the paper's title when the local copy has it (matched by
// title). Registered at run time while on (lib/background/site-scripts.ts).
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: 'openreview', css: badgeCss, find: findOpenReviewPaper, watchAdded: true });
  },
});
