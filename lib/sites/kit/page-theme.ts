/**
 * Following the page's own light or dark look: the extension's UI asks what the page actually paints
 * (its background colour), so arXiv's HTML papers' theme switch, a dark-mode extension or the
 * system setting are all followed the same way.
 */
import { setHostTheme } from './shadow-host';

export type PageTheme = 'light' | 'dark';

/** `rgb(…)`/`rgba(…)` as computed styles give them; undefined for anything else. */
export function parseRgb(color: string): { r: number; g: number; b: number; a: number } | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!match) return undefined;
  const [, r = '0', g = '0', b = '0', alpha] = match;
  const a = alpha === undefined ? 1 : alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
  return { r: Number(r), g: Number(g), b: Number(b), a };
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * The theme of a stack of background colours, innermost first: the first opaque-enough one decides;
 * when all are transparent, the canvas shows, light unless the page asks for a dark colour scheme.
 */
export function themeOfBackgrounds(backgrounds: readonly string[], darkCanvas: boolean): PageTheme {
  for (const background of backgrounds) {
    const rgb = parseRgb(background);
    if (rgb && rgb.a >= 0.5) return luminance(rgb) < 0.2 ? 'dark' : 'light';
  }
  return darkCanvas ? 'dark' : 'light';
}

/** What the page paints behind `element` (the element, then its ancestors, then the canvas). */
export function pageTheme(element: Element): PageTheme {
  const view = element.ownerDocument.defaultView;
  if (!view) return 'light';
  const backgrounds: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    backgrounds.push(view.getComputedStyle(node).backgroundColor);
  }
  const scheme = view.getComputedStyle(element.ownerDocument.documentElement).colorScheme ?? '';
  const darkCanvas = scheme.includes('dark') && (!scheme.includes('light') || view.matchMedia('(prefers-color-scheme: dark)').matches);
  return themeOfBackgrounds(backgrounds, darkCanvas);
}

/**
 * Calls `onChange` when the page may have switched its look: a class, style or data-theme change on
 * <html> or <body>, or the system's colour scheme. Stops with the signal.
 */
export function watchPageTheme(doc: Document, onChange: () => void, signal: AbortSignal): void {
  const observer = new MutationObserver(onChange);
  const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'] };
  observer.observe(doc.documentElement, options);
  if (doc.body) observer.observe(doc.body, options);
  const media = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  media?.addEventListener('change', onChange, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * Many overlay hosts on one page (a listing's badges, a feed's) in the page's look. Each host starts
 * light; the look is read once, in the frame after the first host is added (from the styles that frame
 * computes anyway, before it is painted: reading it at the first host would make the page compute them
 * once more in the middle of the insertions), then kept and given to every later host. `follow` reads it
 * again (the page switched its look) and updates the hosts that changed. (A/B, a 2000-entry listing, 30
 * traced visits each: the page's CPU and its style work the same with the read and without it; a
 * profile counts that style update as ours, ~15 ms there.)
 */
export class HostThemes {
  private theme: PageTheme | undefined;
  private from: Element | undefined;
  private readonly hosts: Element[] = [];

  constructor(private readonly schedule: (read: () => void) => void = (read) => void requestAnimationFrame(read)) {}

  /** Puts `host` in the page's look; `from` is where the page's look is read (an element next to it). */
  add(host: Element, from: Element): void {
    setHostTheme(host, this.theme ?? 'light');
    this.hosts.push(host);
    if (this.from) return;
    this.from = from;
    // Not again if read already by then (`follow` called before that frame: a page's badges put in as it is parsed).
    this.schedule(() => this.theme ?? this.follow());
  }

  /** Reads the page's look again and passes a change on to every host. */
  follow(): void {
    if (!this.from) return;
    const now = pageTheme(this.from);
    if (now === this.theme) return;
    this.theme = now;
    for (const host of this.hosts) setHostTheme(host, now);
  }
}
