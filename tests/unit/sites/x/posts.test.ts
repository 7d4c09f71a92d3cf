// @vitest-environment happy-dom
/** The X reader against the fixture modelled on real serialized posts (tests/fixtures/x/). */
import { describe, expect, it } from 'vitest';
import { encodeTitleIndex, TitleIndex } from '../../../../lib/shared/title-index';
import { cardPaperTitle, cardTitle, findXPapers, shownUrl } from '../../../../lib/sites/x/posts';
import { DEFAULT_X_POSTS, xPost, xTimeline, xTweetLink } from '../../../fixtures/x/timeline';
import seed from '../../../fixtures/seed-papers.json' with { type: 'json' };

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const MTP = (seed as { title: string }[]).find((paper) => paper.title.startsWith('Your LLM Knows the Future'))!.title;
const VAR = (seed as { title: string }[]).find((paper) => paper.title.startsWith('Visual Autoregressive Modeling: Scalable'))!.title;
const TITLES = new TitleIndex(encodeTitleIndex([{ id: '2507.11851', title: MTP }, { id: '2404.02905', title: VAR }]));

describe('findXPapers', () => {
  it('reads the real URL of text links (cut by X, tail hidden), and a paper card by its title; one badge a paper a post', () => {
    const found = findXPapers(parse(xTimeline()), TITLES);
    expect(found.map(({ id, link }) => `${id} ${link.tagName.toLowerCase()}${link.getAttribute('data-testid') ? `[${link.getAttribute('data-testid')}]` : ''}`)).toEqual([
      '2506.06276 a',
      '2507.11851 a',
      // The pdf link in the text; its card (the same paper) gets no second badge.
      '2404.02905 a',
      // A small card only: its title names the paper.
      '2507.11851 div[card.wrapper]',
    ]);
    expect(found.every(({ link }) => !link.getAttribute('href') || link.getAttribute('href')!.startsWith('https://t.co/'))).toBe(true);
  });

  it('without the title index, reads the text links only', () => {
    expect(findXPapers(parse(xTimeline()), undefined).map(({ id }) => id)).toEqual(['2506.06276', '2507.11851', '2404.02905']);
  });

  it('reads a post added by itself, and a part added inside a post already there', () => {
    const doc = parse(`<main>${xPost(DEFAULT_X_POSTS[0]!)}</main>`);
    expect(findXPapers(doc.querySelector('article')!, TITLES).map(({ id }) => id)).toEqual(['2506.06276']);
    expect(findXPapers(doc.querySelector('div[data-testid="tweetText"]')!, TITLES).map(({ id }) => id)).toEqual(['2506.06276']);
  });

  it('takes a link text for a URL only when it is one, and a card title only after a paper domain', () => {
    const link = parse(xTweetLink('https://arxiv.org/abs/2506.06276v2')).querySelector('a')!;
    expect(link.textContent).toMatch(/…$/);
    expect(shownUrl(link)).toBe('https://arxiv.org/abs/2506.06276v2');
    expect(shownUrl(parse('<a href="https://t.co/x">@someone</a>').querySelector('a')!)).toBeUndefined();
    expect(cardPaperTitle(`arxiv.org ${MTP}`)).toBe(MTP);
    expect(cardPaperTitle(`example.org ${MTP}`)).toBeUndefined();
    // Large cards by their label, small ones by their lines.
    const cards = [...parse(xTimeline()).querySelectorAll('div[data-testid="card.wrapper"]')].map(cardTitle);
    expect(cards).toEqual([VAR, MTP]);
  });
});
