import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { domReady } from '../../lib/sites/kit/dom-ready';
import { createBadgeUi } from '../../components/sites/github/badge-ui';
import { githubColorScheme } from '../../lib/sites/github/color-mode';
import { GithubOverlay } from '../../lib/sites/github/overlay';
import { AnswerAhead, isMarkdownPageUrl, watchForFirstPaperLink, watchRepoVisits } from '../../lib/sites/github/paper-page';
import { listenForSoftNavigation } from '../../lib/sites/github/soft-navigation';
import { sendRequest, type RepoPaper } from '../../lib/shared/messages';
import { parseGithubRepo } from '../../lib/shared/safe-url';
import { readSiteEnabled, watchSiteEnabled } from '../../lib/sites/kit/site-switch';
import { readNewestCopy } from '../../lib/sites/kit/local-start';
import { NewestBadges } from '../../lib/shared/badge-index';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import overlayCss from '../../components/sites/github/overlay.css?inline';
import { scriptMatches } from '../../lib/shared/sites';

// GitHub pages: a repository's papers on its pages, and a badge after each paper link in Markdown.
// e.g. https://github.com/apple/ml-starflow, https://github.com/apple/ml-starflow/issues/1,
// https://github.com/huggingface/transformers/pull/1, https://github.com/owner/repo/wiki
export default defineContentScript({
  ...QUIET_START,
  matches: scriptMatches('github'),
  // At document_start, so that the worker has the badge index ready (local data only) by the time a
  // page asks about its ids at DOMContentLoaded: a repository page that renders Markdown tells it at
  // once, any other page once a paper link is parsed (lib/sites/github/paper-page.ts); and so that a
  // repository page's papers are asked by its URL while the page is parsed. Other pages never send a message.
  runAt: 'document_start',
  // The stylesheet goes to the badges' shadow roots (one shared sheet): nothing is injected into GitHub's page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const report = (error: unknown) => console.debug('[Daily Papers Lens]', error);
    try {
      // The switch's position comes with the first question's answer (the background reads it anyway):
      // a page that asks at once learns it from there, in one round trip; other pages read it from storage.
      const askIds = (ids: string[]) => sendRequest({ type: 'linkBadges', site: 'github', ids });
      // The newest papers' badges, from their local copy: a link to one of them is badged without a question.
      // Read by the pages that ask (below), not by every GitHub page.
      let newest: NewestBadges | undefined;
      let newestRead: Promise<void> | undefined;
      const readNewest = () => (newestRead ??= readNewestCopy().then((text) => void (newest = text ? new NewestBadges(text) : undefined)));
      const ready = () => askIds([]);
      const early = new AbortController();
      ctx.signal.addEventListener('abort', () => early.abort());
      // A repository page's papers (its About box or header card), asked as the page starts, by its URL.
      const askRepo = async (repo: string) => (await sendRequest({ type: 'papersForRepo', repo })).papers;
      const repoAhead = new AnswerAhead<RepoPaper[]>();
      const repoKey = parseGithubRepo(location.href)?.key;
      let enabledAsked: Promise<boolean>;
      if (isMarkdownPageUrl(location.href)) {
        void readNewest();
        enabledAsked = ready().then((answer) => answer.enabled, () => readSiteEnabled('github'));
        if (repoKey) repoAhead.ask(repoKey, askRepo);
      } else {
        enabledAsked = readSiteEnabled('github');
        if (repoKey) void enabledAsked.then((enabled) => enabled && !early.signal.aborted && repoAhead.ask(repoKey, askRepo), report);
        const askEarly = (enabled: boolean) => void (enabled && !early.signal.aborted && (readNewest(), ready().catch(report)));
        watchForFirstPaperLink(document, () => void enabledAsked.then(askEarly, report), early.signal);
      }
      const overlay = new GithubOverlay({
        doc: document,
        location: () => location.href,
        lookups: {
          known: (id) => newest?.get(id) ?? undefined,
          indexed: async (ids) => (await askIds(ids)).badges,
          papers: async (ids, live) => (await sendRequest({ type: 'lookupPapers', ids, live })).papers,
          papersForRepo: async (repo) => (await repoAhead.take(repo)) ?? askRepo(repo),
        },
        ui: createBadgeUi({
          doc: document,
          css: badgeCss + overlayCss,
          colorScheme: () => githubColorScheme(document, matchMedia('(prefers-color-scheme: dark)').matches),
        }),
        timers: { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms), clearTimeout: (id) => clearTimeout(id) },
        onError: report,
      });
      ctx.onInvalidated(() => overlay.stop());
      // The per-site switch: off takes every badge away at once, on brings them back. An answer asked
      // ahead before it moved is dropped (while off, the background answers with no papers).
      let switched = false;
      let showing = false;
      const follow = (enabled: boolean) => ((showing = enabled), enabled ? overlay.start() : overlay.stop());
      watchSiteEnabled('github', (enabled) => ((switched = true), early.abort(), repoAhead.drop(), follow(enabled)), ctx.signal);
      // A navigation to another repository (a link clicked, a Turbo visit) asks for its papers as it
      // starts, while the page is fetched; `shownKey` is the repository of the page on screen.
      let shownKey = repoKey;
      listenForSoftNavigation(document, { started: () => undefined, ended: () => void (shownKey = parseGithubRepo(location.href)?.key) }, ctx.signal);
      watchRepoVisits(document, () => shownKey, (key) => showing && repoAhead.ask(key, askRepo), ctx.signal);
      const enabled = await enabledAsked;
      await newestRead;
      await domReady(document);
      if (!ctx.isInvalid && !switched) follow(enabled);
    } catch (error) {
      // Never throw into the page: no badge is the worst that happens.
      report(error);
    }
  },
});
