/**
 * The popup's facts from HF beyond upvotes: an expanded paper's models, datasets and Spaces (from the
 * cache, else asked then: it is a paper the person chose), and the list filters *has code*, *has
 * weights*, *has a demo* (weights and demos judged from what the extension has fetched).
 */
import { STARFLOW_DETAILS, VAR_DETAILS } from '../fixtures/hf-paper-details';
import { expect, test } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import { titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

test('an expanded paper shows its models, datasets and Spaces; the filters keep papers with code, weights or a demo', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const todays = todaysPapers(server.data);
  const star = todays.find((paper) => paper.id === STARFLOW_DETAILS.id)!;
  const plain = todays.find((paper) => paper.id !== star.id && paper.githubRepo)!;
  server.extraPapers.set(star.id, STARFLOW_DETAILS as unknown as Record<string, unknown>);
  server.extraPapers.set(plain.id, { ...VAR_DETAILS, id: plain.id } as unknown as Record<string, unknown>);
  const paperCalls = () => server.hfCalls().filter((path) => path.startsWith('/api/papers/'));
  await expect(titles(popup)).toHaveCount(todays.length);
  const filters = popup.getByRole('group', { name: 'Filters' });

  // Has code: the papers HF names a repository for.
  await filters.getByRole('button', { name: 'Has code' }).click();
  await expect(titles(popup)).toHaveCount(todays.filter((paper) => paper.githubRepo).length);
  await expect(popup.getByTestId('filter-note')).toHaveText(`${todays.filter((paper) => paper.githubRepo).length} of ${todays.length} shown.`);
  // Has weights: nothing fetched yet, so nothing is known to have them — and the list says so.
  await filters.getByRole('button', { name: 'Has weights' }).click();
  await expect(titles(popup)).toHaveCount(0);
  await expect(popup.getByTestId('filter-note')).toContainText('Weights and demos are known for the 0 papers');
  await filters.getByRole('button', { name: 'Has code' }).click();
  await filters.getByRole('button', { name: 'Has weights' }).click();
  expect(paperCalls()).toEqual([]);

  // Expanding a paper asks for its linked lists (one call) and shows them.
  const starEntry = popup.locator(`.paper[data-paper-id="${star.id}"]`);
  await starEntry.getByRole('button', { name: 'Abstract' }).click();
  const hub = starEntry.getByRole('group', { name: 'On Hugging Face' });
  await expect(hub).toContainText('Models 5 · Datasets 3 · Spaces 4');
  await expect(hub.getByRole('list', { name: 'Models' }).getByRole('link').first()).toHaveAttribute('href', 'https://huggingface.co/apple/starflow-3b');
  await expect(hub.getByRole('list', { name: 'Spaces' }).getByRole('link').first()).toHaveAttribute('href', 'https://huggingface.co/spaces/apple/starflow-demo');
  const plainEntry = popup.locator(`.paper[data-paper-id="${plain.id}"]`);
  await plainEntry.getByRole('button', { name: 'Abstract' }).click();
  await expect(plainEntry.getByRole('group', { name: 'On Hugging Face' })).toContainText('Models 0 · Datasets 0 · Spaces 0');
  expect(paperCalls()).toEqual([`/api/papers/${star.id}`, `/api/papers/${plain.id}`]);

  // Now known: weights and a demo for STARFlow only; the other checked paper has neither.
  await filters.getByRole('button', { name: 'Has weights' }).click();
  await expect(titles(popup)).toHaveText([star.title]);
  await expect(popup.getByTestId('filter-note')).toContainText('known for the 2 papers');
  await filters.getByRole('button', { name: 'Has weights' }).click();
  await filters.getByRole('button', { name: 'Has a demo' }).click();
  await expect(titles(popup)).toHaveText([star.title]);

  // A new opening reads them from the cache: expanding asks nothing.
  await popup.reload();
  await expect(titles(popup)).toHaveCount(todays.length);
  await popup.locator(`.paper[data-paper-id="${star.id}"]`).getByRole('button', { name: 'Abstract' }).click();
  await expect(popup.locator(`.paper[data-paper-id="${star.id}"]`).getByRole('group', { name: 'On Hugging Face' })).toContainText('Models 5');
  expect(paperCalls()).toHaveLength(2);
});
