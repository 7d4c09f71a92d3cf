/**
 * The popup's search reads the index the background keeps (lib/background/search-index.ts): a paper
 * written while no popup is open is found at the popup's first keystroke, by title and by abstract.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { expect, test } from './support/extension-test';
import { readRow } from './support/extension-db';
import { titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

test('a paper stored while the popup is closed is found at the first keystroke, by title and abstract: the background indexed it', async ({ server, context, background, openPopup }) => {
  await waitForSync(background);
  // A paper no synced list holds: an arXiv page's live lookup stores it, with no popup open.
  const id = '2507.00077';
  server.extraPapers.set(id, {
    id,
    title: 'Quasicrystalline tokenizers for speech',
    summary: 'We grow zeolite lattices one token at a time.',
    authors: [{ _id: 'a', name: 'Ada Vexillum', hidden: false }],
    publishedAt: '2025-07-01T00:00:00.000Z',
    upvotes: 4,
  });
  server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: 'A paper', abstract: 'An abstract.', authors: ['A'] }));
  const page = await context.newPage();
  await page.goto(`https://arxiv.org/abs/${id}`);
  await expect(page.getByTestId('dpl-card').getByTestId('dpl-badge')).toContainText('▲ 4');
  await page.close();
  // The background stores the index a moment after the paper's write.
  await expect
    .poll(async () => (await readRow<{ value: { ids: string } }>(background, 'searchIndex', 'papers'))?.value.ids.split('\n').includes(id), { timeout: 10_000 })
    .toBe(true);

  const popup = await openPopup();
  const box = popup.getByRole('searchbox', { name: 'Search papers' });
  // One input event: the first keystroke's query, a word of the abstract only.
  await box.fill('zeolite');
  await expect(titles(popup)).toHaveText(['Quasicrystalline tokenizers for speech']);
  await expect(popup.getByTestId('search-summary')).toHaveText(/^1 stored paper matches/);
  await expect(popup.getByTestId('indexing')).toHaveCount(0);
  await box.fill('quasicrystal');
  await expect(popup.locator(`.paper[data-paper-id="${id}"]`)).toBeVisible();
  // The index is read in parts (a first letter's words each): words of other letters are found too,
  // an author's name and two words of two letters together.
  await box.fill('vexillum');
  await expect(titles(popup)).toHaveText(['Quasicrystalline tokenizers for speech']);
  await box.fill('lattices speech');
  await expect(titles(popup)).toHaveText(['Quasicrystalline tokenizers for speech']);
  await expect(popup.getByTestId('indexing')).toHaveCount(0);
});
