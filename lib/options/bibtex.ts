/**
 * BibTeX for papers: one `@misc` arXiv entry each (the form arXiv and Google Scholar use), every value
 * escaped so that no title or name can break the file, and keys unique within it.
 */
import { arxivAbsUrl, hfPaperUrl, type Paper } from '../shared/paper';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // BibTeX counts every brace, escaped or not: a literal brace becomes a command, never a lone brace.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Escapes TeX's special characters; the result's braces are always balanced. */
export function escapeBibtex(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}$&%#_^~]/g, (c) => SPECIAL[c]!);
}

/** The year of a new-style arXiv id (`2506.06276` → 2025). */
export function arxivYear(id: string): number | undefined {
  const yy = /^(\d{2})\d{2}\./.exec(id)?.[1];
  return yy === undefined ? undefined : 2000 + Number(yy);
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'and', 'to', 'in', 'with', 'is', 'are', 'towards', 'toward']);

function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `gu2025starflow`: first author's family name, year, first significant title word. */
export function citationKey(paper: Paper): string {
  const family = asciiWord(paper.authors[0]?.trim().split(/\s+/).at(-1) ?? '');
  const word = paper.title
    .split(/[^\p{L}\p{N}]+/u)
    .map(asciiWord)
    .find((w) => w && !STOP_WORDS.has(w));
  const key = `${family}${arxivYear(paper.id) ?? ''}${word ?? ''}`;
  return /^[a-z]/.test(key) ? key : `arxiv${paper.id.replace('.', '')}${key}`;
}

/** A name BibTeX would split (a comma, the word "and") is kept whole in braces. */
function bibtexName(name: string): string {
  const escaped = escapeBibtex(name);
  return /,|\band\b/i.test(name) ? `{${escaped}}` : escaped;
}

export function bibtexEntry(paper: Paper, key: string): string {
  const fields: [string, string][] = [
    // Double braces keep the title's capitals (acronyms, model names) as written.
    ['title', `{${escapeBibtex(paper.title)}}`],
    ['author', paper.authors.length ? paper.authors.map(bibtexName).join(' and ') : '{Unknown}'],
  ];
  const year = arxivYear(paper.id);
  if (year) fields.push(['year', String(year)]);
  fields.push(['eprint', paper.id], ['archivePrefix', 'arXiv'], ['url', arxivAbsUrl(paper.id)]);
  fields.push(['note', `Hugging Face Daily Papers: ${hfPaperUrl(paper.id)}`]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/** A .bib file for the papers, in the order given; keys made unique with a, b, c… */
export function toBibtex(papers: Paper[]): string {
  const used = new Set<string>();
  return papers
    .map((paper) => {
      const base = citationKey(paper);
      let key = base;
      for (let n = 1; used.has(key); n++) key = `${base}${suffix(n)}`;
      used.add(key);
      return bibtexEntry(paper, key);
    })
    .join('\n');
}

function suffix(n: number): string {
  let out = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(97 + ((i - 1) % 26)) + out;
  return out;
}
