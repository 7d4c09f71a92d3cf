/**
 * The pictures of the sites a person turns on later (Hacker News, Google Scholar), as the store and
 * README show them: the built extension with the site switched on from the options page (its host
 * granted beforehand through the test profile: a permission prompt cannot be clicked here), the fixture
 * pages modelled on the real ones, and a few rules standing in for the sites' own look (site-looks.ts).
 */
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { hnFrontPage, type HnStory } from '../fixtures/hackernews/pages';
import { scholarResultsPage, type ScholarResult } from '../fixtures/scholar/results-page';
import { expect, originsOf, switchSite, test } from '../e2e/support/sites';
import { waitForSync } from '../e2e/support/sync';
import type { FixtureServer } from '../e2e/support/fixture-server';
import { HACKER_NEWS_LOOK, SCHOLAR_LOOK } from './site-looks';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

test.use({ grantedOrigins: originsOf('hackernews', 'scholar'), dailyPapers: { days: 3, perDay: 6 } });

interface FixturePaper {
  id: string;
  title: string;
}

const todays = (data: FixtureServer['data']) => data.days.get(data.today)!.map((item) => item.paper as FixturePaper);

async function lightPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return page;
}

/** Switches the site on from the options page, opens `url` in a light page with the site's look, waits for its badges and shoots it. */
async function shootSite(context: BrowserContext, extensionId: string, shot: { site: string; url: string; look: string; badges: number; name: string }): Promise<void> {
  await switchSite(context, extensionId, shot.site, true);
  const page = await lightPage(context);
  await page.goto(shot.url);
  await page.addStyleTag({ content: shot.look });
  await expect(page.locator('dpl-paper-badge')).toHaveCount(shot.badges);
  await page.screenshot({ path: join(OUT, `${shot.name}.png`), animations: 'disabled', caret: 'hide' });
}

test('Hacker News front page (light)', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const [a, b, c] = todays(server.data);
  const stories: HnStory[] = [
    { id: 49_230_201, title: a!.title, url: `https://arxiv.org/abs/${a!.id}`, site: 'arxiv.org', points: 212, by: 'flowfan', ageSeconds: 10_800, comments: 64 },
    { id: 49_230_202, title: 'A weekend with a 1987 plotter', url: 'https://plotter-notes.example.org/weekend', site: 'example.org', points: 98, by: 'penup', ageSeconds: 14_400, comments: 22 },
    { id: 49_230_203, title: `${b!.title} [pdf]`, url: `https://arxiv.org/pdf/${b!.id}v2`, site: 'arxiv.org', points: 57, by: 'scalewise', ageSeconds: 5_400, comments: 9 },
    { id: 49_230_204, title: 'Show HN: A tiny reader for model cards', url: 'https://github.com/fixture-user/card-reader', site: 'github.com/fixture-user', points: 31, by: 'cardreader', ageSeconds: 3_000, comments: 0 },
    { id: 49_230_205, title: c!.title, url: `https://huggingface.co/papers/${c!.id}`, site: 'huggingface.co', points: 44, by: 'mtpreader', ageSeconds: 20_000, comments: 12 },
    { id: 49_230_206, title: 'Ask HN: How do you keep up with new papers?', by: 'asker', points: 120, ageSeconds: 30_000, comments: 153 },
  ];
  server.pages.set('news.ycombinator.com/news', hnFrontPage({ stories }));
  await shootSite(context, extensionId, { site: 'Hacker News', url: 'https://news.ycombinator.com/news', look: HACKER_NEWS_LOOK, badges: 3, name: 'hackernews-light' });
});

test('Google Scholar results (light)', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  const [a, b, c] = todays(server.data);
  const base = { authors: [{ name: 'J Gu', linked: true }, { name: 'T Chen' }, { name: 'D Berthelot' }], moreAuthors: true, year: 2025 };
  const results: ScholarResult[] = [
    { ...base, cid: 'FxShotArxiv1', title: a!.title, titleHref: `https://arxiv.org/abs/${a!.id}`, sourceHost: 'arxiv.org', venue: 'arXiv preprint', citedBy: 41, versions: 3, snippet: 'We present a scalable approach that makes the model simple to train and fast to sample from …', sideLink: { href: `https://arxiv.org/pdf/${a!.id}`, type: 'PDF', host: 'arxiv.org' } },
    { ...base, cid: 'FxShotPublsh', title: 'Cartography of Small Inland Lakes from Historical Survey Maps', titleHref: 'https://publisher.example.org/lakes', sourceHost: 'example.org', venue: 'Journal of Old Maps', citedBy: 3, snippet: 'Not a paper HF lists: no badge.' },
    { ...base, cid: 'FxShotSide01', title: b!.title, titleHref: 'https://proceedings.example.org/paper/1', sourceHost: 'proceedings.example.org', venue: 'Advances in Neural Information Processing Systems', citedBy: 17, versions: 4, snippet: 'Published at a conference; its arXiv version is the side link.', sideLink: { href: `https://arxiv.org/pdf/${b!.id}v2`, type: 'PDF', host: 'arxiv.org' } },
    { ...base, cid: 'FxShotTitle1', title: `${c!.title.toUpperCase().slice(0, 60)} …`, titleHref: 'https://openreview.net/forum?id=FxShot', sourceHost: 'openreview.net', venue: 'ICLR', snippet: 'Found by its title: Scholar shows it in capitals and cut.' },
  ];
  server.pages.set('scholar.google.com/scholar', scholarResultsPage({ query: 'latent flows', results }));
  await shootSite(context, extensionId, { site: 'Google Scholar', url: 'https://scholar.google.com/scholar?q=latent+flows&hl=en', look: SCHOLAR_LOOK, badges: 3, name: 'scholar-light' });
});
