/**
 * X, a site turned on later: text links read from what X shows (t.co never opened), a paper's card by
 * its title (asked about, matched in the background, only by a page that shows a paper site's card); the timeline keeps loading — 500 posts added in batches of 20 are each badged, from the newest
 * papers' badges the page's first answer brought (only an older id is asked about, once); nothing sent; off and every badge goes.
 */
import { xTimeline, xTimelineCells, type XPost } from '../fixtures/x/timeline';
import { badgesPerAppendedBatch, collectPageErrors, expect, originsOf, registeredScripts, siteBadges, switchSite, test } from './support/sites';
import { idsAsked, recordedRequests, recordRequests } from './support/worker-probes';
import { waitForSync } from './support/sync';

// Three days of five papers: every fixture title is different (cards are matched by title).
test.use({ grantedOrigins: originsOf('x'), dailyPapers: { days: 3, perDay: 5 } });

const post = (n: number, text: XPost['text'], card?: XPost['card']): XPost => ({ id: `19539900000${String(n).padStart(8, '0')}`, name: `Reader ${n}`, handle: `reader${n}`, text, card });

test('X: posts badged from their shown links and paper cards, a 500-post timeline batch by batch, nothing sent; off and they go', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const papers = server.data.days.get(server.data.today)!.map((item) => item.paper as { id: string; title: string });
  const [a, b, c] = papers;
  const posts = [
    post(1, ['Read this: ', { url: `https://arxiv.org/abs/${a!.id}v2` }]),
    post(2, ['HF page ', { url: `https://huggingface.co/papers/${b!.id}` }]),
    post(3, [`${c!.title} `], { layout: 'small', url: `https://arxiv.org/abs/${c!.id}`, title: c!.title, description: 'Abstract.' }),
    post(4, ['Not a paper ', { url: 'https://example.org/some/long/path/to/a/page' }]),
    post(6, ['An older one nobody stored ', { url: 'https://arxiv.org/abs/2501.00077' }]),
  ];
  server.pages.set('x.com/home', xTimeline({ posts }));

  await switchSite(context, extensionId, 'X', true);
  await expect.poll(() => registeredScripts(background)).toEqual(['x']);
  await recordRequests(background);
  const hfBefore = server.log.filter((r) => r.host === 'huggingface.co').length;

  const hf = (p: { id: string }) => `https://huggingface.co/papers/${p.id}`;
  // A timeline with no paper site's card (another site's card may even carry a stored paper's title):
  // its first question alone (its link is answered in the page); no title is asked about.
  server.pages.set('x.com/reader1', xTimeline({ posts: [posts[0]!, post(5, ['A blog post '], { layout: 'small', url: 'https://example.org/post', title: c!.title, description: 'Not a paper site.' })] }));
  const plain = await context.newPage();
  await plain.goto('https://x.com/reader1');
  await expect.poll(() => siteBadges(plain).then((all) => all.map((x) => x.href))).toEqual([hf(a!)]);
  await plain.waitForTimeout(300);
  // The first answer brought the newest papers' badges (from their local copy, or from the background
  // without one): the stored paper is answered in the page, no id asked about.
  expect((await recordedRequests(background)).every((r) => r.type === 'linkBadges')).toBe(true);
  expect(idsAsked(await recordedRequests(background), 'x')).toEqual([]);
  await plain.close();

  // A paper's card: its title is asked about then (matched in the background), and the card is badged once the answer comes.
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://x.com/home');
  await expect.poll(() => siteBadges(page).then((all) => all.map((x) => x.href))).toEqual([hf(a!), hf(b!), hf(c!)]);

  const batches = Array.from({ length: 25 }, (_, batch) =>
    xTimelineCells(
      Array.from({ length: 20 }, (_, i) => {
        const n = 100 + batch * 20 + i;
        return post(n, ['More: ', { url: `https://arxiv.org/pdf/${papers[n % papers.length]!.id}` }]);
      }),
      posts.length + batch * 20,
    ),
  );
  const perBatch = await badgesPerAppendedBatch(page, 'div[aria-label^="Timeline: "] > div', batches, 20);
  expect(perBatch).toEqual(Array.from({ length: 25 }, () => 20));

  // Every stored paper the home page and its 500 posts name is among the newest badges its first answer
  // brought: only the id older than those was asked about, once; its card's title once.
  const requests = await recordedRequests(background);
  expect(idsAsked(requests, 'x')).toEqual(['2501.00077']);
  expect(requests.filter((r) => r.type !== 'linkBadges')).toEqual([{ type: 'matchTitles', site: 'x', titles: [c!.title] }]);
  expect(server.log.filter((r) => r.host === 'huggingface.co').length).toBe(hfBefore);

  await switchSite(context, extensionId, 'X', false);
  await expect.poll(() => siteBadges(page).then((all) => all.length)).toBe(0);
  await expect.poll(() => registeredScripts(background)).toEqual([]);
  expect(errors).toEqual([]);
});
