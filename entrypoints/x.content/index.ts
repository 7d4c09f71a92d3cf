import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findXPapers } from '../../lib/sites/x/posts';

// X (x.com): a badge after each paper link of a post and under a paper's card; the timeline keeps loading,
// so posts are badged as they appear. Registered at run time while on (lib/background/site-scripts.ts).
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: 'x', css: badgeCss, find: findXPapers, watchAdded: true });
  },
});
