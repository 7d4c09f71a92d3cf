import { describe, expect, it } from 'vitest';
import { hasCardDetails, linkText, paperFacts } from '../../../../lib/sites/kit/paper-facts';
import type { PaperOverview } from '../../../../lib/shared/messages';
import { dateLabel } from '../../../../lib/shared/day-label';

const base: PaperOverview = { id: '2506.06276', title: 'STARFlow', authors: ['Jiatao Gu'], upvotes: 21, fetchedAt: 0 };

describe('paperFacts', () => {
  it('tells code with stars, project page, organization and the Daily Papers day', () => {
    const facts = paperFacts({
      ...base,
      githubRepo: 'https://github.com/apple/ml-starflow',
      githubStars: 1234,
      projectPage: 'https://starflow.github.io/project/',
      organization: { name: 'apple', fullname: 'Apple' },
      dailyDate: '2025-06-09',
    });
    expect(facts).toEqual([
      { label: 'Code', text: 'apple/ml-starflow', href: 'https://github.com/apple/ml-starflow', extra: '★ 1,234' },
      { label: 'Project page', text: 'starflow.github.io/project', href: 'https://starflow.github.io/project/' },
      { label: 'Organization', text: 'Apple' },
      { label: 'On Daily Papers', text: '9 Jun 2025' },
    ]);
  });

  it('never makes a link of a non-https URL, and uses the org name when there is no full name', () => {
    const facts = paperFacts({ ...base, githubRepo: 'javascript:alert(1)', projectPage: 'http://example.org', organization: { name: 'mit' } });
    expect(facts).toEqual([{ label: 'Organization', text: 'mit' }]);
  });

  it('keeps hostile strings as plain strings (rendering them as text is the component’s part)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(paperFacts({ ...base, organization: { name: 'x', fullname: hostile } })).toEqual([{ label: 'Organization', text: hostile }]);
  });

  it('knows when there is nothing beyond the badge', () => {
    expect(hasCardDetails(base)).toBe(false);
    expect(hasCardDetails({ ...base, aiSummary: 'One line.' })).toBe(true);
    expect(hasCardDetails({ ...base, aiKeywords: ['flows'] })).toBe(true);
    expect(hasCardDetails({ ...base, aiKeywords: [] })).toBe(false);
    expect(hasCardDetails({ ...base, dailyDate: '2025-06-09' })).toBe(true);
  });
});

describe('formatting', () => {
  it('formats days as HF dates them', () => {
    expect(dateLabel('2025-06-09')).toBe('9 Jun 2025');
    expect(dateLabel('2025-12-31T23:59:00.000Z')).toBe('31 Dec 2025');
    expect(dateLabel('2025-13-01')).toBeUndefined();
    expect(dateLabel('yesterday')).toBeUndefined();
  });

  it('shortens link texts', () => {
    expect(linkText('https://github.com/apple/ml-starflow/tree/main')).toBe('apple/ml-starflow');
    expect(linkText('https://example.org/')).toBe('example.org');
    expect(linkText(`https://example.org/${'a'.repeat(100)}`)).toHaveLength(60);
  });
});
