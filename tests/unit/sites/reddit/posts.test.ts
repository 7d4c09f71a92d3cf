// @vitest-environment happy-dom
/** The Reddit reader against the fixtures modelled on new (shreddit) and old reddit (tests/fixtures/reddit/). */
import { describe, expect, it } from 'vitest';
import { findRedditPapers, postTarget } from '../../../../lib/sites/reddit/posts';
import { redditListingPage, redditPostPage, shredditPost, DEFAULT_REDDIT_POSTS } from '../../../fixtures/reddit/new-reddit';
import { oldRedditCommentsPage, oldRedditListing } from '../../../fixtures/reddit/old-reddit';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const read = (doc: ParentNode) => findRedditPapers(doc).map(({ link, id }) => `${id} ${link.tagName.toLowerCase()}${link.getAttribute('slot') ? `[slot=${link.getAttribute('slot')}]` : ''}`);

describe('findRedditPapers, new reddit', () => {
  it('reads each feed post linking a paper (also through out.reddit.com) at its title, and the links of a text post', () => {
    expect(read(parse(redditListingPage()))).toEqual([
      '2506.06276 a[slot=title]',
      '2507.11851 a[slot=title]',
      '2404.02905 a[slot=title]',
      // The weekly text post's body: an abs link with a version, an HF papers link.
      '2506.06276 a',
      '2404.02905 a',
    ]);
  });

  it('reads the post page: the post at its h1 title, then the comments (pdf, html, HF page; nested replies too)', () => {
    expect(read(parse(redditPostPage()))).toEqual(['2506.06276 h1[slot=title]', '2506.06276 a', '2506.06276 a', '2506.06276 a']);
  });

  it('reads a post added by itself (the feed loads more as the person scrolls)', () => {
    const doc = parse(`<div>${shredditPost(DEFAULT_REDDIT_POSTS[2]!)}</div>`);
    expect(findRedditPapers(doc.querySelector('shreddit-post')!).map(({ id }) => id)).toEqual(['2404.02905']);
  });

  it('unwraps out.reddit.com, and only it', () => {
    expect(postTarget('https://out.reddit.com/t3_x?url=https%3A%2F%2Farxiv.org%2Fabs%2F2506.06276&token=t')).toBe('https://arxiv.org/abs/2506.06276');
    expect(postTarget('https://evil.example/?url=https%3A%2F%2Farxiv.org%2Fabs%2F2506.06276')).toBe('https://evil.example/?url=https%3A%2F%2Farxiv.org%2Fabs%2F2506.06276');
  });
});

describe('findRedditPapers, old reddit', () => {
  it('reads each link post at its title from data-url', () => {
    expect(read(parse(oldRedditListing()))).toEqual(['2506.06276 a', '2507.11851 a', '2404.02905 a']);
    const titles = findRedditPapers(parse(oldRedditListing())).map(({ link }) => link.className);
    expect(titles.every((name) => name.includes('title'))).toBe(true);
  });

  it('reads a comments page: the self post text and the comments', () => {
    expect(read(parse(oldRedditCommentsPage())).map((line) => line.split(' ')[0])).toEqual(['2506.06276', '2404.02905', '2506.06276', '2506.06276', '2506.06276']);
  });
});
