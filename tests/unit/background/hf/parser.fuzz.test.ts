/**
 * Property-based fuzzing of the HF edge: generated and mutated answers through the parser. Never a
 * crash, every item either kept (and then valid) or counted as dropped. FUZZ_RUNS raises the count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHfPaperId } from '../../../../lib/shared/arxiv-id';
import { MalformedAnswerError, parseDailyItems, parsePaperObject } from '../../../../lib/background/hf/schemas';
import { HOSTILE_TEXT, HOSTILE_URLS } from '../../../fixtures/hostile/payloads';
import { dailyItem } from '../../support/builders';
import { FUZZ_RUNS, mutatedAnswer } from '../../support/fuzz-arbitraries';
import type { Paper } from '../../../../lib/shared/paper';
import { plainLine, plainLines } from '../../../../lib/shared/plain-text';

/** What no kept text may carry: bidi controls, and C0/C1 controls (line breaks and tabs only in the abstract). */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\t\n\r]/;

let answersTried = 0;

function checkPaper(paper: Paper): void {
  expect(isHfPaperId(paper.id)).toBe(true);
  expect(typeof paper.title).toBe('string');
  expect(typeof paper.summary).toBe('string');
  expect(Number.isInteger(paper.upvotes) && paper.upvotes >= 0).toBe(true);
  expect(Array.isArray(paper.authors) && paper.authors.every((a) => typeof a === 'string')).toBe(true);
  for (const url of [paper.githubRepo, paper.projectPage]) {
    if (url !== undefined) expect(new URL(url).protocol).toBe('https:');
  }
  if (paper.githubRepo) expect(paper.githubRepo).toMatch(/^https:\/\/github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);
  if (paper.githubRepoKey) expect(paper.githubRepoKey).toBe(paper.githubRepoKey.toLowerCase());
  if (paper.dailyDate) expect(paper.dailyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const oneLine = [paper.title, paper.aiSummary, ...paper.authors, ...(paper.aiKeywords ?? []), paper.organization?.name, paper.organization?.fullname];
  for (const text of oneLine) if (text !== undefined) expect(text).not.toMatch(new RegExp(`${INVISIBLE.source}|${LINE_BREAK.source}`));
  expect(paper.summary).not.toMatch(INVISIBLE);
  expect(paper.summary).not.toContain('\r');
}

describe('fuzzing the HF edge', () => {
  it(`parses ${FUZZ_RUNS} mutated day answers: no crash, kept + dropped = sent, kept papers valid`, () => {
    fc.assert(
      fc.property(mutatedAnswer, (answer) => {
        answersTried++;
        const { papers, dropped } = parseDailyItems(JSON.parse(JSON.stringify(answer)) as unknown, 0);
        expect(papers.length + dropped).toBe(answer.length);
        papers.forEach(checkPaper);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);

  it(`parses ${FUZZ_RUNS} arbitrary JSON answers: a list is parsed item by item, anything else refused cleanly`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        answersTried++;
        if (Array.isArray(json)) {
          const { papers, dropped } = parseDailyItems(json, 0);
          expect(papers.length + dropped).toBe(json.length);
        } else {
          expect(() => parseDailyItems(json, 0)).toThrow(MalformedAnswerError);
        }
        try {
          checkPaper(parsePaperObject(json, 0));
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedAnswerError);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    console.log(`[fuzz] parser: ${answersTried} answers tried`);
  }, 120_000);

  it('keeps hostile text as text (without its invisible characters), and never keeps a hostile URL', () => {
    for (const text of HOSTILE_TEXT) {
      const { papers } = parseDailyItems([dailyItem({ title: text, summary: text, ai_summary: text })], 0);
      expect(papers[0]?.title).toBe(plainLine(text));
      expect(papers[0]?.summary).toBe(plainLines(text));
      expect(papers[0]?.aiSummary).toBe(plainLine(text));
      checkPaper(papers[0]!);
    }
    for (const url of HOSTILE_URLS) {
      const { papers } = parseDailyItems([dailyItem({ githubRepo: url, projectPage: url })], 0);
      expect(papers[0]?.githubRepo, url).toBeUndefined();
      if (papers[0]?.projectPage) expect(papers[0].projectPage.startsWith('https://')).toBe(true);
    }
  });
});
