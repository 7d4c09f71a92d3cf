/**
 * Hostile API content: every text and URL field of today's papers carries an XSS payload. Wherever the
 * extension shows them — popup, arXiv and GitHub pages, notifications — they stay text: no element,
 * handler or link is made from them, and only https: links leave the extension's hands.
 */
import type { Page, Worker } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { buildDailyPapers } from '../fixtures/hf-data';
import { makeHostile } from '../fixtures/hostile/hostile-papers';
import { HOSTILE_TEXT } from '../fixtures/hostile/payloads';
import { repoHomePage } from '../fixtures/github/repo-page';
import { link, paperUrl, paragraph } from '../fixtures/github/markdown';
import { auditDom } from './support/dom-audit';
import { collectPageErrors, expect, test as base } from './support/extension-test';
import { FixtureServer } from './support/fixture-server';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

const test = base.extend({
  server: async ({}, use) => {
    const data = buildDailyPapers(Date.now());
    data.days.set(data.today, makeHostile(data.days.get(data.today)!));
    data.trending = data.days.get(data.today)!.slice(0, 10);
    const server = new FixtureServer(data);
    await server.start();
    await use(server);
    await server.stop();
  },
});

type Item = { paper: { id: string; title: string; summary: string; githubRepo?: string } };

async function expectClean(page: Page, uiSelector: string): Promise<void> {
  const audit = await auditDom(page, uiSelector);
  expect(audit.pwned, 'a payload ran').toBe(false);
  expect(audit.handlers).toEqual([]);
  expect(audit.injected).toEqual([]);
  expect(audit.badLinks).toEqual([]);
}

async function recordNotifications(background: Worker): Promise<() => Promise<{ title: string; message: string; iconUrl: string }[]>> {
  await background.evaluate(() => {
    const scope = self as unknown as { shown: unknown[] };
    scope.shown = [];
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
    (chrome.notifications as unknown as { create: unknown }).create = (...args: unknown[]) => {
      scope.shown.push(args[1]);
      return create(...args);
    };
  });
  return () => background.evaluate(() => (self as unknown as { shown: { title: string; message: string; iconUrl: string }[] }).shown);
}

test('hostile titles, summaries, names and URLs stay text in the popup, on arXiv and GitHub pages, and in notifications', async ({ server, context, background, openPopup, extensionId }) => {
  const shown = await recordNotifications(background);
  const todays = server.data.days.get(server.data.today)! as Item[];

  // Popup: the hostile titles are there, as text.
  const popup = await openPopup();
  const popupErrors = collectPageErrors(popup);
  await expect(popup.getByText(HOSTILE_TEXT[0]!, { exact: false }).first()).toBeVisible();
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 60_000 });
  await expectClean(popup, 'body');
  for (const href of await popup.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))) {
    expect(href, href).toMatch(/^(https:\/\/|chrome-extension:\/\/)/);
  }
  expect(popupErrors).toEqual([]);

  // arXiv abstract page of a hostile paper.
  const target = todays[0]!.paper;
  server.pages.set(`arxiv.org/abs/${target.id}`, absPage({ id: target.id, title: 'A paper', abstract: 'Abstract.', authors: ['A. Author'] }));
  const abs = await context.newPage();
  const absErrors = collectPageErrors(abs);
  await abs.goto(`https://arxiv.org/abs/${target.id}`);
  await expect(abs.getByTestId('dpl-badge').first()).toBeVisible();
  await abs.waitForTimeout(300);
  await expectClean(abs, 'daily-papers-lens, [data-dpl], dpl-paper-badge, dpl-card');
  expect(absErrors).toEqual([]);

  // GitHub: the repository of a hostile paper, and a README citing every hostile paper.
  const repoPaper = todays.find((item, i) => i % 2 === 0 && item.paper.githubRepo)!.paper;
  const [owner, name] = new URL(repoPaper.githubRepo!).pathname.slice(1).split('/') as [string, string];
  const readme = paragraph(todays.map((item) => link(paperUrl(item.paper.id, 'abs'), 'paper')).join(' '));
  server.pages.set(`github.com/${owner}/${name}`, repoHomePage({ repository: { owner, name }, description: 'Code', readme }));
  const gh = await context.newPage();
  const ghErrors = collectPageErrors(gh);
  await gh.goto(`https://github.com/${owner}/${name}`);
  await expect(gh.getByTestId('dpl-repo-papers')).toHaveCount(1);
  await expect(gh.locator('dpl-paper-badge')).toHaveCount(todays.length);
  await expectClean(gh, 'dpl-repo-papers, dpl-paper-badge');
  await expect(gh.getByTestId('dpl-repo-papers')).toContainText(HOSTILE_TEXT[0]!);
  expect(ghErrors).toEqual([]);

  // Notifications: the digest names hostile titles as plain text, with the extension's own icon.
  await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  for (const notification of await shown()) {
    expect(notification.iconUrl).toBe(`chrome-extension://${extensionId}/icon/128.png`);
    expect(`${notification.title} ${notification.message}`).toMatch(/<img|<script|<svg|onerror|javascript:|\{\{/);
  }
});
