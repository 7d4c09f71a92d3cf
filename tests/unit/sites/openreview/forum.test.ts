// @vitest-environment happy-dom
/** The OpenReview reader against the fixture modelled on openreview-web's forum page (tests/fixtures/openreview/). */
import { describe, expect, it } from 'vitest';
import { encodeTitleIndex, TitleIndex } from '../../../../lib/shared/title-index';
import { findOpenReviewPaper } from '../../../../lib/sites/openreview/forum';
import { openReviewForum } from '../../../fixtures/openreview/forum-page';
import seed from '../../../fixtures/seed-papers.json' with { type: 'json' };

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const STARFLOW = (seed as { title: string }[]).find((paper) => paper.title.startsWith('STARFlow: Scaling Latent'))!.title;
const TITLES = new TitleIndex(encodeTitleIndex([{ id: '2506.06276', title: STARFLOW }]));

describe('findOpenReviewPaper', () => {
  it('knows the forum paper by its title, badge inside the heading', () => {
    const doc = parse(openReviewForum());
    const [found, ...rest] = findOpenReviewPaper(doc, TITLES);
    expect(found).toMatchObject({ id: '2506.06276', inside: true });
    expect(found!.link.matches('h2.citation_title')).toBe(true);
    expect(rest).toEqual([]);
  });

  it('reads the heading when it is rendered later, and names nothing for an unknown title or without the title index', () => {
    const doc = parse(openReviewForum());
    expect(findOpenReviewPaper(doc.querySelector('div.forum-note')!, TITLES).map(({ id }) => id)).toEqual(['2506.06276']);
    expect(findOpenReviewPaper(parse(openReviewForum({ title: 'A Submission Nobody Stored' })), TITLES)).toEqual([]);
    expect(findOpenReviewPaper(doc, undefined)).toEqual([]);
  });
});
