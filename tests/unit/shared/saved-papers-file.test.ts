import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ENTRIES, parseSavedPapersFile, savedPapersFile, SAVED_PAPERS_FORMAT } from '../../../lib/shared/saved-papers-file';
import { makePaper } from '../support/builders';

const SAVED = Date.parse('2025-06-10T08:00:00Z');
const READ = Date.parse('2025-06-10T09:30:00Z');

function file(papers: unknown[]): string {
  return JSON.stringify({ format: SAVED_PAPERS_FORMAT, version: 1, papers });
}

describe('saved papers JSON', () => {
  it('round-trips what Export writes', () => {
    const paper = makePaper({ aiKeywords: ['flows'], organization: { name: 'apple', fullname: 'Apple' }, projectPage: 'https://example.org/p' });
    const text = savedPapersFile([{ paper, savedAt: SAVED, readAt: READ }, { paper: makePaper({ id: '2506.00001' }), savedAt: SAVED }], READ);
    const parsed = parseSavedPapersFile(text);
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      entries: [
        { paper: { ...paper, fetchedAt: 0 }, savedAt: SAVED, readAt: READ },
        { paper: { ...makePaper({ id: '2506.00001' }), fetchedAt: 0 }, savedAt: SAVED },
      ],
    });
    expect(JSON.parse(text).exportedAt).toBe('2025-06-10T09:30:00.000Z');
  });

  it('leaves the extension’s own bookkeeping out of the file', () => {
    const paper = makePaper({ firstSeen: { at: 1, upvotes: 2 } });
    const [written] = JSON.parse(savedPapersFile([{ paper, savedAt: SAVED }], READ)).papers as Record<string, unknown>[];
    expect(written).not.toHaveProperty('firstSeen');
    expect(written).not.toHaveProperty('fetchedAt');
  });

  it('strips bidi and control characters from every text an imported file brings', () => {
    const parsed = parseSavedPapersFile(
      file([
        {
          id: '2506.06276',
          title: '\u202EFlows\u0000 at scale',
          authors: ['Ada\u200F Lovelace', '\u2066Grace\u2069 Hopper'],
          summary: 'One\u0007\n\tTwo\r\n',
          aiSummary: 'Short\u202D\nsummary',
          aiKeywords: ['flo\u0085ws'],
          organization: { name: 'org\u061C', fullname: 'Org\u009B Inc' },
          savedAt: '2025-06-10T08:00:00Z',
        },
        { id: '2506.00002', title: '\u202E\u0000', savedAt: '2025-06-10T08:00:00Z' },
      ]),
    );
    expect(parsed.ok && parsed.skipped).toBe(1);
    expect(parsed.ok && parsed.entries[0]!.paper).toMatchObject({
      title: 'Flows at scale',
      authors: ['Ada Lovelace', 'Grace Hopper'],
      summary: 'One\n\tTwo\n',
      aiSummary: 'Short summary',
      aiKeywords: ['flows'],
      organization: { name: 'org', fullname: 'Org Inc' },
    });
  });

  it('skips and counts bad entries, keeps the good ones', () => {
    const good = { id: '2506.06276', title: 'Good', authors: ['A B'], savedAt: '2025-06-10T08:00:00Z' };
    const parsed = parseSavedPapersFile(
      file([
        good,
        { ...good, id: 'hep-th/9901001' },
        { ...good, id: '2506.00002', title: '' },
        { ...good, id: '2506.00003', savedAt: 'yesterday' },
        null,
        'junk',
        good,
      ]),
    );
    expect(parsed.ok && parsed.entries.map((e) => e.paper.id)).toEqual(['2506.06276']);
    expect(parsed.ok && parsed.skipped).toBe(6);
  });

  it('drops unsafe links and wrong optional fields without losing the paper', () => {
    const parsed = parseSavedPapersFile(
      file([{ id: '2506.06276', title: '<img src=x onerror=alert(1)>', savedAt: '2025-06-10T08:00:00Z', githubRepo: 'javascript:alert(1)', projectPage: 'http://plain.example', upvotes: -3, dailyDate: '2025-02-30' }]),
    );
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      entries: [{ paper: { id: '2506.06276', title: '<img src=x onerror=alert(1)>', authors: [], summary: '', upvotes: 0, fetchedAt: 0 }, savedAt: SAVED }],
    });
  });

  it('keeps a GitHub link checked, with its matching key', () => {
    const parsed = parseSavedPapersFile(file([{ id: '2506.06276', title: 'T', savedAt: '2025-06-10T08:00:00Z', githubRepo: 'https://github.com/Apple/ml-starflow/tree/main' }]));
    expect(parsed.ok && parsed.entries[0]!.paper).toMatchObject({ githubRepo: 'https://github.com/Apple/ml-starflow', githubRepoKey: 'apple/ml-starflow' });
  });

  it('refuses what is not our file, with a clear answer', () => {
    for (const text of ['not json', '[]', JSON.stringify({ format: 'other', version: 1, papers: [] }), JSON.stringify({ format: SAVED_PAPERS_FORMAT, version: 2, papers: [] })]) {
      const parsed = parseSavedPapersFile(text);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error).toMatch(/JSON|not a Daily Papers Lens export/);
    }
    const tooMany = parseSavedPapersFile(file(Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, () => ({}))));
    expect(!tooMany.ok && tooMany.error).toContain('more than 10,000 papers');
  });
});
