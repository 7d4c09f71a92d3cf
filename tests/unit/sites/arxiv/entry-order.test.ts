import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntryOrder, orderByScore } from '../../../../lib/sites/arxiv/entry-order';
import { readListingPage } from '../../../../lib/sites/arxiv/listing-page';
import { readSearchPage } from '../../../../lib/sites/arxiv/search-page';
import { NEW_LISTING, SEARCH } from './fixture-pages';
import { parsePage } from './dom';

const UPVOTES: Record<string, number> = { '2506.05002': 10, '2506.05003': 40, '2506.04002': 5, '2312.00001': 7 };

describe('orderByScore', () => {
  it('puts the highest first, unscored entries after, ties and unscored in page order', () => {
    const entries = ['a', 'b', 'c', 'd', 'e', 'f'];
    const score: Record<string, number> = { b: 3, c: 9, e: 3 };
    expect(orderByScore(entries, (e) => score[e])).toEqual(['c', 'b', 'e', 'a', 'd', 'f']);
  });

  it('is a stable permutation for any scores', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined })), (scores) => {
        const entries = scores.map((score, index) => ({ score, index }));
        const sorted = orderByScore(entries, (e) => e.score);
        expect([...sorted].sort((a, b) => a.index - b.index)).toEqual(entries);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          if (a.score === undefined) expect(b.score).toBeUndefined();
          if (a.score !== undefined && b.score !== undefined) expect(a.score > b.score || (a.score === b.score && a.index < b.index)).toBe(true);
        }
      }),
    );
  });
});

describe('EntryOrder', () => {
  it('sorts each section of a listing by upvotes, keeping headings first and dt/dd together', () => {
    const doc = parsePage(NEW_LISTING);
    const entries = readListingPage(doc, 'https://arxiv.org/list/cs.CL/new');
    const order = new EntryOrder(entries);
    order.sortBy((e) => UPVOTES[e.arxivId.id]);
    expect(order.reordered).toBe(true);
    const sections = [...doc.querySelectorAll('dl#articles')];
    const ids = sections.map((s) => [...s.querySelectorAll('dt a[title="Abstract"]')].map((a) => a.getAttribute('id')));
    expect(ids).toEqual([
      ['2506.05003', '2506.05002', '2506.05001'],
      ['2506.04002', '2506.04001'],
      ['2312.00001', '2505.01001'],
    ]);
    for (const section of sections) {
      expect(section.firstElementChild?.localName).toBe('h3');
      const kids = [...section.children].slice(1);
      kids.forEach((kid, i) => expect(kid.localName).toBe(i % 2 === 0 ? 'dt' : 'dd'));
    }
    // Each dd still follows its own dt.
    for (const e of entries) expect(e.nodes[0]!.nextElementSibling).toBe(e.nodes[1]);
  });

  it('restores arXiv order exactly: the same nodes, in the same places, the same markup', () => {
    const doc = parsePage(NEW_LISTING);
    const before = doc.querySelector('#dlpage')!.innerHTML;
    const sections = [...doc.querySelectorAll('dl#articles')];
    const childrenBefore = sections.map((s) => [...s.childNodes]);
    const order = new EntryOrder(readListingPage(doc, 'https://arxiv.org/list/cs.CL/new'));
    order.sortBy((e) => UPVOTES[e.arxivId.id]);
    expect(doc.querySelector('#dlpage')!.innerHTML).not.toBe(before);
    order.sortBy((e) => UPVOTES[e.arxivId.id]); // sorting twice is sorting once
    order.restore();
    expect(order.reordered).toBe(false);
    expect(doc.querySelector('#dlpage')!.innerHTML).toBe(before);
    sections.forEach((s, i) => expect([...s.childNodes]).toEqual(childrenBefore[i]));
  });

  it('sorts and restores search results', () => {
    const doc = parsePage(SEARCH);
    const before = doc.querySelector('ol')!.innerHTML;
    const order = new EntryOrder(readSearchPage(doc, 'https://arxiv.org/search/?query=x'));
    order.sortBy((e) => ({ '2412.06264': 3 })[e.arxivId.id]);
    expect([...doc.querySelectorAll('li.arxiv-result p.list-title > a')].map((a) => a.textContent)).toEqual(['arXiv:2412.06264v2', 'arXiv:2506.06276']);
    order.restore();
    expect(doc.querySelector('ol')!.innerHTML).toBe(before);
  });

  it("never takes out what leads a section (its heading, the toolbar before it): the toolbar's button keeps its focus", async () => {
    const doc = parsePage(NEW_LISTING);
    const entries = readListingPage(doc, 'https://arxiv.org/list/cs.CL/new');
    const section = entries[0]!.section;
    const heading = section.querySelector('h3')!;
    const toolbar = doc.createElement('dpl-toolbar');
    heading.before(toolbar);
    const removed: Node[] = [];
    const observer = new doc.defaultView!.MutationObserver((records) => records.forEach((r) => removed.push(...r.removedNodes)));
    observer.observe(section, { childList: true });
    const order = new EntryOrder(entries);
    order.sortBy((e) => UPVOTES[e.arxivId.id]);
    order.restore();
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    // Entries moved (the new section's 40-upvote paper went first and back), what leads stayed put.
    expect(removed.includes(entries[2]!.nodes[0]!)).toBe(true);
    expect(removed.includes(toolbar)).toBe(false);
    expect(removed.includes(heading)).toBe(false);
    expect(section.firstElementChild).toBe(toolbar);
  });

  it('keeps what others added to a section while sorted', () => {
    const doc = parsePage(NEW_LISTING);
    const order = new EntryOrder(readListingPage(doc, 'https://arxiv.org/list/cs.CL/new'));
    order.sortBy((e) => UPVOTES[e.arxivId.id]);
    const section = doc.querySelector('dl#articles')!;
    const added = doc.createElement('p');
    section.append(added);
    order.restore();
    expect(section.lastElementChild).toBe(added);
  });
});
