/**
 * What the e2e specs of the sites turned on later (Hacker News…) share: turning a site on and off from
 * the options page the way a person does (its hosts granted beforehand, ./granted-hosts.ts), the
 * background's registered scripts, the badges read off a page, and the fixture papers to cite.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { DailyPapersFixture } from '../../fixtures/hf-data';
import { siteEntry, siteOrigins, type SiteId } from '../../../lib/shared/sites';
import { expect } from './extension-test';

export { collectPageErrors, expect } from './extension-test';

export { test } from './extension-test';

/** The host permission patterns of `sites`, for `test.use({ grantedOrigins })`. */
export const originsOf = (...sites: SiteId[]): string[] => sites.flatMap((site) => siteOrigins(siteEntry(site)));

/** Clicks the site's switch on the options page and saves; answers the status the page showed. */
export async function switchSite(context: BrowserContext, extensionId: string, label: string, on: boolean): Promise<string> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const box = options.getByLabel(`Show Daily Papers on ${label}`);
  await box.setChecked(on);
  await expect(box).toBeChecked({ checked: on });
  await options.getByRole('button', { name: 'Save settings' }).click();
  const status = options.getByTestId('settings-status');
  await expect(status).toHaveText(/^Saved/);
  const text = (await status.textContent()) ?? '';
  await options.close();
  return text;
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
    [...document.querySelectorAll('dpl-site-badge')].map((host) => {
      const badge = host.shadowRoot?.querySelector('a');
      const before = host.previousElementSibling;
      return {
        after: before instanceof HTMLAnchorElement ? before.href : null,
        href: badge?.getAttribute('href') ?? null,
        text: badge?.textContent ?? '',
        theme: host.getAttribute('data-theme'),
      };
    }),
  );
}

/** Papers of the fixture data to cite: id and upvotes, most recent day first. */
export function citablePapers(data: DailyPapersFixture): { id: string; upvotes: number; numComments: number }[] {
  return [...data.days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .flatMap(([, items]) => items.map((item) => ({ ...(item.paper as { id: string; upvotes: number }), numComments: item.numComments as number })));
}

/** Records every message the background receives (an observer: it never answers). */
export async function recordMessages(background: Worker): Promise<void> {
  await background.evaluate(() => {
    const scope = globalThis as unknown as { __dplMessages?: unknown[]; chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } } } };
    if (scope.__dplMessages) return;
    scope.__dplMessages = [];
    scope.chrome.runtime.onMessage.addListener((message) => void scope.__dplMessages!.push(message));
  });
}

export async function recordedMessages(background: Worker): Promise<{ type: string; site?: string }[]> {
  return background.evaluate(() => (globalThis as unknown as { __dplMessages: { type: string; site?: string }[] }).__dplMessages);
}
