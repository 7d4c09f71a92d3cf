/**
 * The models, datasets and Spaces HF links to a paper, on its arXiv card: the totals in one row after the
 * card is shown, the top few behind one remembered control, links only to checked repository ids; asked
 * once (then cached), never with live lookups off, and a failure shows a quiet retry.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { HOSTILE_COMMENT_RAW, STARFLOW_AUTHOR_USER, STARFLOW_COMMENTS_ANSWER, STARFLOW_DETAILS } from '../fixtures/hf-paper-details';
import { patchSettings } from './support/arxiv';
import { fixturePapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';
import { collectDialogs, collectPageErrors, expect, test } from './support/extension-test';
import type { FixtureServer } from './support/fixture-server';

const ID = STARFLOW_DETAILS.id;

/** STARFlow's answer with hostile repository ids among its models (each must be dropped). */
const DETAILS = {
  ...STARFLOW_DETAILS,
  linkedModels: [
    ...STARFLOW_DETAILS.linkedModels,
    { id: 'javascript:alert(1)', likes: 100_000, downloads: 1 },
    { id: '../../settings', likes: 100_000, downloads: 1 },
    { id: 'evil user/x', likes: 100_000, downloads: 1 },
  ],
};

function openablePaper(server: FixtureServer) {
  const star = fixturePapers(server.data).find((p) => p.id === ID)!;
  server.pages.set(`arxiv.org/abs/${ID}`, absPage({ id: ID, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] }));
  return star;
}

const detailsCalls = (server: FixtureServer) => server.hfCalls().filter((path) => path === `/api/papers/${ID}`).length;

test('the card shows the totals, then the top models, datasets and Spaces behind one remembered control', async ({ server, context, background }) => {
  await waitForSync(background);
  const star = openablePaper(server);
  server.extraPapers.set(ID, DETAILS);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${ID}`);

  const card = page.getByTestId('dpl-card');
  await expect(card.getByTestId('dpl-badge')).toContainText(`▲ ${star.upvotes}`);
  const linked = card.getByRole('group', { name: 'On Hugging Face' });
  await expect(linked).toContainText('Models 5 · Datasets 3 · Spaces 4');
  const lists = card.locator('#dpl-linked-lists');
  await expect(lists).toBeHidden();

  await linked.getByRole('button', { name: 'Show linked' }).click();
  await expect(lists).toBeVisible();
  const models = card.getByRole('list', { name: 'Models' }).getByRole('listitem');
  await expect(models).toHaveCount(3);
  await expect(models.first()).toContainText('apple/starflow-3b text-to-image · ♥ 412 · ↓ 18,204');
  await expect(models.first().getByRole('link')).toHaveAttribute('href', 'https://huggingface.co/apple/starflow-3b');
  await expect(card.getByRole('list', { name: 'Datasets' }).getByRole('link').first()).toHaveAttribute(
    'href',
    'https://huggingface.co/datasets/apple/starflow-eval-prompts',
  );
  await expect(card.getByRole('list', { name: 'Spaces' }).getByRole('link')).toHaveText(['apple/starflow-demo', 'flowfan/flow-explorer']);
  await expect(card.getByRole('list', { name: 'Spaces' }).getByRole('link').first()).toHaveAttribute('href', 'https://huggingface.co/spaces/apple/starflow-demo');
  // Every link of the linked part goes to huggingface.co, built from a checked id: the hostile ids are gone.
  const hrefs = await lists.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.every((href) => /^https:\/\/huggingface\.co\/(datasets\/|spaces\/)?[\w.-]+\/[\w.-]+$/.test(href))).toBe(true);
  await expect(lists).not.toContainText('javascript');
  await expect(lists).not.toContainText('settings');

  // Remembered, and answered from the cache: the reload asks HF nothing more.
  await page.reload();
  await expect(page.getByTestId('dpl-card').locator('#dpl-linked-lists')).toBeVisible();
  await page.getByRole('button', { name: 'Hide linked' }).click();
  await page.reload();
  await expect(page.getByRole('group', { name: 'On Hugging Face' })).toContainText('Models 5');
  await expect(page.getByTestId('dpl-card').locator('#dpl-linked-lists')).toBeHidden();
  expect(detailsCalls(server)).toBe(1);
  expect(errors).toEqual([]);
});

test('a failure shows a quiet "couldn\'t load" with a retry; with live lookups off nothing is asked and the card is as before', async ({
  server,
  context,
  background,
}) => {
  await waitForSync(background);
  const star = openablePaper(server);
  let failing = true;
  server.hfOverride = (url) => (failing && url.pathname === `/api/papers/${ID}` ? { status: 500, body: 'oops' } : undefined);
  server.extraPapers.set(ID, DETAILS);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${ID}`);
  const card = page.getByTestId('dpl-card');
  await expect(card).toContainText("Couldn't load the models, datasets and Spaces.");
  await expect(card.getByTestId('dpl-badge')).toContainText(`▲ ${star.upvotes}`);
  failing = false;
  await card.getByRole('button', { name: 'Retry' }).click();
  await expect(card.getByRole('group', { name: 'On Hugging Face' })).toContainText('Models 5 · Datasets 3 · Spaces 4');

  // Live lookups off: another paper's page sends nothing about it, and its card has no linked part.
  const other = fixturePapers(server.data).find((p) => p.id !== ID)!;
  server.pages.set(`arxiv.org/abs/${other.id}`, absPage({ id: other.id, title: other.title, abstract: other.summary, authors: ['A'] }));
  await patchSettings(background, { liveLookups: false });
  const before = server.hfCalls().length;
  await page.goto(`https://arxiv.org/abs/${other.id}`);
  await expect(page.getByTestId('dpl-card').getByTestId('dpl-badge')).toContainText(`▲ ${other.upvotes}`);
  await page.waitForTimeout(500);
  expect(server.hfCalls().slice(before).filter((path) => path.startsWith('/api/papers/'))).toEqual([]);
  await expect(page.getByRole('group', { name: 'On Hugging Face' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the discussion opens on request: the latest threads as text, a reply by an author of the paper, the hidden comment left out', async ({
  server,
  context,
  background,
}) => {
  await waitForSync(background);
  // A paper HF counts comments for (STARFlow's list entry counts none, which hides the control).
  const paper = fixturePapers(server.data).find((p) => p.numComments > 0)!;
  server.pages.set(`arxiv.org/abs/${paper.id}`, absPage({ id: paper.id, title: paper.title, abstract: paper.summary, authors: ['Jia Gu'] }));
  server.extraPapers.set(paper.id, { ...STARFLOW_COMMENTS_ANSWER, id: paper.id });
  let failing = true;
  server.hfOverride = (url) => (failing && url.search === '?field=comments' ? { status: 500, body: 'oops' } : undefined);
  const commentCalls = () => server.hfCalls().filter((path) => path === `/api/papers/${paper.id}?field=comments`).length;
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const dialogs = collectDialogs(page);
  await page.goto(`https://arxiv.org/abs/${paper.id}`);

  const card = page.getByTestId('dpl-card');
  const group = card.getByRole('group', { name: 'Discussion', exact: true });
  await expect(group).toContainText(`Discussion · ${paper.numComments} comment`);
  await expect(card.getByRole('group', { name: 'On Hugging Face' })).toContainText('Models 5');
  // Nothing is asked until the person opens it.
  expect(commentCalls()).toBe(0);

  await group.getByRole('button', { name: 'Show discussion' }).click();
  await expect(group).toContainText("Couldn't load the discussion.");
  // Drawn as the card's other buttons are (its rule in the kit's sheet, not only in listings').
  const retry = group.getByRole('button', { name: 'Retry' });
  expect(await retry.evaluate((button) => getComputedStyle(button).borderTopStyle)).toBe('solid');
  failing = false;
  await retry.click();

  const threads = group.getByRole('list', { name: 'Latest threads' }).locator(':scope > li');
  await expect(threads).toHaveCount(2);
  // Newest first: the stranger's hostile Markdown, as the very text written.
  await expect(threads.nth(0).locator('.dpl-comment-text')).toHaveText(HOSTILE_COMMENT_RAW);
  await expect(threads.nth(0)).toContainText('x-stranger');
  await expect(group.locator('img, script')).toHaveCount(0);
  await expect(group.locator('a[href^="javascript"]')).toHaveCount(0);
  // The first thread, its reactions and the reply one level deep by an author of the paper.
  await expect(threads.nth(1)).toContainText('curious-reader');
  await expect(threads.nth(1).locator('.dpl-comment-head').first()).toContainText('9 Jun 2025');
  await expect(threads.nth(1).getByLabel('3 reactions')).toBeVisible();
  const reply = threads.nth(1).getByRole('list', { name: 'Replies' }).getByRole('listitem');
  await expect(reply).toHaveCount(1);
  await expect(reply).toContainText(STARFLOW_AUTHOR_USER.name);
  await expect(reply).toContainText('author of the paper');
  await expect(reply).toContainText('Section 4.2 has that ablation');
  // The hidden comment is left out.
  await expect(group).not.toContainText('cheap-gpus-4u');
  await expect(group.getByRole('link', { name: 'The discussion on Hugging Face' })).toHaveAttribute('href', `https://huggingface.co/papers/${paper.id}#community`);

  // Closed and opened again: the answer is kept, HF is not asked again.
  const asked = commentCalls();
  await group.getByRole('button', { name: 'Hide discussion' }).click();
  await group.getByRole('button', { name: 'Show discussion' }).click();
  await expect(threads).toHaveCount(2);
  expect(commentCalls()).toBe(asked);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
