import { describe, expect, it } from 'vitest';
import { createUpvoteBadge } from '../../../../components/sites/kit/upvote-badge-element';
import { upvoteBadgeModel } from '../../../../components/sites/kit/upvote-badge-model';
import { parsePage } from './dom';

describe('createUpvoteBadge', () => {
  const doc = parsePage('<!DOCTYPE html><html><body></body></html>');

  it('builds the badge: upvotes, comments, a link to the HF page, labelled as the extension’s', () => {
    const badge = createUpvoteBadge(doc, { id: '2506.06276', upvotes: 21, numComments: 3 }, { highlighted: false });
    expect(badge.getAttribute('href')).toBe('https://huggingface.co/papers/2506.06276');
    expect(badge.getAttribute('class')).toBe('dpl-badge');
    expect(badge.getAttribute('rel')).toBe('noopener noreferrer');
    expect(badge.getAttribute('aria-label')).toBe('Daily Papers Lens: 21 upvotes, 3 comments on Hugging Face Daily Papers');
    expect(badge.querySelector('.dpl-upvotes')?.textContent).toBe('▲ 21');
    expect(badge.querySelector('.dpl-comments')?.textContent).toBe('💬 3');
    expect(badge.hasAttribute('data-highlighted')).toBe(false);
  });

  it('marks highlighted badges and leaves out a missing comment count', () => {
    const badge = createUpvoteBadge(doc, { id: '2506.06276', upvotes: 120 }, { highlighted: true });
    expect(badge.hasAttribute('data-highlighted')).toBe(true);
    expect(badge.getAttribute('aria-label')).toContain('above your highlight threshold');
    expect(badge.querySelector('.dpl-comments')).toBeNull();
  });

  it('keeps whatever it is given as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const badge = createUpvoteBadge(doc, { id: hostile, upvotes: hostile as unknown as number }, { highlighted: false });
    expect(badge.querySelector('img')).toBeNull();
    expect(badge.querySelector('.dpl-upvotes')?.textContent).toBe(`▲ ${hostile}`);
  });

  it('says the same as the Preact badge (one model)', () => {
    const model = upvoteBadgeModel({ id: '2506.06276', upvotes: 5, numComments: 0 }, false);
    expect(model).toEqual({
      href: 'https://huggingface.co/papers/2506.06276',
      title: 'Daily Papers Lens: this paper on Hugging Face Daily Papers',
      label: 'Daily Papers Lens: 5 upvotes, 0 comments on Hugging Face Daily Papers',
      upvotes: '▲ 5',
      comments: '💬 0',
    });
  });
});
