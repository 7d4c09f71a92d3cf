import { defineContentScript } from 'wxt/utils/define-content-script';
import { QUIET_START } from '../../lib/sites/kit/quiet-start';
import { followPaperCard } from '../../components/sites/kit/paper-card-site';
import badgeCss from '../../components/sites/kit/paper-badge.css?inline';
import overlayCss from '../../components/sites/kit/paper-overlay.css?inline';
import { alphaxivCardPlace, alphaxivPaperId } from '../../lib/sites/alphaxiv/paper-page';

// alphaXiv paper pages: arXiv's paper card after the title, kept right as the app navigates between
// papers without reloading (so the script runs on the whole site). Registered at run time while on
// (lib/background/site-scripts.ts).
export default defineContentScript({
  ...QUIET_START,
  registration: 'runtime',
  // Kept empty: WXT would add a runtime script's matches to the manifest's required host permissions.
  matches: [],
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    followPaperCard(ctx, { site: 'alphaxiv', css: badgeCss + overlayCss, idInUrl: alphaxivPaperId, findPlace: alphaxivCardPlace }).catch((error: unknown) =>
      console.debug('[Daily Papers Lens]', error),
    );
  },
});
