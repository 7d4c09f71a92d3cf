// @vitest-environment happy-dom
/** The Hacker News reader against the fixture pages modelled on the real front page and item page (tests/fixtures/hackernews/). */
import { describe, expect, it } from 'vitest';
import { findHnPaperLinks } from '../../../../lib/sites/hackernews/paper-links';
import { HN_TEXT_PAPER_LINK, hnLinksWhileParsed } from '../../../../lib/sites/hackernews/page-selectors';
import { DEFAULT_HN_COMMENTS, DEFAULT_HN_STORIES, hnFrontPage, hnItemPage, hnText } from '../../../fixtures/hackernews/pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ids = (doc: Document) => findHnPaperLinks(doc).map(({ id }) => id);

describe('findHnPaperLinks', () => {
  it('reads the story titles linking arXiv abs, pdf with a version and HF paper pages, in page order', () => {
    expect(ids(parse(hnFrontPage()))).toEqual(['2506.06276', '2404.02905', '2507.11851']);
  });

  it("puts a story title's badge at the end of its title line, after the site link; a comment's right after its link", () => {
    const [title] = findHnPaperLinks(parse(hnFrontPage()));
    expect(title!.link.matches('span.titleline')).toBe(true);
    expect(title!.inside).toBe(true);
    expect(title!.link.lastElementChild!.matches('span.sitebit')).toBe(true);
    const comments = findHnPaperLinks(parse(hnItemPage())).slice(1);
    expect(comments.every(({ link, inside }) => link.localName === 'a' && link.closest('div.commtext') && !inside)).toBe(true);
  });

  it('leaves out the nav, the "(arxiv.org)" site links and stories elsewhere', () => {
    const links = findHnPaperLinks(parse(hnFrontPage()));
    expect(links.every(({ link }) => link.closest('span.titleline') !== null && !link.closest('span.sitebit'))).toBe(true);
    expect(DEFAULT_HN_STORIES.filter((story) => story.url?.includes('arxiv.org') || story.url?.includes('huggingface.co/papers'))).toHaveLength(3);
  });

  it('reads comment links written as HN writes them (&#x2F; in hrefs, texts cut at 60 characters), and the story at the top of an item page', () => {
    const doc = parse(hnItemPage());
    // The story (abs), then the comments: pdf v2, html v1, HF papers, abs in prose; the comment without a link gives none.
    expect(ids(doc)).toEqual(['2506.06276', '2506.06276', '2506.06276', '2507.11851', '2404.02905']);
    expect(DEFAULT_HN_COMMENTS).toHaveLength(5);
    const long = `https://arxiv.org/abs/2404.02905?context=cs.CV&utm_source=${'x'.repeat(40)}`;
    const cut = parse(hnItemPage({ comments: [{ id: 1, by: 'a', html: hnText([{ url: long }]) }] }));
    const [, link] = findHnPaperLinks(cut);
    expect(link?.link.textContent).toMatch(/\.\.\.$/);
    expect(link?.id).toBe('2404.02905');
  });

  it('reads only the part of the page it is given (a subtree added later)', () => {
    const doc = parse(hnItemPage());
    const comment = doc.querySelectorAll('tr.athing.comtr')[2]!;
    expect(findHnPaperLinks(comment).map(({ id }) => id)).toEqual(['2507.11851']);
  });

  it('finds nothing in a link to an old-style id or an arXiv listing', () => {
    const doc = parse(hnItemPage({ comments: [{ id: 1, by: 'a', html: hnText([{ url: 'https://arxiv.org/abs/hep-th/9901001' }, ' and ', { url: 'https://arxiv.org/list/cs.CV/recent' }]) }] }));
    expect(ids(doc)).toEqual(['2506.06276']);
  });

  it("badges an item page's comment and post-text links as they are parsed, and nothing on other pages", () => {
    expect(hnLinksWhileParsed('https://news.ycombinator.com/item?id=49230200')).toBe(HN_TEXT_PAPER_LINK);
    expect(hnLinksWhileParsed('https://news.ycombinator.com/news')).toBeUndefined();
    expect(hnLinksWhileParsed('https://news.ycombinator.com/')).toBeUndefined();
    expect(hnLinksWhileParsed('not a url')).toBeUndefined();
    const doc = parse(hnItemPage());
    const parsedEarly = [...doc.querySelectorAll(HN_TEXT_PAPER_LINK)];
    expect(parsedEarly).toHaveLength(4);
    expect(parsedEarly.every((link) => link.closest('div.commtext'))).toBe(true);
  });
});
