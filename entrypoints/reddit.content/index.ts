import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findRedditPapers } from '../../lib/sites/reddit/posts';

// Reddit (www and old): a badge after each post title linking a paper and each paper link in post texts
// and comments; the feed and the comments keep loading, so what is added is badged as it appears.
// Registered at run time while on (lib/background/site-scripts.ts).
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: 'reddit', css: badgeCss, find: findRedditPapers, watchAdded: true, aboveCardLinks: true });
  },
});
