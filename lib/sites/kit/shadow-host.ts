/**
 * The extension's elements in other sites' pages (arXiv, GitHub): a host element of the extension's own
 * tag with an open shadow root, so the page's CSS cannot reach in and ours cannot leak out. All hosts of
 * a content script share one constructed stylesheet (cheap for a 2000-entry listing or a README with a
 * hundred paper links); where a browser refuses that, each root gets its own <style>.
 */

/**
 * Every site's overlay tags, one per kind of element and one `dpl-` family, so a person (or a test)
 * can tell ours apart on any page and a later run of a script can find (and remove) what an earlier one left.
 */
export const OVERLAY_TAGS = {
  /** The arXiv paper card (abstract and HTML pages). */
  card: 'dpl-paper-card',
  /** A paper's upvote badge after a link: arXiv listings, GitHub READMEs, every link site. */
  badge: 'dpl-paper-badge',
  /** The arXiv listing's sort/filter bar. */
  toolbar: 'dpl-toolbar',
  /** GitHub's repository card (the papers a repository implements). */
  repoPapers: 'dpl-repo-papers',
} as const;

/**
 * The host attribute carrying the page's light/dark look to the shadow sheet (`:host([data-dpl-theme='dark'])`).
 * Namespaced: a page's own `[data-theme=dark]` rules would otherwise style our host element itself.
 */
export const THEME_ATTRIBUTE = 'data-dpl-theme';

/** Sets the look a host's shadow sheet follows. */
export function setHostTheme(host: Element, theme: string): void {
  host.setAttribute(THEME_ATTRIBUTE, theme);
}

/** Where a block host goes: after an element (a paper's title), or at the start of one (a page without a title). */
export interface HostPlace {
  anchor: Element;
  position: Extract<InsertPosition, 'afterend' | 'afterbegin'>;
}

/** How a host sits in the page: `inline` flows like the text around it (a badge after a link). */
export type HostDisplay = 'block' | 'inline-block' | 'inline';

/**
 * On paper, the page as its site made it: every host is hidden when the page is printed (an HTML paper
 * or an abstract page saved as a PDF is the paper, without our card, badges or toolbar). Important, so
 * it wins over the host's inline `display`; in the shadow sheet, so no page rule is needed for it.
 */
export const PRINT_RULE = '@media print{:host{display:none!important}}';

export class OverlayStyles {
  private sheet: CSSStyleSheet | null | undefined;
  private readonly cssText: string;

  constructor(cssText: string) {
    this.cssText = cssText + PRINT_RULE;
  }

  apply(root: ShadowRoot): void {
    if (this.sheet === undefined) this.sheet = this.construct();
    if (this.sheet) {
      try {
        root.adoptedStyleSheets = [this.sheet];
        if (root.adoptedStyleSheets.length === 1) return;
      } catch {
        // Refused (e.g. a content-script sandbox): fall back to a style element from now on.
      }
      this.sheet = null;
    }
    const style = root.ownerDocument.createElement('style');
    style.textContent = this.cssText;
    root.append(style);
  }

  private construct(): CSSStyleSheet | null {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(this.cssText);
      return sheet;
    } catch {
      return null;
    }
  }
}

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

export interface RenderTarget extends ShadowHost {
  /** The element inside the shadow root that UI is rendered into (class dpl-root). */
  container: HTMLElement;
}

/**
 * A detached host of `tag` (the extension's own, e.g. one of OVERLAY_TAGS) with its shadow root styled,
 * ready to fill and insert. `inheritFont`: the host takes the font of the text it sits in (its size and
 * line height: what the sheet's em sizes follow), as an inline badge must to stay within that text's
 * line; else it starts from the browser's 16 px.
 */
export function createShadowHost(doc: Document, tag: string, styles: OverlayStyles, display: HostDisplay, inheritFont = false): ShadowHost {
  const host = doc.createElement(tag);
  // Inherited page styles (fonts, colours, MathJax's) stop at the host; the sheet sets our own (as text: `addHostStyle`).
  host.setAttribute('style', `all: initial;${inheritFont ? ' font: inherit;' : ''} display: ${display};`);
  const root = host.attachShadow({ mode: 'open' });
  styles.apply(root);
  return { host, root };
}

/**
 * A host put into one of a page's flex rows (GitHub's header name row, arXiv's sort row) without a line
 * of its own: with a flex base size of 0 it always fits on the row's line and takes the room left there;
 * what it holds shortens to fit (the site's sheet).
 */
export function fillRestOfRow(host: HTMLElement): void {
  addHostStyle(host, 'flex: 1 1 0px; min-width: 0;');
}

/**
 * Declarations added to a host's inline style, as text: a property set on its own (`host.style.flex =
 * …`) after the host's `all: initial` writes all of `all`'s 400 longhands out into the attribute.
 */
export function addHostStyle(host: HTMLElement, declarations: string): void {
  host.setAttribute('style', `${host.getAttribute('style') ?? ''} ${declarations}`);
}

/** A host with a container to render Preact UI into (a render never touches the root's other children). */
export function createRenderTarget(doc: Document, tag: string, styles: OverlayStyles, display: HostDisplay): RenderTarget {
  const shadow = createShadowHost(doc, tag, styles, display);
  const container = doc.createElement('div');
  container.className = 'dpl-root';
  shadow.root.append(container);
  return { ...shadow, container };
}

/** Removes every element an earlier run of the extension left on the page. */
export function removeOverlayElements(doc: Document, tags: readonly string[]): void {
  for (const element of doc.querySelectorAll(tags.join(','))) element.remove();
}

/**
 * What a content script calls, before putting its elements in, to take out an earlier run's: decided
 * when the script starts (call this then). A script that starts with the page (document_start) finds
 * nothing of an earlier run, and the removal's query walks the whole page (2.8 ms on a 2000-entry
 * listing; an HTML paper is long too): it then does nothing. A script put into a page already parsed
 * (Firefox does that on install and update, WXT's dev mode on reload) removes them: never two.
 */
export function earlierRunRemover(doc: Document, tags: readonly string[]): () => void {
  return doc.readyState === 'loading' ? () => undefined : () => removeOverlayElements(doc, tags);
}
