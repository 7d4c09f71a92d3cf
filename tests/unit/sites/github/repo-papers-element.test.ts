// @vitest-environment happy-dom
/** The GitHub repository card's models and Spaces line: from the cached lists, links only to checked ids. */
import { describe, expect, it } from 'vitest';
import { createRepoPapers } from '../../../../components/sites/github/repo-papers-element';
import type { PaperLinks } from '../../../../lib/shared/messages';
import { overview } from './overlay-fakes';

const LINKS: PaperLinks = {
  totals: { models: 4, datasets: 2, spaces: 1 },
  top: {
    models: [{ id: 'apple/starflow-3b', likes: 9 }, { id: 'javascript:alert(1)' }, { id: '../../settings' }],
    datasets: [{ id: 'apple/eval' }],
    spaces: [{ id: 'apple/starflow-demo' }],
  },
};

describe('createRepoPapers: linked models and Spaces', () => {
  it('names the top models and Spaces as links built from checked ids, the rest as "+N more", no datasets', () => {
    const card = createRepoPapers(document, [{ ...overview('2506.06276'), links: LINKS }], 'about');
    const line = card.querySelector('[data-testid="dpl-repo-linked"]')!;
    expect(line.textContent).toBe('Models (4): apple/starflow-3b +3 moreSpaces (1): apple/starflow-demo');
    expect([...line.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://huggingface.co/apple/starflow-3b',
      'https://huggingface.co/spaces/apple/starflow-demo',
    ]);
  });

  it('shows no line without cached lists, nor in the compact header row', () => {
    expect(createRepoPapers(document, [overview('2506.06276')], 'about').querySelector('[data-testid="dpl-repo-linked"]')).toBeNull();
    expect(createRepoPapers(document, [{ ...overview('2506.06276'), links: LINKS }], 'header').querySelector('[data-testid="dpl-repo-linked"]')).toBeNull();
  });
});
