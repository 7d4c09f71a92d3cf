/**
 * Listings, catchup and search results: a badge on every paper HF knows, highlight, and sort by upvotes
 * (components/sites/arxiv/listing-site.ts). The badges of the papers the URL says the page can show are
 * asked for (or, the newest papers', read from their local copy) at document_start; the first screens'
 * go in as they are parsed, the rest after the page's load.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import overlayCss from '../../components/sites/kit/paper-overlay.css?inline';
import toolbarCss from '../../components/sites/arxiv/listing-toolbar.css?inline';
import { firstListingAnswer, LISTING_TAGS, showListingBadges } from '../../components/sites/arxiv/listing-site';
import { scriptMatches } from '../../lib/shared/sites';
import { earlierRunRemover } from '../../lib/sites/kit/shadow-host';

export default defineContentScript({
  ...QUIET_START,
  matches: scriptMatches('arxiv-listing'),
  runAt: 'document_start',
  main(ctx) {
    // Asked now, while the page is still loading, before its ids are known: the answer is here while the
    // page is parsed (the toolbar and the first screens' badges go in then), the rest once it is read.
    const answer = firstListingAnswer(location.href);
    // Never throw into the page: no badges is the worst that happens (on a page with no new-style ids
    // a failed answer is not an error).
    answer.catch(() => undefined);
    showListingBadges(ctx, answer, earlierRunRemover(document, LISTING_TAGS), badgeCss + overlayCss + toolbarCss).catch((error: unknown) =>
      console.debug('[Daily Papers Lens]', error),
    );
  },
});
