/**
 * The arXiv card's linked part (#16): the card first, as fast as before (DOMContentLoaded → card), and
 * the models, datasets and Spaces after it — card → totals shown, with the paper's linked lists already
 * cached (warm: a day's cache) and not (cold: the cache row deleted before the visit, so the worker asks
 * the fixture HF). Medians of interleaved visits against the built extension.
 */
import { loadavg } from 'node:os';
import type { Page, Worker } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { STARFLOW_DETAILS } from '../fixtures/hf-paper-details';
import { test } from '../e2e/support/extension-test';
import { fixturePapers } from '../e2e/support/fixture-papers';
import { waitForSync } from '../e2e/support/sync';
import { DB_NAME } from '../e2e/support/extension-db';
import { PAPER_LINKS_KEY_PREFIX } from '../../lib/shared/storage-keys';
import { medianFigure, recordFigures, type Figure } from './support/figures';

const RUNS = 9;
const ID = STARFLOW_DETAILS.id;

interface Visit {
  dcl: number;
  card: number;
  linked: number;
}

/** In the page's world: DOMContentLoaded, the card host in the DOM, the linked totals in its open shadow root. */
async function watchCard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __card: Partial<Visit> };
    w.__card = {};
    const poll = () => {
      const host = document.querySelector('dpl-paper-card');
      if (host && w.__card.card === undefined) w.__card.card = performance.now();
      if (host?.shadowRoot?.querySelector('.dpl-linked')) {
        w.__card.linked = performance.now();
        return;
      }
      requestAnimationFrame(poll);
    };
    document.addEventListener('DOMContentLoaded', () => {
      w.__card.dcl = performance.now();
      new MutationObserver((_, observer) => {
        if (document.querySelector('dpl-paper-card') && w.__card.card === undefined) {
          w.__card.card = performance.now();
          observer.disconnect();
        }
      }).observe(document.documentElement, { childList: true, subtree: true });
      poll();
    });
  });
}

async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __card: Partial<Visit> }).__card.linked !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { __card: Visit }).__card);
}

/** Deletes the paper's cached linked lists in the extension's database (the worker then asks HF). */
function forgetLinks(background: Worker, key: string): Promise<void> {
  return background.evaluate(
    ({ db, key }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').delete(key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db: DB_NAME, key },
  );
}

test("arXiv card's linked models, datasets and Spaces", async ({ server, context, background }) => {
  test.setTimeout(300_000);
  const loadBefore = loadavg()[0]!;
  await waitForSync(background);
  const star = fixturePapers(server.data).find((p) => p.id === ID)!;
  server.extraPapers.set(ID, { ...STARFLOW_DETAILS });
  server.pages.set(`arxiv.org/abs/${ID}`, absPage({ id: ID, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] }));
  const url = `https://arxiv.org/abs/${ID}`;
  const page = await context.newPage();
  await watchCard(page);
  await visit(page, url);
  const warm: Visit[] = [];
  const cold: Visit[] = [];
  for (let i = 0; i < RUNS; i++) {
    warm.push(await visit(page, url));
    await forgetLinks(background, `${PAPER_LINKS_KEY_PREFIX}${ID}`);
    cold.push(await visit(page, url));
  }
  const figure = (measure: string, values: number[], target?: number): Figure => medianFigure(measure, values, 'ms', target);
  recordFigures("arXiv card's linked part", [
    figure('abstract page: DOMContentLoaded → card in the DOM (the linked part does not hold it)', [...warm, ...cold].map((v) => v.card - v.dcl), 30),
    figure('card → models, datasets and Spaces shown, cached (warm)', warm.map((v) => v.linked - v.card)),
    figure('card → models, datasets and Spaces shown, not cached (cold: asked of HF, a local fixture here)', cold.map((v) => v.linked - v.card)),
    { measure: 'machine load average (1 min) at start / end of the run', value: loadBefore, unit: `/ ${loadavg()[0]!.toFixed(2)} (2 cores)` },
  ]);
});
