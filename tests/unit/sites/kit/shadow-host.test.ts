import { describe, expect, it } from 'vitest';
import { createRenderTarget, createShadowHost, earlierRunRemover, fillRestOfRow, OVERLAY_TAGS, OverlayStyles, PRINT_RULE, removeOverlayElements, setHostTheme, THEME_ATTRIBUTE } from '../../../../lib/sites/kit/shadow-host';
import { NEW_LISTING } from '../arxiv/fixture-pages';
import { parsePage } from '../arxiv/dom';

describe('shadow hosts', () => {
  it('makes a host of the extension’s own tag, cut off from inherited page styles, with an open shadow root', () => {
    const doc = parsePage(NEW_LISTING);
    // No constructed stylesheets here: each root gets a <style> instead.
    const styles = new OverlayStyles('.dpl-badge { color: red; }');
    const { host, root } = createShadowHost(doc, OVERLAY_TAGS.badge, styles, 'inline-block');
    expect(host.localName).toBe('dpl-paper-badge');
    expect(host.getAttribute('style')).toBe('all: initial; display: inline-block;');
    // A badge ending a line of text takes that text's font (size and line height), in the same short attribute.
    expect(createShadowHost(doc, OVERLAY_TAGS.badge, styles, 'inline-block', true).host.getAttribute('style')).toBe('all: initial; font: inherit; display: inline-block;');
    expect(host.shadowRoot).toBe(root);
    // The site's sheet, then the rule that hides every host on paper.
    expect(root.querySelector('style')?.textContent).toBe(`.dpl-badge { color: red; }${PRINT_RULE}`);
    // A host put in a flex row: its declarations added as text, the attribute kept short (not all of `all`'s longhands).
    const inRow = createShadowHost(doc, OVERLAY_TAGS.toolbar, styles, 'block').host;
    fillRestOfRow(inRow);
    expect(inRow.getAttribute('style')).toBe('all: initial; display: block; flex: 1 1 0px; min-width: 0;');
    const target = createRenderTarget(doc, OVERLAY_TAGS.toolbar, styles, 'block');
    expect(target.container.className).toBe('dpl-root');
    expect(target.container.parentNode).toBe(target.root);
  });

  it('removes what an earlier run left, and nothing of the page', () => {
    const doc = parsePage(NEW_LISTING);
    const styles = new OverlayStyles('');
    const dts = [...doc.querySelectorAll('dl#articles > dt')];
    const before = dts.map((dt) => dt.childNodes.length);
    for (const dt of dts) dt.append(createShadowHost(doc, OVERLAY_TAGS.badge, styles, 'inline-block').host);
    doc.querySelector('dl#articles')!.before(createShadowHost(doc, OVERLAY_TAGS.toolbar, styles, 'block').host);
    doc.querySelector('h1')!.after(createShadowHost(doc, OVERLAY_TAGS.card, styles, 'block').host);
    removeOverlayElements(doc, [OVERLAY_TAGS.badge, OVERLAY_TAGS.toolbar]);
    expect(doc.querySelectorAll('dpl-paper-badge, dpl-toolbar')).toHaveLength(0);
    expect(doc.querySelectorAll('dpl-paper-card')).toHaveLength(1);
    expect(dts.map((dt) => dt.childNodes.length)).toEqual(before);
  });

  it('looks for an earlier run only in a page already parsed when the script started', () => {
    const withBadge = (readyState: DocumentReadyState) => {
      const doc = parsePage(NEW_LISTING);
      Object.defineProperty(doc, 'readyState', { value: readyState, configurable: true });
      doc.querySelector('dl#articles > dt')!.append(createShadowHost(doc, OVERLAY_TAGS.badge, new OverlayStyles(''), 'inline-block').host);
      return doc;
    };
    const fresh = withBadge('loading');
    earlierRunRemover(fresh, [OVERLAY_TAGS.badge])();
    expect(fresh.querySelectorAll('dpl-paper-badge')).toHaveLength(1);
    for (const state of ['interactive', 'complete'] as const) {
      const parsed = withBadge(state);
      earlierRunRemover(parsed, [OVERLAY_TAGS.badge])();
      expect(parsed.querySelectorAll('dpl-paper-badge'), state).toHaveLength(0);
    }
  });
});

describe('overlay names', () => {
  it('every overlay host of every site is one dpl- family of valid custom-element names', () => {
    const tags = Object.values(OVERLAY_TAGS);
    for (const tag of tags) expect(tag).toMatch(/^dpl-[a-z]+(-[a-z]+)*$/);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it("carries the page's look in a namespaced attribute a page's own [data-theme] rules cannot match", () => {
    const doc = parsePage(NEW_LISTING);
    const { host } = createShadowHost(doc, OVERLAY_TAGS.card, new OverlayStyles(''), 'block');
    setHostTheme(host, 'dark');
    expect(host.getAttribute(THEME_ATTRIBUTE)).toBe('dark');
    expect(THEME_ATTRIBUTE).toBe('data-dpl-theme');
    expect(host.matches('[data-theme]')).toBe(false);
  });
});
