/**
 * Realistic HF answers and stored papers for unit tests, built from the real titles and abstracts of
 * the saved Daily Papers search page (tests/fixtures/seed-papers.json).
 */
import { afterEach, beforeEach } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import type { Paper } from '../../../lib/shared/paper';
import seed from '../../fixtures/seed-papers.json' with { type: 'json' };
import type { SeedPaper } from '../../fixtures/hf-data';

/** Real titles and abstracts (the fixtures the e2e tests use too), as HF names them. */
export const SEED_PAPERS = (seed as SeedPaper[]).map(({ title, abstract }) => ({ title, summary: abstract }));

/** STARFlow's real arXiv id and repository, as in hf-api.md. */
export const STARFLOW_ID = '2506.06276';

/** A valid new-style arXiv id, distinct for each (day, index) pair, index below 1000. */
export function paperIdFor(date: string, index: number): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${year.slice(2)}${month}.${String(Number(day) * 1000 + index).padStart(5, '0')}`;
}

type Json = Record<string, unknown>;

/** A paper object as HF sends it (`/api/papers/{id}` or `paper` in a daily item). */
export function rawPaper(overrides: Json = {}, seedIndex = 0): Json {
  const { title, summary } = SEED_PAPERS[seedIndex % SEED_PAPERS.length]!;
  return {
    id: STARFLOW_ID,
    authors: [
      { _id: '6844a1', name: 'Jiatao Gu', hidden: false },
      { _id: '6844a2', name: 'Tianrong Chen', hidden: false, user: { _id: 'u1', user: 'thomasc' } },
    ],
    publishedAt: '2025-06-06T17:58:39.000Z',
    submittedOnDailyAt: '2025-06-09T01:32:01.428Z',
    title,
    summary,
    upvotes: 21,
    discussionId: '6846b1b8c1a8e5b8f7f2a1d3',
    ai_summary: 'A normalizing-flow image model that scales to high resolutions.',
    ai_keywords: ['normalizing flows', 'autoregressive transformer'],
    githubRepo: 'https://github.com/apple/ml-starflow',
    githubStars: 102,
    submittedOnDailyBy: { _id: 'u2', name: 'akhaliq', fullname: 'AK', avatarUrl: 'https://cdn-avatars.huggingface.co/a.png' },
    ...overrides,
  };
}

/** One element of `/api/daily_papers`. */
export function dailyItem(paperOverrides: Json = {}, itemOverrides: Json = {}, seedIndex = 0): Json {
  const paper = rawPaper(paperOverrides, seedIndex);
  return {
    paper,
    publishedAt: paper.publishedAt,
    title: paper.title,
    summary: paper.summary,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${String(paper.id)}.png`,
    numComments: 3,
    submittedBy: { _id: 'u2', name: 'akhaliq', fullname: 'AK', isPro: true, type: 'user' },
    isAuthorParticipating: false,
    ...itemOverrides,
  };
}

/** A whole day's list: `count` distinct papers submitted that day, most upvoted first. */
export function dayItems(date: string, count: number): Json[] {
  return Array.from({ length: count }, (_, i) =>
    dailyItem(
      {
        id: paperIdFor(date, i),
        upvotes: Math.max(0, 120 - i),
        submittedOnDailyAt: `${date}T0${i % 10}:15:00.000Z`,
        githubRepo: i % 2 === 0 ? `https://github.com/lab-${i}/repo-${i}` : undefined,
      },
      { numComments: i % 4 },
      i,
    ),
  );
}

/** A paper as stored by the extension. */
export function makePaper(overrides: Partial<Paper> = {}): Paper {
  const { title, summary } = SEED_PAPERS[0]!;
  return {
    id: STARFLOW_ID,
    title,
    summary,
    authors: ['Jiatao Gu', 'Tianrong Chen'],
    upvotes: 21,
    numComments: 3,
    dailyDate: '2025-06-09',
    publishedAt: '2025-06-06T17:58:39.000Z',
    githubRepo: 'https://github.com/apple/ml-starflow',
    githubRepoKey: 'apple/ml-starflow',
    githubStars: 102,
    fetchedAt: Date.parse('2025-06-09T12:00:00Z'),
    ...overrides,
  };
}

/** A JSON answer. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

/** A fresh, uniquely named database for each test, deleted after it. */
export function useTestDb(): () => PapersDB {
  let db: PapersDB | undefined;
  beforeEach(() => {
    db = new PapersDB(`test-${Math.random().toString(36).slice(2)}`);
  });
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });
  return () => {
    if (!db) throw new Error('the test database is only open inside a test');
    return db;
  };
}

/** A clock the test moves by hand, and a `sleep` that only records what it was asked to wait. */
export function fakeTime(start: string | number) {
  let time = typeof start === 'number' ? start : Date.parse(start);
  const waits: number[] = [];
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The senders the browser names (`runtime.MessageSender`), for the extension `ownId`. */
export const senders = (ownId: string) => ({
  ownOrigin: `chrome-extension://${ownId}/`,
  popup: { id: ownId, url: `chrome-extension://${ownId}/popup.html`, origin: `chrome-extension://${ownId}` },
  /** The options page, which may sit in a tab (the browser then also names the tab). */
  optionsTab: { id: ownId, url: `chrome-extension://${ownId}/options.html#data`, origin: `chrome-extension://${ownId}` },
  /** Firefox names no origin. */
  firefoxPopup: { id: ownId, url: `moz-extension://${ownId}/popup.html` },
  /** Our own content script, in a web page: our extension id, the page's URL and origin. */
  contentScript: (url = `https://arxiv.org/abs/${STARFLOW_ID}`) => ({ id: ownId, url, origin: new URL(url).origin }),
});
