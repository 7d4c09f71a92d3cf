/**
 * Looks through a page — the document and every open shadow root — for what hostile API text could
 * have turned into: event-handler attributes, script-like elements, links that are not https, and
 * text still carrying invisible bidi or control characters.
 */
import type { Page } from '@playwright/test';

export interface DomAudit {
  /** Elements carrying an `on…` attribute. */
  handlers: string[];
  /** script/iframe/object/embed/svg/math/img elements inside the extension's UI. */
  injected: string[];
  /** Links in the extension's UI whose target is not https: (nor the extension itself). */
  badLinks: string[];
  /** Text in the extension's UI still carrying bidi or control characters (stripped where text comes in). */
  invisible: string[];
  /** Whether any payload ran. */
  pwned: boolean;
}

/**
 * `uiSelector` picks the extension's own UI roots (shadow hosts on sites, `body` in extension pages);
 * the page's own markup outside them is the site's business, not ours.
 */
export async function auditDom(page: Page, uiSelector: string): Promise<DomAudit> {
  return page.evaluate((selector) => {
    const audit = { handlers: [] as string[], injected: [] as string[], badLinks: [] as string[], invisible: [] as string[], pwned: Boolean((window as { __pwned?: unknown }).__pwned) };
    const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
    const describe = (el: Element) => `<${el.tagName.toLowerCase()} ${[...el.attributes].map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(' ')}>`;
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if ([...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))) audit.handlers.push(describe(el));
        if (/^(script|iframe|object|embed|svg|math|img|frame)$/i.test(el.tagName)) audit.injected.push(describe(el));
        if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
          const href = el.getAttribute('href')!;
          if (!/^(https:\/\/|chrome-extension:\/\/|moz-extension:\/\/|#)/.test(el.href) && href !== '') audit.badLinks.push(describe(el));
        }
        for (const node of el.childNodes) {
          if (node.nodeType === Node.TEXT_NODE && INVISIBLE.test(node.textContent ?? '')) audit.invisible.push(JSON.stringify(node.textContent).slice(0, 80));
        }
        for (const attribute of ['title', 'aria-label', 'alt']) {
          const value = el.getAttribute(attribute);
          if (value && INVISIBLE.test(value)) audit.invisible.push(`${attribute}=${JSON.stringify(value).slice(0, 80)}`);
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
