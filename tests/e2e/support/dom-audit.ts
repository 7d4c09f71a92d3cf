/**
 * Looks through a page — the document and every open shadow root — for what hostile API text could
 * have turned into: event-handler attributes, script-like elements, and links that are not https.
 */
import type { Page } from '@playwright/test';

export interface DomAudit {
  /** Elements carrying an `on…` attribute. */
  handlers: string[];
  /** script/iframe/object/embed/svg/math/img elements inside the extension's UI. */
  injected: string[];
  /** Links in the extension's UI whose target is not https: (nor the extension itself). */
  badLinks: string[];
  /** Whether any payload ran. */
  pwned: boolean;
}

/**
 * `uiSelector` picks the extension's own UI roots (shadow hosts on sites, `body` in extension pages);
 * the page's own markup outside them is the site's business, not ours.
 */
export async function auditDom(page: Page, uiSelector: string): Promise<DomAudit> {
  return page.evaluate((selector) => {
    const audit = { handlers: [] as string[], injected: [] as string[], badLinks: [] as string[], pwned: Boolean((window as { __pwned?: unknown }).__pwned) };
    const describe = (el: Element) => `<${el.tagName.toLowerCase()} ${[...el.attributes].map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(' ')}>`;
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if ([...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))) audit.handlers.push(describe(el));
        if (/^(script|iframe|object|embed|svg|math|img|frame)$/i.test(el.tagName)) audit.injected.push(describe(el));
        if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
          const href = el.getAttribute('href')!;
          if (!/^(https:\/\/|chrome-extension:\/\/|moz-extension:\/\/|#)/.test(el.href) && href !== '') audit.badLinks.push(describe(el));
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    for (const root of document.querySelectorAll(selector)) {
      visit(root.shadowRoot ?? root);
    }
    return audit;
  }, uiSelector);
}
