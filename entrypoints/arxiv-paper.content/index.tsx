/** Abstract pages and HTML papers: the paper card after the title (or a quiet link when HF does not know it). */
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import overlayCss from '../../components/arxiv-overlay.css?inline';
import { PaperCard } from '../../components/PaperCard';
import { UnknownPaperLink } from '../../components/UnknownPaperLink';
import { readCardCollapsed, writeCardCollapsed } from '../../lib/arxiv/card-state';
import { PAPER_PAGE_MATCHES } from '../../lib/arxiv/match-patterns';
import { readPaperPage } from '../../lib/arxiv/paper-page';
import { pageTheme, watchPageTheme } from '../../lib/arxiv/page-theme';
import { domReady } from '../../lib/arxiv/dom-ready';
import { createRenderTarget, OVERLAY_TAGS, OverlayStyles, removeOverlayElements } from '../../lib/arxiv/shadow-host';
import { sendRequest } from '../../lib/messages';

export default defineContentScript({
  matches: PAPER_PAGE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    // Never throw into the page: no card is the worst that happens.
    showPaperCard(ctx).catch((error: unknown) => console.debug('[Daily Papers Lens]', error));
  },
});

async function showPaperCard(ctx: ContentScriptContext): Promise<void> {
  await domReady(document);
  if (ctx.isInvalid) return;
  // What an earlier run left (extension reload, re-injection) goes first: never two cards.
  removeOverlayElements(document, [OVERLAY_TAGS.card]);
  const page = readPaperPage(location.href, document);
  // Old-style ids (hep-th/9901001) have no HF page and are never sent anywhere.
  if (!page || page.arxivId.style !== 'new') return;
  const id = page.arxivId.id;
  const asked = Promise.all([sendRequest({ type: 'pagePapers', site: 'arxiv', ids: [id], live: true }), readCardCollapsed()]);
  // While the question is out: the page's look.
  const theme = pageTheme(page.anchor);
  const [answer, collapsed] = await asked;
  if (!answer.enabled || ctx.isInvalid) return;

  removeOverlayElements(document, [OVERLAY_TAGS.card]);
  const { host, container } = createRenderTarget(document, OVERLAY_TAGS.card, new OverlayStyles(overlayCss), 'block');
  host.setAttribute('data-theme', theme);
  const paper = answer.papers[id];
  render(
    paper ? (
      <PaperCard paper={paper} initiallyCollapsed={collapsed} onCollapsedChange={(value) => void writeCardCollapsed(value).catch(() => undefined)} />
    ) : (
      <UnknownPaperLink id={id} />
    ),
    container,
  );
  page.anchor.after(host);

  watchPageTheme(document, () => host.setAttribute('data-theme', pageTheme(host)), ctx.signal);
  ctx.onInvalidated(() => {
    render(null, container);
    host.remove();
  });
}
