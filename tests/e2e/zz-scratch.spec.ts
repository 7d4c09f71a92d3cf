import { link, paperUrl, paragraph, arxivShield, heading, linkList } from '../fixtures/github/markdown';
import { repoHomePage, repoTreePage } from '../fixtures/github/repo-page';
import { expect, test, waitForTodaysPapers, PAPER_REPO } from './github-support';

test('screens', async ({ server, context, openPopup }) => {
  const todays = server.data.days.get(server.data.today)!.map((item) => (item.paper as { id: string }).id);
  await waitForTodaysPapers(openPopup, todays.length);
  const readme = [heading(1, 'Repo'), arxivShield(todays[0]!), paragraph(`Official code of ${link(paperUrl(todays[0]!, 'abs'), 'our paper')} and see ${link(paperUrl(todays[2]!, 'pdf'), 'arXiv:'+todays[2])} for more.`), linkList([{href: paperUrl(todays[4]!, 'html'), text: 'HTML'}])].join('');
  for (const mode of ['light', 'dark'] as const) server.pages.set(`github.com/lens-fixtures/repo-2506-06276-${mode}`, repoHomePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code for a paper', readme, colorMode: mode }));
  server.pages.set('github.com/lens-fixtures/repo-2506-06276/tree/main/src', repoTreePage({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, path: 'src', colorMode: 'dark' }));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const mode of ['light', 'dark']) {
    // meta nwo must match URL: serve under the real path by visiting with a matching url
    server.pages.set(`github.com/${PAPER_REPO}`, server.pages.get(`github.com/lens-fixtures/repo-2506-06276-${mode}`)!);
    await page.goto(`https://github.com/${PAPER_REPO}`);
    await expect(page.locator('dpl-repo-papers')).toHaveCount(1);
    await expect(page.locator('dpl-paper-badge')).toHaveCount(4);
    await page.screenshot({ path: `/tmp/shot-${mode}.png`, fullPage: true });
  }
  await page.goto('https://github.com/lens-fixtures/repo-2506-06276/tree/main/src');
  await expect(page.locator('dpl-repo-papers')).toHaveCount(1);
  await page.screenshot({ path: `/tmp/shot-tree.png` });
});
