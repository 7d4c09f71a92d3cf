/**
 * alphaXiv, a site turned on later: off at install, turned on from the options page's switch (its host
 * granted beforehand, support/granted-hosts.ts), arXiv's paper card after the paper's title, kept right
 * as the app navigates between papers without reloading (forward and back); a paper missing from the
 * local copy looked up live, and a card's linked part asked for, as on arXiv; off again and the card goes at once.
 */
import type { Page } from '@playwright/test';
import { alphaxivAbsPage } from '../fixtures/alphaxiv/abs-page';
import { paperCalls } from './support/arxiv';
import { fixturePapers } from './support/fixture-papers';
import { collectPageErrors, expect, hasOrigins, originsOf, registeredScripts, switchSite, test } from './support/sites';
import { waitForSync } from './support/sync';

test.use({ grantedOrigins: originsOf('alphaxiv') });

/** Each card on the page: what its badge says and the title it follows. */
function cards(page: Page): Promise<{ badge: string; after: string | null }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('dpl-paper-card')].map((host) => ({
      badge: host.shadowRoot?.querySelector('[data-testid="dpl-badge"], [data-testid="dpl-unknown"]')?.textContent?.trim() ?? '',
      after: host.previousElementSibling?.tagName === 'H1' ? (host.previousElementSibling.textContent ?? '') : null,
    })),
  );
}

test('alphaXiv: off until turned on; then the arXiv card after the title, through client-side navigation; off again and it goes', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const [a, b] = fixturePapers(server.data);
  const unknown = { id: '2507.00404', title: 'A paper Hugging Face has never seen' };
  const routes = [
    { id: b!.id, title: b!.title },
    { id: unknown.id, title: unknown.title },
  ];
  server.pages.set(`www.alphaxiv.org/abs/${a!.id}`, alphaxivAbsPage({ id: a!.id, title: a!.title, routes }));

  expect(await registeredScripts(background)).toEqual([]);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://www.alphaxiv.org/abs/${a!.id}`);
  await page.waitForTimeout(500);
  expect(await cards(page)).toEqual([]);

  await switchSite(context, extensionId, 'alphaXiv', true);
  await expect.poll(() => registeredScripts(background)).toEqual(['alphaxiv']);

  const hfBefore = server.hfCalls().length;
  await page.goto(`https://www.alphaxiv.org/abs/${a!.id}`);
  await expect.poll(() => cards(page)).toEqual([{ badge: expect.stringContaining(`▲ ${a!.upvotes}`), after: a!.title }]);
  // The card from the local copy; after it is shown, its linked models, datasets and Spaces are asked for
  // that one paper, as on arXiv (#16, under the same live-lookup setting): nothing else goes to HF.
  await expect.poll(() => server.hfCalls().slice(hfBefore)).toEqual([`/api/papers/${a!.id}`]);

  // The app navigates to another paper: the URL first, the panel (title and all) re-rendered after.
  await page.getByRole('link', { name: b!.title }).click();
  await expect(page).toHaveURL(`https://www.alphaxiv.org/abs/${b!.id}`);
  await expect.poll(() => cards(page)).toEqual([{ badge: expect.stringContaining(`▲ ${b!.upvotes}`), after: b!.title }]);

  // A paper the local copy lacks is looked up live, as on arXiv (HF does not know it: the quiet link).
  await page.getByRole('link', { name: unknown.title }).click();
  await expect.poll(() => cards(page)).toEqual([{ badge: expect.stringContaining('Not on Hugging Face Daily Papers yet'), after: unknown.title }]);
  expect(paperCalls(server, unknown.id)).toBe(1);

  // Back: the first paper's card again, exactly one.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(`https://www.alphaxiv.org/abs/${a!.id}`);
  await expect.poll(() => cards(page)).toEqual([{ badge: expect.stringContaining(`▲ ${a!.upvotes}`), after: a!.title }]);

  // Off: the open tab's card goes at once, the script is unregistered, the host given back.
  await switchSite(context, extensionId, 'alphaXiv', false);
  await expect.poll(() => cards(page)).toEqual([]);
  await expect.poll(() => registeredScripts(background)).toEqual([]);
  expect(await hasOrigins(background, originsOf('alphaxiv'))).toBe(false);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await cards(page)).toEqual([]);
  expect(errors).toEqual([]);
});
