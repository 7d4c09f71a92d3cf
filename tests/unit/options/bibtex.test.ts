/** The BibTeX export, read back with an independent BibTeX parser (the `bibtex` package). */
import bibtex from 'bibtex';
import { describe, expect, it } from 'vitest';
import { arxivYear, citationKey, escapeBibtex, toBibtex } from '../../../lib/options/bibtex';
import { makePaper, SEED_PAPERS } from '../support/builders';

const { parseBibFile, normalizeFieldValue } = bibtex;

function field(file: ReturnType<typeof parseBibFile>, key: string, name: string): string {
  return String(normalizeFieldValue(file.getEntry(key)!.getField(name)));
}

describe('toBibtex', () => {
  const starflow = makePaper({ title: SEED_PAPERS[0]!.title, authors: ['Jiatao Gu', 'Tianrong Chen'] });

  it('writes one @misc arXiv entry per paper that a BibTeX parser reads back', () => {
    const second = makePaper({ id: '2511.10203', title: 'The Art of Scaling', authors: ['Zoë Ångström'] });
    const file = parseBibFile(toBibtex([starflow, second]));
    expect(Object.keys(file.entries$)).toEqual(['gu2025starflow', 'angstrom2025art']);
    const entry = file.getEntry('gu2025starflow')!;
    expect(entry.type).toBe('misc');
    expect(field(file, 'gu2025starflow', 'title')).toBe(starflow.title);
    expect(field(file, 'gu2025starflow', 'year')).toBe('2025');
    expect(field(file, 'gu2025starflow', 'eprint')).toBe('2506.06276');
    expect(field(file, 'gu2025starflow', 'archivePrefix')).toBe('arXiv');
    expect(field(file, 'gu2025starflow', 'url')).toBe('https://arxiv.org/abs/2506.06276');
    const authors = (entry.getAuthors() as { authors$: { lastNames: string[]; firstNames: string[] }[] }).authors$;
    expect(authors.map((a) => [a.firstNames.join(' '), a.lastNames.join(' ')])).toEqual([
      ['Jiatao', 'Gu'],
      ['Tianrong', 'Chen'],
    ]);
  });

  it('keeps hostile and TeX-special text from breaking the file', () => {
    const hostile = makePaper({
      id: '2506.00001',
      title: '<img src=x onerror=alert(1)> 100% {unbalanced $x_1^2$ & #tags ~ \\input{/etc/passwd}',
      // (No "@": BibTeX takes it inside a value, the `bibtex` package does not.)
      authors: ['Smith, Jr.', 'Tom and Jerry', 'A} }misc{evil,'],
    });
    const text = toBibtex([hostile, starflow]);
    expect(text.match(/^@/gm)).toHaveLength(2);
    const file = parseBibFile(text);
    expect(Object.keys(file.entries$)).toEqual(['jr2025img', 'gu2025starflow']);
    expect(text).not.toContain('\\input{');
    const authors = (file.getEntry('jr2025img')!.getAuthors() as { authors$: unknown[] }).authors$;
    expect(authors).toHaveLength(3);
  });

  it('makes keys unique and valid', () => {
    const file = parseBibFile(toBibtex([starflow, { ...starflow, id: '2506.06277' }, { ...starflow, id: '2506.06278' }, makePaper({ id: '2506.00002', title: '42', authors: [] })]));
    expect(Object.keys(file.entries$)).toEqual(['gu2025starflow', 'gu2025starflowa', 'gu2025starflowb', 'arxiv250600002202542']);
    expect(field(file, 'arxiv250600002202542', 'author')).toBe('Unknown');
  });

  it('is empty for no papers', () => {
    expect(toBibtex([])).toBe('');
  });
});

describe('pieces', () => {
  it('escapeBibtex balances every brace', () => {
    expect(escapeBibtex('a{b}}c\\ %')).toBe('a\\textbraceleft{}b\\textbraceright{}\\textbraceright{}c\\textbackslash{} \\%');
  });
  it('arxivYear reads the id', () => {
    expect([arxivYear('2506.06276'), arxivYear('0704.0001'), arxivYear('x')]).toEqual([2025, 2007, undefined]);
  });
  it('citationKey skips stop words and folds accents', () => {
    expect(citationKey(makePaper({ title: 'On the Élan of Models', authors: ['Jean Dupré'] }))).toBe('dupre2025elan');
  });
});
