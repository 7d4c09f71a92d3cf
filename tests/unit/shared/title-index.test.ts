import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTitleIndex, MIN_CUT_TITLE, normaliseTitle, patchTitleIndex, TitleIndex } from '../../../lib/shared/title-index';

const MTP = 'Your LLM Knows the Future: Uncovering Its Multi-Token Prediction Potential';
const index = new TitleIndex(
  encodeTitleIndex([
    { id: '2507.11851', title: MTP },
    { id: '2506.06276', title: 'STARFlow: Scaling Latent Normalizing Flows for High-resolution Image Synthesis' },
    { id: '2501.00001', title: 'Attention Is All You Need, Again' },
    { id: '2501.00002', title: 'Attention is all you need — again' },
    { id: '2501.00003', title: 'Scaling Laws for Neural Language Models of Many Kinds' },
    { id: '2501.00004', title: 'Scaling Laws for Neural Language Models of Many Other Kinds' },
    { id: '2501.00005', title: 'Über Straße: Résumé' },
  ]),
);

describe('the title index', () => {
  it('matches a title whatever its casing, accents, punctuation and spacing', () => {
    expect(index.match('YOUR LLM KNOWS THE FUTURE: UNCOVERING ITS MULTI-TOKEN PREDICTION POTENTIAL')).toBe('2507.11851');
    expect(index.match('  Your LLM knows the future — uncovering its multi token prediction potential ')).toBe('2507.11851');
    expect(index.match('uber strasse resume')).toBeUndefined();
    expect(index.match('Uber Straße, resume')).toBe('2501.00005');
    expect(normaliseTitle('Über-Straße:  Résumé')).toBe('uber straße resume');
  });

  it('matches a cut title ("…" or "...") only when long and the start of exactly one title', () => {
    expect(index.match('YOUR LLM KNOWS THE FUTURE: UNCOVERING ITS MULTI-TOKEN PREDICTION …')).toBe('2507.11851');
    expect(index.match('STARFlow: Scaling Latent Normalizing Flows for High-resolution...')).toBe('2506.06276');
    // Too short to be sure, and the start of two titles.
    expect(index.match('Your LLM Knows the Future…')).toBeUndefined();
    expect('your llm knows the future'.length).toBeLessThan(MIN_CUT_TITLE);
    expect(index.match('Scaling Laws for Neural Language Models of Many …')).toBeUndefined();
  });

  it('matches neither of two papers that share a title, and nothing it does not hold', () => {
    expect(index.match('Attention Is All You Need, Again')).toBeUndefined();
    expect(index.match('A paper nobody stored')).toBeUndefined();
    expect(new TitleIndex('').match(MTP)).toBeUndefined();
  });

  it('is sorted by title, so a page finds one by binary search', () => {
    const text = encodeTitleIndex([
      { id: '2501.00002', title: 'Zebra' },
      { id: '2501.00001', title: 'apple pie' },
      { id: '2501.00003', title: 'Apple' },
    ]);
    expect(text).toBe('2501.00003 apple\n2501.00001 apple pie\n2501.00002 zebra');
  });

  it('answers as a map of every title would, for any titles (shared ones, cut ones, one the start of another)', () => {
    // What the page did before the index was sorted: a map of every normalised title, read whole.
    const reference = (papers: { id: string; title: string }[], displayed: string): string | undefined => {
      const ids = new Map<string, string | null>();
      for (const { id, title } of papers) {
        const key = normaliseTitle(title);
        if (!key) continue;
        const known = ids.get(key);
        ids.set(key, known === undefined || known === id ? id : null);
      }
      if (!/(?:…|\.\.\.)\s*$/.test(displayed)) return ids.get(normaliseTitle(displayed)) ?? undefined;
      const start = normaliseTitle(displayed.replace(/(?:…|\.\.\.)\s*$/, ''));
      if (start.length < MIN_CUT_TITLE) return undefined;
      let found: string | undefined;
      for (const [key, id] of ids) {
        if (!key.startsWith(start)) continue;
        if (found !== undefined || id === null) return undefined;
        found = id;
      }
      return found;
    };
    // Few words, so titles collide, share starts and run past the cut length.
    const words = fc.constantFrom('scaling', 'laws', 'of', 'neural', 'language', 'models', 'Flow', 'flow!', 'Über');
    const title = fc.array(words, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));
    const papers = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^25\d{2}\.\d{5}$/), title }), { selector: (p) => p.id, maxLength: 40 });
    fc.assert(
      fc.property(papers, fc.array(title, { maxLength: 5 }), fc.constantFrom('', '…', '...'), (stored, asked, cut) => {
        const index = new TitleIndex(encodeTitleIndex(stored));
        for (const displayed of [...stored.map((p) => p.title), ...asked].map((t) => (cut ? t.slice(0, Math.max(1, t.length - 5)) + cut : t))) {
          expect(index.match(displayed)).toBe(reference(stored, displayed));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('patches titles in and out as encoding the patched papers from scratch would (by title, then id)', () => {
    const paper = fc.record({ id: fc.stringMatching(/^[0-9a-z.]{1,5}$/), title: fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'é', ' ', '-', ':', '1'), maxLength: 8 }) });
    const unique = <T extends { id: string }>(papers: T[]) => [...new Map(papers.map((p) => [p.id, p])).values()];
    fc.assert(
      fc.property(fc.array(paper, { maxLength: 40 }), fc.array(paper, { maxLength: 10 }), fc.array(fc.stringMatching(/^[0-9a-z.]{1,5}$/), { maxLength: 10 }), (before, added, dropped) => {
        const base = unique(before);
        const add = unique(added);
        const gone = new Set([...dropped, ...add.map((p) => p.id)]);
        const want = encodeTitleIndex([...base.filter((p) => !gone.has(p.id)), ...add]);
        expect(patchTitleIndex(encodeTitleIndex(base), dropped, add)).toBe(want);
      }),
    );
  });
});
