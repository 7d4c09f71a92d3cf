import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ENTRIES, parseSavedPapersFile, savedPapersFile, SAVED_PAPERS_FORMAT } from '../../../lib/shared/saved-papers-file';
import type { Paper } from '../../../lib/shared/paper';
import { makePaper } from '../support/builders';

const SAVED = Date.parse('2025-06-10T08:00:00Z');
const READ = Date.parse('2025-06-10T09:30:00Z');

function file(papers: unknown[]): string {
  return JSON.stringify({ format: SAVED_PAPERS_FORMAT, version: 1, papers });
}

describe('saved papers JSON', () => {
  it('reads back what Export writes: the marks, and the row that lists each paper', () => {
    const paper = makePaper({ aiKeywords: ['flows'], organization: { name: 'apple', fullname: 'Apple' }, projectPage: 'https://example.org/p' });
    const text = savedPapersFile([{ paper, savedAt: SAVED, readAt: READ }, { paper: makePaper({ id: '2506.00001' }), savedAt: SAVED }], READ);
    // Export writes what is stored (for the person's own use).
    expect(JSON.parse(text).papers[0]).toMatchObject({ githubRepo: 'https://github.com/apple/ml-starflow', projectPage: 'https://example.org/p', aiKeywords: ['flows'] });
    const row = (p: Paper) => ({ id: p.id, title: p.title, authors: p.authors, summary: p.summary, upvotes: p.upvotes, fetchedAt: 0 });
    expect(parseSavedPapersFile(text)).toEqual({
      ok: true,
      skipped: 0,
      entries: [
        { paper: row(paper), savedAt: SAVED, readAt: READ },
        { paper: row(makePaper({ id: '2506.00001' })), savedAt: SAVED },
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
    // The texts Import reads are cleaned; the others (summary, keywords, organization) are not read at all.
    expect(parsed.ok && parsed.entries[0]!.paper).toEqual({
      id: '2506.06276',
      title: 'Flows at scale',
      authors: ['Ada Lovelace', 'Grace Hopper'],
      summary: 'One\n\tTwo\n',
      upvotes: 0,
      fetchedAt: 0,
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

  it('reads no link, repository, summary or day from a file: those are HF’s, never the file’s', () => {
    const parsed = parseSavedPapersFile(
      file([
        {
          id: '2506.06276',
          title: '<img src=x onerror=alert(1)>',
          savedAt: '2025-06-10T08:00:00Z',
          githubRepo: 'https://github.com/attacker/lure',
          projectPage: 'https://attacker.example/',
          aiSummary: 'Forged.',
          aiKeywords: ['forged'],
          organization: { name: 'attacker' },
          dailyDate: '2025-06-09',
          numComments: 99,
          withdrawnAt: '2025-06-10T00:00:00Z',
          upvotes: -3,
        },
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      skipped: 0,
      entries: [{ paper: { id: '2506.06276', title: '<img src=x onerror=alert(1)>', authors: [], summary: '', upvotes: 0, fetchedAt: 0 }, savedAt: SAVED }],
    });
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
