import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { runLinkSite } from '../../components/sites/kit/link-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import { findHnPaperLinks } from '../../lib/sites/hackernews/paper-links';
import { hnLinksWhileParsed } from '../../lib/sites/hackernews/page-selectors';

// Hacker News (news.ycombinator.com): a badge at the end of each story's title line, and after each comment
// link, naming a paper the local copy has (a thread's comments badged as it is parsed).
// Registered by the background only while the site is on and its host permission granted
// (lib/background/site-scripts.ts, matches from lib/shared/sites.ts): not in the manifest.
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void runLinkSite(ctx, { site: 'hackernews', css: badgeCss, find: findHnPaperLinks, watchAdded: false, whileParsed: hnLinksWhileParsed(location.href) });
  },
});
