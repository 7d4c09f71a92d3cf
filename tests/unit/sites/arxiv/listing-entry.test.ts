import { describe, expect, it } from 'vitest';
import { idOfAbstractLink } from '../../../../lib/sites/arxiv/listing-entry';
import { parseArxivId } from '../../../../lib/shared/arxiv-id';
import { parsePage } from './dom';

const doc = parsePage('<!DOCTYPE html><html><body></body></html>');
function link(attributes: Record<string, string>): Element {
  const a = doc.createElement('a');
  for (const [name, value] of Object.entries(attributes)) a.setAttribute(name, value);
  return a;
}
const base = 'https://arxiv.org/list/cs.CL/new';

describe('idOfAbstractLink', () => {
  it('reads the href arXiv writes on listings, `/abs/ID` with or without a version, by its quick path', () => {
    expect(idOfAbstractLink(link({ href: '/abs/2506.05001' }), base)).toEqual({ id: '2506.05001', style: 'new' });
    expect(idOfAbstractLink(link({ href: '/abs/2506.05001v3' }), base)).toEqual({ id: '2506.05001', style: 'new', version: 3 });
    expect(idOfAbstractLink(link({ href: '/abs/0704.0001' }), base)).toEqual({ id: '0704.0001', style: 'new' });
  });

  it('answers as parsing the href’s id would, whichever path reads it', () => {
    const hrefs = [
      '/abs/2506.05001',
      ' /abs/2506.05001v12 ',
      '/abs/2506.05001/',
      'https://arxiv.org/abs/2506.05001v2',
      'https://export.arxiv.org/abs/2506.05001',
      '/abs/hep-th/9901001v2',
      '/abs/2513.00001',
      '/abs/1501.1234',
      '/abs/2506.0500',
    ];
    for (const href of hrefs) {
      const id = /\/abs\/(.+?)\/?$/.exec(href.trim())![1]!;
      expect(idOfAbstractLink(link({ href }), base), href).toEqual(parseArxivId(id));
    }
  });

  it('falls back to the id attribute when the href is not an id (a month 13 is not)', () => {
    expect(idOfAbstractLink(link({ href: '/abs/2513.00001', id: '2506.05001' }), base)).toEqual({ id: '2506.05001', style: 'new' });
    expect(idOfAbstractLink(link({ id: '2506.05001' }), base)).toEqual({ id: '2506.05001', style: 'new' });
    expect(idOfAbstractLink(link({ href: '/abs/nothing' }), base)).toBeUndefined();
  });
});
