/**
 * Page integrity: with the extension's own UI taken out of the flow, an annotated arXiv or GitHub page
 * looks exactly as it does without the extension (no style leaks, no moved or restyled elements);
 * printed, it is the page without the extension, printed (lib/sites/kit/shadow-host.ts `PRINT_RULE`);
 * and the page's own scripts keep working.
 */
import { chromium, type Page } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { htmlPaper } from '../fixtures/arxiv/html-paper';
import { newListingPage } from '../fixtures/arxiv/listing-page';
import { repoHomePage } from '../fixtures/github/repo-page';
import { link, paperUrl, paragraph } from '../fixtures/github/markdown';
import { listingEntry, unknownEntry } from './support/arxiv';
import { CHROMIUM_PATH, expect, test } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';

/** The hosts the extension inserts (every one of its shadow roots hangs off one of these). */
const OUR_HOSTS = 'dpl-paper-card, dpl-paper-badge, dpl-toolbar, dpl-repo-papers';

/** A tiny script of the page's own, as sites have: it must keep working beside the extension. */
const PAGE_SCRIPT = `<script>document.addEventListener('DOMContentLoaded', () => { document.body.dataset.pageScript = 'ran'; document.body.addEventListener('click', () => { document.body.dataset.clicks = String(Number(document.body.dataset.clicks || 0) + 1); }); });</script>`;

async function shot(page: Page, hideOurs: boolean): Promise<Buffer> {
  if (hideOurs) {
    await page.addStyleTag({ content: `${OUR_HOSTS} { display: none !important; }` });
  }
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
}

test('arXiv pages, HTML papers and GitHub pages are pixel-identical without the inserted UI, printed they show none of it, and their own scripts run', async ({ server, context, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  await popup.close();

  const todays = todaysPapers(server.data);
  const star = todays[0]!;
  const withScript = (html: string) => html.replace('</head>', `${PAGE_SCRIPT}</head>`);
  server.pages.set(`arxiv.org/abs/${star.id}`, withScript(absPage({ id: star.id, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] })));
  server.pages.set(`arxiv.org/html/${star.id}v1`, withScript(htmlPaper({ id: star.id, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] })));
  server.pages.set('arxiv.org/list/cs.CV/new', withScript(newListingPage({
    category: 'cs.CV', categoryName: 'Computer Vision and Pattern Recognition', announced: 'Friday, 6 June 2025',
    newSubmissions: [...todays.slice(0, 6).map(listingEntry), unknownEntry(1)], crossLists: [listingEntry(todays[7]!)], replacements: [],
  })));
  const repo = new URL(star.githubRepo!).pathname.slice(1);
  const [owner, name] = repo.split('/') as [string, string];
  server.pages.set(`github.com/${repo}`, withScript(repoHomePage({
    repository: { owner, name }, description: 'Code for a paper',
    readme: paragraph(todays.slice(0, 5).map((p) => link(paperUrl(p.id, 'abs'), p.title)).join(' ')),
  })));

  const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-first-run', '--disable-quic', ...server.chromiumArgs()] });
  try {
    for (const url of [`https://arxiv.org/abs/${star.id}`, `https://arxiv.org/html/${star.id}v1`, 'https://arxiv.org/list/cs.CV/new', `https://github.com/${repo}`]) {
      const without = await plain.newPage();
      await without.goto(url);
      const annotated = await context.newPage();
      const errors: Error[] = [];
      annotated.on('pageerror', (error) => errors.push(error));
      await annotated.goto(url);
      await expect(annotated.locator(OUR_HOSTS).first()).toBeVisible();
      await annotated.waitForTimeout(500);
      // Printed (or saved as a PDF), the page is the site's alone: the same as printed without the extension.
      await without.emulateMedia({ media: 'print' });
      await annotated.emulateMedia({ media: 'print' });
      const printed = await shot(annotated, false);
      expect(printed.equals(await shot(without, false)), `${url}: printed, the page shows the extension's UI`).toBe(true);
      await without.emulateMedia({ media: 'screen' });
      await annotated.emulateMedia({ media: 'screen' });
      await expect(annotated.locator(OUR_HOSTS).first()).toBeVisible();
      const actual = await shot(annotated, true);
      expect(actual.equals(await shot(without, false)), `${url}: the page looks different outside the extension's UI`).toBe(true);
      // The page's own script ran, and still handles its events.
      await expect(annotated.locator('body')).toHaveAttribute('data-page-script', 'ran');
      await annotated.mouse.click(5, 5);
      await expect(annotated.locator('body')).toHaveAttribute('data-clicks', '1');
      expect(errors).toEqual([]);
      await without.close();
      await annotated.close();
    }
  } finally {
    await plain.close();
  }
});
