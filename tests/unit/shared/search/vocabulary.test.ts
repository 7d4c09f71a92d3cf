import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../../lib/shared/search/vocabulary';

const WORDS = ['diffusion', 'transformer', 'diff', 'direct', 'attention', 'different'];

function filled(): Vocabulary {
  const words = Vocabulary.empty();
  for (const word of WORDS) words.add(word);
  return words;
}

/** Stored and read back as the popup reads it (a structured clone of the two values). */
function readBack(words: Vocabulary): Vocabulary {
  const { joined, order } = structuredClone({ joined: words.joined(), order: Uint32Array.from(words.order()) });
  return Vocabulary.stored(joined, order);
}

describe('Vocabulary', () => {
  it('gives each word one id, in the order first met', () => {
    const words = filled();
    expect(words.add('diff')).toBe(2);
    expect(words.add('model')).toBe(6);
    expect(words.size).toBe(7);
    expect(words.text(1)).toBe('transformer');
  });

  it('finds a word and the words a prefix starts, in sort order, built or read back', () => {
    for (const words of [filled(), readBack(filled())]) {
      expect(words.find('direct')).toBe(3);
      expect(words.find('dir')).toBeUndefined();
      expect(words.find('zebra')).toBeUndefined();
      expect(words.startingWith('dif').map((id) => words.text(id))).toEqual(['diff', 'different', 'diffusion']);
      expect(words.startingWith('di').map((id) => words.text(id))).toEqual(['diff', 'different', 'diffusion', 'direct']);
      expect(words.startingWith('z')).toEqual([]);
    }
  });

  it('read back, keeps its ids when words are added, and sorts the new ones in', () => {
    const words = readBack(filled());
    expect(words.add('attention')).toBe(4);
    expect(words.add('difference')).toBe(6);
    expect(words.find('difference')).toBe(6);
    expect(words.startingWith('differ').map((id) => words.text(id))).toEqual(['difference', 'different']);
    expect(readBack(words).joined()).toBe([...WORDS, 'difference'].join('\n'));
  });

  it('reads back empty', () => {
    const words = readBack(Vocabulary.empty());
    expect(words.size).toBe(0);
    expect(words.find('a')).toBeUndefined();
    expect(words.startingWith('a')).toEqual([]);
  });
});
