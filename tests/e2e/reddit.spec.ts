/**
 * Reddit (new and old), a site turned on later: post titles and links in texts and comments badged
 * from the local copy, each id asked about once a page; the feed keeps loading — 500 posts added in
 * batches of 20 are each badged; off and every badge goes.
 */
import { redditListingPage, redditParagraph, redditPostPage, shredditPost, type RedditPost } from '../fixtures/reddit/new-reddit';
import { oldRedditListing } from '../fixtures/reddit/old-reddit';
import { badgesPerAppendedBatch, collectPageErrors, expect, originsOf, registeredScripts, siteBadges, switchSite, test } from './support/sites';
import { idsAsked, recordedRequests, recordRequests } from './support/worker-probes';
import { fixturePapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';

test.use({ grantedOrigins: originsOf('reddit') });

const post = (i: number, url: string): RedditPost => ({ id: `1mfy${i.toString(36).padStart(3, '0')}`, subreddit: 'MachineLearning', title: `[R] Paper ${i}`, author: `reader${i}`, url, score: i });

test('Reddit: posts and comments badged, a 500-post feed badged batch by batch, nothing sent; off and they go', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const papers = fixturePapers(server.data);
  const [a, b, c] = papers;
  const posts: RedditPost[] = [
    post(1, `https://arxiv.org/abs/${a!.id}`),
    { ...post(2, `https://huggingface.co/papers/${b!.id}`), outboundWrapped: true },
    post(3, 'https://example.org/not-a-paper'),
    { ...post(4, ''), url: undefined, bodyHtml: redditParagraph('Reading ', { href: `https://arxiv.org/pdf/${c!.id}v1` }) },
  ];
  server.pages.set('www.reddit.com/r/MachineLearning/', redditListingPage({ posts }));
  server.pages.set('old.reddit.com/r/MachineLearning/', oldRedditListing({ posts }));
  server.pages.set('www.reddit.com/r/MachineLearning/comments/1mfy001/p/', redditPostPage({
    post: posts[0],
    comments: [{ id: 'c1', author: 'x', bodyHtml: redditParagraph('See ', { href: `https://arxiv.org/html/${b!.id}v2` }) }],
  }));

  await switchSite(context, extensionId, 'Reddit', true);
  await expect.poll(() => registeredScripts(background)).toEqual(['reddit']);
  await recordRequests(background);
  const hfBefore = server.log.filter((r) => r.host === 'huggingface.co').length;
  const hf = (p: { id: string }) => `https://huggingface.co/papers/${p.id}`;

  const feed = await context.newPage();
  const errors = collectPageErrors(feed);
  await feed.goto('https://www.reddit.com/r/MachineLearning/');
  await expect.poll(() => siteBadges(feed).then((all) => all.map((x) => x.href))).toEqual([hf(a!), hf(b!), hf(c!)]);
  // A post's badge goes to its title's slot, next to the title.
  expect(await feed.evaluate(() => [...document.querySelectorAll('shreddit-post > dpl-paper-badge')].map((host) => host.getAttribute('slot')))).toEqual(['title', 'title']);
  // Each feed post lies under a link the size of the card; its badge is above it: what a click on the badge reaches is the badge.
  expect(await feed.evaluate(() => [...document.querySelectorAll('shreddit-post > dpl-paper-badge')].map((host) => {
    const box = host.getBoundingClientRect();
    const linkBox = host.parentElement!.querySelector('a[slot="full-post-link"]')!.getBoundingClientRect();
    const covered = linkBox.left <= box.left && linkBox.right >= box.right && linkBox.top <= box.top && linkBox.bottom >= box.bottom;
    return covered && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host;
  }))).toEqual([true, true]);

  const old = await context.newPage();
  await old.goto('https://old.reddit.com/r/MachineLearning/');
  await expect.poll(() => siteBadges(old).then((all) => all.map((x) => x.href))).toEqual([hf(a!), hf(b!)]);

  const thread = await context.newPage();
  await thread.goto('https://www.reddit.com/r/MachineLearning/comments/1mfy001/p/');
  await expect.poll(() => siteBadges(thread).then((all) => all.map((x) => x.href))).toEqual([hf(a!), hf(b!)]);

  // The feed keeps loading: 25 batches of 20 posts, each batch badged (the ids the page had not met with the background's answer).
  const batches = Array.from({ length: 25 }, (_, batch) =>
    Array.from({ length: 20 }, (_, i) => {
      const n = 100 + batch * 20 + i;
      // The most recent days only: the oldest fixture day may fall outside the days kept in sync.
      const paper = papers[n % 100]!;
      return `<article>${shredditPost(post(n, `https://arxiv.org/abs/${paper.id}v${1 + (n % 3)}`))}</article>`;
    }).join(''),
  );
  const perBatch = await badgesPerAppendedBatch(feed, 'shreddit-feed', batches, 20);
  expect(perBatch).toEqual(Array.from({ length: 25 }, () => 20));
  expect((await siteBadges(feed)).length).toBe(3 + 500);

  // Each page has whether to show badges and the newest papers' badges (their copy, or asked): every
  // paper these pages and the feed's 500 posts name is among them, so no id is asked about. Never a
  // lookup; nothing sent to HF.
  const requests = await recordedRequests(background);
  expect(requests.every((r) => r.type === 'linkBadges' && r.site === 'reddit' && r.newest === true)).toBe(true);
  expect(idsAsked(requests, 'reddit')).toEqual([]);
  expect(server.log.filter((r) => r.host === 'huggingface.co').length).toBe(hfBefore);

  await switchSite(context, extensionId, 'Reddit', false);
  for (const page of [feed, old, thread]) await expect.poll(() => siteBadges(page).then((all) => all.length)).toBe(0);
  // Off, posts that still arrive get nothing.
  await feed.evaluate((html) => document.querySelector('shreddit-feed')!.insertAdjacentHTML('beforeend', html), batches[0]!);
  await feed.waitForTimeout(300);
  expect(await siteBadges(feed)).toEqual([]);
  await expect.poll(() => registeredScripts(background)).toEqual([]);
  expect(errors).toEqual([]);
});
