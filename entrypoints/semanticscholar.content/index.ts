import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findSemanticScholarPapers } from '../../lib/sites/semanticscholar/pages';

// Semantic Scholar paper pages and search results: a badge at the paper's title, by the arXiv id the page
// states or else by title; results are read as they render. Registered at run time while on
// (lib/background/site-scripts.ts).
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: 'semanticscholar', css: badgeCss, find: findSemanticScholarPapers, watchAdded: true });
  },
});
