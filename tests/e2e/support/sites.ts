/**
 * What the e2e specs of the sites turned on later (Hacker News…) share: turning a site on and off from
 * the options page the way a person does (its hosts granted beforehand, ./granted-hosts.ts), the
 * background's registered scripts, and the badges read off a page.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { siteEntry, siteOrigins, type SiteId } from '../../../lib/shared/sites';
import { setOption } from './options-page';

export { collectPageErrors, expect } from './extension-test';

export { test } from './extension-test';

/** The host permission patterns of `sites`, for `test.use({ grantedOrigins })`. */
export const originsOf = (...sites: SiteId[]): string[] => sites.flatMap((site) => siteOrigins(siteEntry(site)));

/** Clicks the site's switch on the options page and saves; answers the status the page showed. */
export function switchSite(context: BrowserContext, extensionId: string, label: string, on: boolean): Promise<string> {
  return setOption(context, extensionId, `Show Daily Papers on ${label}`, on);
}

/** The ids of the content scripts the background registered at run time. */
export async function registeredScripts(background: Worker): Promise<string[]> {
  return background.evaluate(async () => {
    const scope = globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } };
    return (await scope.chrome.scripting.getRegisteredContentScripts()).map((script) => script.id).sort();
  });
}

export async function hasOrigins(background: Worker, origins: string[]): Promise<boolean> {
  return background.evaluate(async (origins) => {
    const scope = globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } };
    return scope.chrome.permissions.contains({ origins });
  }, origins);
}

export interface SiteBadge {
  /** The href of the link the badge follows. */
  after: string | null;
  /** Where the badge leads, and what it says. */
  href: string | null;
  text: string;
  theme: string | null;
}

/** Every site badge on the page (their shadow roots are open), in document order. */
export async function siteBadges(page: Page): Promise<SiteBadge[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('dpl-paper-badge')].map((host) => {
      const badge = host.shadowRoot?.querySelector('a');
      const before = host.previousElementSibling;
      return {
        after: before instanceof HTMLAnchorElement ? before.href : null,
        href: badge?.getAttribute('href') ?? null,
        text: badge?.textContent ?? '',
        theme: host.getAttribute('data-dpl-theme'),
      };
    }),
  );
}

/**
 * Appends each batch of HTML to `container` as an endless feed does, a batch at a time, and counts the
 * badges each batch got: those there once `expected` arrived (the badges of ids the page had not asked
 * about yet come with the background's answer) or after two seconds, and a frame more, so that a
 * badge too many shows.
 */
export async function badgesPerAppendedBatch(page: Page, container: string, batches: string[], expected: number): Promise<number[]> {
  // The tab the person scrolls is the one in front (a tab behind gets a frame a second).
  await page.bringToFront();
  return page.evaluate(
    async ({ container, batches, expected }) => {
      const parent = document.querySelector(container)!;
      const count = () => document.querySelectorAll('dpl-paper-badge').length;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const counts: number[] = [];
      for (const html of batches) {
        const before = count();
        parent.insertAdjacentHTML('beforeend', html);
        const until = performance.now() + 2_000;
        while (count() - before < expected && performance.now() < until) await frame();
        await frame();
        await new Promise((resolve) => setTimeout(resolve, 16));
        counts.push(count() - before);
      }
      return counts;
    },
    { container, batches, expected },
  );
}

/**
 * The heights of the page's rows (`rowSelector`: a listing's entries, a feed's stories) with a badge and
 * without: a badge that fits its line leaves its row as tall as the others, so the badges that go in
 * after the page is painted move nothing.
 */
export function rowHeights(page: Page, rowSelector: string): Promise<{ badged: number[]; bare: number[] }> {
  return page.evaluate((rowSelector) => {
    const of = (badged: boolean) =>
      [...document.querySelectorAll(rowSelector)].filter((row) => !!row.querySelector('dpl-paper-badge') === badged).map((row) => row.getBoundingClientRect().height);
    return { badged: of(true), bare: of(false) };
  }, rowSelector);
}
