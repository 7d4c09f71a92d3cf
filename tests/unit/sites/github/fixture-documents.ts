/**
 * The GitHub fixture pages (tests/fixtures/github/) as parsed documents, for unit tests running under
 * happy-dom. The same pages the e2e tests serve, with known content.
 */
import { dashboardPage, issuePage, profilePage, pullPage } from '../../../fixtures/github/conversation-pages';
import { arxivShield, bibtex, heading, link, linkList, paperUrl, paragraph, PAPER_LINK_KINDS } from '../../../fixtures/github/markdown';
import { repoHomePage, repoTreePage } from '../../../fixtures/github/repo-page';
import { repoPage2026 } from '../../../fixtures/github/repo-page-2026';

export const STARFLOW = { owner: 'apple', name: 'ml-starflow' };
export const KNOWN_IDS = ['2506.06276', '2506.01234', '2505.11111'] as const;

export const README = [
  heading(1, 'STARFlow'),
  arxivShield('2506.06276'),
  paragraph(`Code for ${link(paperUrl('2506.06276', 'abs-version'), 'STARFlow')} (see also ${link(paperUrl('2506.01234', 'pdf'), 'the PDF')}).`),
  heading(2, 'Related work'),
  linkList([
    { href: paperUrl('2505.11111', 'html'), text: 'HTML version' },
    { href: 'https://arxiv.org/abs/hep-th/9901001', text: 'an old-style id' },
    { href: 'https://arxiv.org/list/cs.CV/recent', text: 'a listing, not a paper' },
    { href: 'https://example.org/arxiv.org/abs/2506.06276', text: 'not arXiv' },
  ]),
  bibtex('2506.06276'),
].join('\n');

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export const FIXTURES = {
  'repo-page': () => repoHomePage({ repository: STARFLOW, description: 'Scalable normalizing flows', readme: README }),
  'repo-page-pane': () =>
    repoHomePage({ repository: STARFLOW, description: 'Scalable normalizing flows', readme: README, sidebar: 'page-layout-pane' }),
  /** GitHub's 2026 home page (React code view, hashed sidebar classes, no `.BorderGrid`). */
  'repo-page-2026': () =>
    repoPage2026({ repository: STARFLOW, description: 'Scalable normalizing flows', readme: README, website: 'https://example.org/starflow' }),
  'repo-tree-page': () => repoTreePage({ repository: STARFLOW, path: 'src' }),
  'issue-page': () =>
    issuePage({
      repository: { owner: 'huggingface', name: 'transformers' },
      number: 12345,
      title: 'Support STARFlow',
      body: { author: 'octocat', body: paragraph(`As in ${link(paperUrl('2506.06276', 'abs'), 'arXiv:2506.06276')}.`) },
      comments: PAPER_LINK_KINDS.map((kind) => ({ author: 'hubot', body: paragraph(link(paperUrl('2506.01234', kind), kind)) })),
    }),
  'pull-page': () =>
    pullPage({
      repository: { owner: 'huggingface', name: 'transformers' },
      number: 777,
      title: 'Add STARFlow',
      body: { author: 'octocat', body: paragraph(link(paperUrl('2506.06276', 'pdf-suffix'), 'paper')) },
      comments: [{ author: 'hubot', body: paragraph(link(paperUrl('2505.11111', 'www'), 'related')) }],
    }),
  'dashboard-page': () => dashboardPage({ feed: `<a href="https://arxiv.org/abs/2506.06276">in the feed</a>` }),
  'profile-page': () => profilePage({ login: 'octocat', bio: `<a href="https://arxiv.org/abs/2506.06276">my paper</a>` }),
} as const;

export type FixtureName = keyof typeof FIXTURES;

export function fixtureDocument(name: FixtureName): Document {
  return parse(FIXTURES[name]());
}
