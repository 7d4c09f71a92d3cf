import { defineContentScript } from 'wxt/utils/define-content-script';
import { BadgeIndex } from '../../lib/badge-index';
import { domReady } from '../../lib/dom-ready';
import { createBadgeUi } from '../../lib/github/badge-ui';
import { githubColorScheme } from '../../lib/github/color-mode';
import { GithubOverlay } from '../../lib/github/overlay';
import { listenForSoftNavigation } from '../../lib/github/soft-navigation';
import { sendRequest } from '../../lib/messages';
import { readSiteEnabled, watchSiteEnabled } from '../../lib/site-switch';
import badgeCss from './style.css?inline';

/** A soft navigation after this long fetches the badge index again (upvotes change with every sync). */
const INDEX_MAX_AGE_MS = 60_000;

// GitHub pages: a repository's papers on its pages, and a badge after each paper link in Markdown.
// e.g. https://github.com/apple/ml-starflow, https://github.com/apple/ml-starflow/issues/1,
// https://github.com/huggingface/transformers/pull/1, https://github.com/owner/repo/wiki
export default defineContentScript({
  matches: ['https://github.com/*'],
  // The badge index (local data only) is asked for while the page loads; at DOMContentLoaded the links
  // to stored papers get their badges at once, and what React renders later is caught anyway.
  runAt: 'document_start',
  // The stylesheet goes to each badge's shadow root as text: nothing is injected into GitHub's page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
    try {
      let index = new BadgeIndex('');
      let indexAt = 0;
      const fetchIndex = () => {
        indexAt = performance.now();
        return sendRequest({ type: 'badgeIndex', site: 'github' }).then(
          (answer) => void (index = new BadgeIndex(answer.index)),
          report,
        );
      };
      const indexAsked = fetchIndex();
      const enabledAsked = readSiteEnabled('github');
      const overlay = new GithubOverlay({
        doc: document,
        location: () => location.href,
        lookups: {
          local: (id) => index.get(id),
          papers: async (ids, live) => (await sendRequest({ type: 'lookupPapers', ids, live })).papers,
          papersForRepo: async (repo) => (await sendRequest({ type: 'papersForRepo', repo })).papers,
        },
        ui: createBadgeUi({
          doc: document,
          css: badgeCss,
          colorScheme: () => githubColorScheme(document, matchMedia('(prefers-color-scheme: dark)').matches),
        }),
        timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => clearTimeout(id) },
        onError: report,
      });
      ctx.onInvalidated(() => overlay.stop());
      listenForSoftNavigation(
        document,
        { started: () => void (performance.now() - indexAt > INDEX_MAX_AGE_MS && fetchIndex()), ended: () => undefined },
        ctx.signal,
      );
      // The per-site switch: off takes every badge away at once, on brings them back.
      let switched = false;
      const follow = (enabled: boolean) => (enabled ? overlay.start() : overlay.stop());
      watchSiteEnabled('github', (enabled) => ((switched = true), follow(enabled)), ctx.signal);
      const [enabled] = await Promise.all([enabledAsked, indexAsked]);
      await domReady(document);
      if (!ctx.isInvalid && !switched) follow(enabled);
    } catch (error) {
      // Never throw into the page: no badge is the worst that happens.
      report(error);
    }
  },
});
