import { describe, expect, it } from 'vitest';
import { encodeTitleIndex, MIN_CUT_TITLE, normaliseTitle, TitleIndex } from '../../../lib/shared/title-index';

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
});
