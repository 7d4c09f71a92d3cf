import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { UpvoteBadge } from '../../components/UpvoteBadge';
import { absCardAnchor, paperIdOfAbsPage } from '../../lib/arxiv/abs-page';
import { sendRequest } from '../../lib/messages';
import './style.css';

export default defineContentScript({
  matches: ['https://arxiv.org/abs/*', 'https://www.arxiv.org/abs/*', 'https://export.arxiv.org/abs/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    try {
      const arxivId = paperIdOfAbsPage(location.href, document);
      const anchor = absCardAnchor(document);
      if (!arxivId || arxivId.style !== 'new' || !anchor) return;
      const { papers } = await sendRequest({ type: 'lookupPapers', ids: [arxivId.id], live: true });
      const paper = papers[arxivId.id];
      if (!paper || ctx.isInvalid) return;
      const ui = await createShadowRootUi(ctx, {
        name: 'daily-papers-lens',
        position: 'inline',
        anchor,
        append: 'after',
        onMount: (container) => render(<UpvoteBadge paper={paper} />, container),
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
    } catch (error) {
      // Never throw into the page: no badge is the worst that happens.
      console.debug('[Daily Papers Lens]', error);
    }
  },
});
