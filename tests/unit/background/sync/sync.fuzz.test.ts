/**
 * Property-based fuzzing of the whole sync: after a good first sync, HF answers every later request
 * with something drawn at random — mutated lists, hostile fields, 4xx/5xx, 429s, truncated or empty
 * bodies, network failures. The sync never throws, and no stored paper or piece of the person's state
 * is ever lost or corrupted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PapersDB } from '../../../../lib/shared/db';
import { HfClient } from '../../../../lib/background/hf/client';
import { runSync, type SyncDeps } from '../../../../lib/background/sync/engine';
import { readSyncState } from '../../../../lib/background/sync/state';
import { isHfPaperId } from '../../../../lib/shared/arxiv-id';
import { buildDailyPapers } from '../../../fixtures/hf-data';
import { jsonResponse } from '../../support/builders';
import { FUZZ_RUNS, mutatedAnswer } from '../../support/fuzz-arbitraries';

const START = Date.parse('2026-11-24T09:00:00Z');
const DAYS = 5;

type Answer =
  | { kind: 'list'; items: unknown[] }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'body'; body: string }
  | { kind: 'network' };

const answer: fc.Arbitrary<Answer> = fc.oneof(
  { weight: 4, arbitrary: mutatedAnswer.map((items): Answer => ({ kind: 'list', items })) },
  { weight: 1, arbitrary: fc.constantFrom(400, 403, 404, 500, 502, 503).map((status): Answer => ({ kind: 'status', status })) },
  { weight: 1, arbitrary: fc.nat(120).map((t): Answer => ({ kind: 'status', status: 429, headers: { RateLimit: `"api";r=0;t=${t}` } })) },
  { weight: 1, arbitrary: fc.constantFrom('', '[', '[{"paper":', 'null', '{}', '"x"', '<html>oops</html>').map((body): Answer => ({ kind: 'body', body })) },
  { weight: 1, arbitrary: fc.constant<Answer>({ kind: 'network' }) },
);

function respond(a: Answer): Response {
  switch (a.kind) {
    case 'list':
      return jsonResponse(a.items);
    case 'status':
      return new Response('{"error":"fuzz"}', { status: a.status, headers: a.headers });
    case 'body':
      return new Response(a.body, { status: 200 });
    case 'network':
      throw new TypeError('Failed to fetch');
  }
}

let answersServed = 0;

describe('fuzzing the sync', () => {
  const runs = Math.max(50, Math.round(FUZZ_RUNS / 5));

  it(`${runs} fuzzed sync sequences lose no stored paper and never touch the person's state`, async () => {
    const data = buildDailyPapers(START, { days: DAYS, perDay: 8 });
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), async (answers, syncs) => {
        const db = new PapersDB(`fuzz-${Math.random().toString(36).slice(2)}`);
        let now = START;
        let next = 0;
        let fuzzing = false;
        const fetchFn = async (input: RequestInfo | URL): Promise<Response> => {
          const url = new URL(String(input));
          if (fuzzing) {
            answersServed++;
            return respond(answers[next++ % answers.length]!);
          }
          const items = url.searchParams.get('sort') === 'trending' ? data.trending : (data.days.get(url.searchParams.get('date') ?? '') ?? []);
          return jsonResponse(url.searchParams.get('p') ? [] : items);
        };
        const deps: SyncDeps = {
          db,
          client: new HfClient({ fetch: fetchFn, sleep: async () => {}, now: () => now, retries: 1, maxInlineWaitMs: 30_000 }),
          now: () => now,
          sleep: async () => {},
          backfillDays: DAYS,
          politeDelayMs: 0,
        };
        try {
          expect((await runSync(deps)).ok).toBe(true);
          const ids = await db.papers.toCollection().primaryKeys();
          await db.userState.bulkPut([
            { id: ids[0]!, savedAt: 1 },
            { id: ids[1]!, readAt: 2, notifiedAt: 3 },
          ]);
          const userStateBefore = await db.userState.toArray();

          fuzzing = true;
          for (let s = 0; s < syncs; s++) {
            now += 61 * 60_000;
            const outcome = await runSync(deps, { force: true });
            expect(outcome.done).toBeLessThanOrEqual(outcome.tasks);
            const state = await readSyncState(db);
            expect(state.running).toBe(false);
            if (!outcome.ok) expect(state.lastError?.message).toMatch(/\S/);
          }

          // Nothing lost: every paper of the first sync is still there, and every stored paper is whole.
          const papers = await db.papers.toArray();
          const stored = new Set(papers.map((p) => p.id));
          for (const id of ids) expect(stored.has(id as string)).toBe(true);
          for (const paper of papers) {
            expect(isHfPaperId(paper.id)).toBe(true);
            expect(typeof paper.title).toBe('string');
            expect(paper.title.length).toBeGreaterThan(0);
            expect(Number.isInteger(paper.upvotes)).toBe(true);
            if (paper.githubRepo) expect(paper.githubRepo.startsWith('https://github.com/')).toBe(true);
            if (paper.projectPage) expect(paper.projectPage.startsWith('https://')).toBe(true);
          }
          expect(papers.length).toBeGreaterThanOrEqual(ids.length);
          expect(await db.userState.toArray()).toEqual(userStateBefore);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: runs },
    );
    console.log(`[fuzz] sync: ${answersServed} fuzzed HF answers served`);
  }, 300_000);
});
