// @vitest-environment happy-dom
/** The alphaXiv reader against the fixture modelled on its paper pages (tests/fixtures/alphaxiv/). */
import { describe, expect, it } from 'vitest';
import { alphaxivCardPlace, alphaxivPaperId } from '../../../../lib/sites/alphaxiv/paper-page';
import { alphaxivAbsPage } from '../../../fixtures/alphaxiv/abs-page';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('alphaxivPaperId', () => {
  it.each([
    ['https://www.alphaxiv.org/abs/2506.06276', '2506.06276'],
    ['https://alphaxiv.org/abs/2506.06276v2', '2506.06276'],
    ['https://www.alphaxiv.org/overview/2506.06276v1', '2506.06276'],
    ['https://www.alphaxiv.org/abs/2506.06276?tab=similar#comments', '2506.06276'],
  ])('reads the paper of %s', (url, id) => {
    expect(alphaxivPaperId(url)).toBe(id);
  });

  it.each([
    'https://www.alphaxiv.org/',
    'https://www.alphaxiv.org/explore',
    'https://www.alphaxiv.org/abs/hep-th/9901001',
    'https://www.alphaxiv.org/abs/not-an-id',
    'https://arxiv.org/abs/2506.06276',
    'https://www.alphaxiv.org.example.com/abs/2506.06276',
    'not a url',
  ])('names no paper on %s', (url) => {
    expect(alphaxivPaperId(url)).toBeUndefined();
  });
});

describe('alphaxivCardPlace', () => {
  it('puts the card after the paper title, on the PDF view and the blog view', () => {
    for (const view of ['abs', 'overview'] as const) {
      const place = alphaxivCardPlace(parse(alphaxivAbsPage({ view })));
      expect(place?.position).toBe('afterend');
      expect(place?.anchor.textContent).toMatch(/^STARFlow: Scaling Latent/);
    }
  });

  it('prefers the heading that says the document title over an earlier one', () => {
    const doc = parse(alphaxivAbsPage());
    doc.querySelector('main')!.insertAdjacentHTML('afterbegin', '<h1>Trending today</h1>');
    expect(alphaxivCardPlace(doc)?.anchor.textContent).toMatch(/^STARFlow/);
  });

  it('finds nothing before the app has rendered the paper', () => {
    expect(alphaxivCardPlace(parse(alphaxivAbsPage({ beforeHydration: true })))).toBeUndefined();
  });
});
