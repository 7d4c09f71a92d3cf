/**
 * The background's limits on HF calls pages cause (lib/background/hf/call-limits.ts), from the fixture
 * server's request log: a script walking a tab through 60 unknown abstract pages causes at most 30
 * calls, and a lookup the limits refused shows nothing (not "not on Hugging Face"); a person opening 12
 * papers at once gets all 12 cards.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { hostCount, paperCalls } from './support/arxiv';
import { expect, test } from './support/extension-test';
import type { FixtureServer } from './support/fixture-server';
import { waitForSync } from './support/sync';

/** A paper HF does not know (404), with its abstract page on the fixture server. */
function unknownPaper(server: FixtureServer, n: number): string {
  const id = `2506.${String(40_000 + n)}`;
  server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: `Unknown paper ${n}`, abstract: 'Nothing HF has.', authors: ['A. Author'] }));
  return id;
}

/** `/api/papers/…` calls so far (the sync's `/api/daily_papers` calls are not the pages'). */
function paperLookups(server: FixtureServer): number {
  return server.hfCalls().filter((path) => path.startsWith('/api/papers/')).length;
}

test('a tab walked through 60 unknown abstract pages causes at most 30 HF calls; a refused lookup shows nothing', async ({ server, context, background }) => {
  await waitForSync(background);
  const ids = Array.from({ length: 60 }, (_, n) => unknownPaper(server, n));
  const page = await context.newPage();
  const started = Date.now();
  for (const id of ids) await page.goto(`https://arxiv.org/abs/${id}`, { waitUntil: 'domcontentloaded' });
  const walkMs = Date.now() - started;
  // The last pages' questions may still be on their way to HF.
  await page.waitForTimeout(1_000);
  const calls = paperLookups(server);
  console.log(`[limits] 60 abstract pages in ${(walkMs / 1000).toFixed(1)} s: ${calls} HF calls`);
  expect(walkMs).toBeLessThan(60_000);
  expect(calls).toBeLessThanOrEqual(30);
  // The burst is there: live lookups still work, within the budget.
  expect(calls).toBeGreaterThanOrEqual(15);

  // Right after the walk the budget is spent: a page whose lookup was refused shows nothing, a page HF
  // answered 404 for shows the quiet link. At least one of these three is refused.
  const more = [60, 61, 62].map((n) => unknownPaper(server, n));
  let refused = 0;
  for (const id of more) {
    await page.goto(`https://arxiv.org/abs/${id}`);
    await page.waitForTimeout(500);
    if (paperCalls(server, id) === 0) {
      refused++;
      expect(await hostCount(page, 'dpl-paper-card')).toBe(0);
      await expect(page.getByTestId('dpl-unknown')).toHaveCount(0);
    } else {
      await expect(page.getByTestId('dpl-unknown')).toBeVisible();
    }
  }
  expect(refused).toBeGreaterThanOrEqual(1);
});

test('12 papers HF knows, opened in 12 tabs at once, all get their card', async ({ server, context, background }) => {
  await waitForSync(background);
  const ids = Array.from({ length: 12 }, (_, n) => `2507.${String(30_000 + n)}`);
  ids.forEach((id, n) => {
    server.extraPapers.set(id, { id, title: `Known paper ${n}`, summary: 'An abstract.', authors: [{ _id: 'a', name: 'A. Author', hidden: false }], upvotes: 10 + n });
    server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: `Known paper ${n}`, abstract: 'An abstract.', authors: ['A. Author'] }));
  });
  const pages = await Promise.all(ids.map(() => context.newPage()));
  await Promise.all(pages.map((page, n) => page.goto(`https://arxiv.org/abs/${ids[n]}`)));
  for (const [n, page] of pages.entries()) {
    await expect(page.getByTestId('dpl-card').getByTestId('dpl-badge')).toContainText(`▲ ${10 + n}`);
  }
  expect(paperLookups(server)).toBe(12);
});
