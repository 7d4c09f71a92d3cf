// @vitest-environment happy-dom
/** The real badges: plain DOM in shadow roots sharing one stylesheet, hostile strings as text, labelled, linked, and gone when removed. */
import { describe, expect, it } from 'vitest';
import { createBadgeUi, INLINE_BADGE_HOST, REPO_BADGE_HOST } from '../../../../components/sites/github/badge-ui';
import { overview } from './overlay-fakes';

const HOSTILE = '<img src=x onerror="window.__pwned=1">Title';

function setup(scheme: 'light' | 'dark' = 'light') {
  document.body.replaceChildren();
  const article = document.createElement('article');
  article.className = 'markdown-body';
  const link = document.createElement('a');
  link.href = 'https://arxiv.org/abs/2506.06276';
  link.textContent = 'STARFlow';
  article.append(link);
  const about = document.createElement('div');
  document.body.append(article, about);
  const ui = createBadgeUi({ doc: document, css: '.dpl-badge{color:red}', colorScheme: () => scheme });
  return { ui, link, about };
}

describe('createBadgeUi', () => {
  it('puts an inline badge in a shadow root right after the link, labelled as the extension’s', () => {
    const { ui, link } = setup('dark');
    const paper = overview('2506.06276', 42, { numComments: 3 });
    const badge = ui.inline(link, paper);
    expect(link.nextElementSibling).toBe(badge.host);
    expect(badge.host.tagName.toLowerCase()).toBe(INLINE_BADGE_HOST);
    expect(badge.host.matches(ui.hostSelector)).toBe(true);
    expect(badge.host.getAttribute('data-dpl-theme')).toBe('dark');
    expect(badge.host.getAttribute('style')).toBe('all: initial; display: inline;');
    const shadow = badge.host.shadowRoot!;
    const anchor = shadow.querySelector('a')!;
    expect(anchor.parentNode).toBe(shadow);
    expect(anchor.classList.contains('dpl-root')).toBe(true);
    expect(anchor.getAttribute('href')).toBe('https://huggingface.co/papers/2506.06276');
    expect(anchor.getAttribute('title')).toContain('Daily Papers Lens');
    expect(anchor.textContent).toContain('▲ 42');
    expect(anchor.getAttribute('aria-label')).toBe('Daily Papers Lens: 42 upvotes, 3 comments on Hugging Face Daily Papers');
    expect(badge.host.textContent).toBe('');
  });

  it('styles every badge’s shadow root with one shared constructed stylesheet, not a <style> each', () => {
    const { ui, link, about } = setup();
    const roots = [
      ui.inline(link, overview('2506.06276')).host.shadowRoot!,
      ui.inline(link, overview('2506.00002')).host.shadowRoot!,
      ui.repo(about, [overview('2506.06276')], 'about').host.shadowRoot!,
    ];
    const [sheet] = roots[0]!.adoptedStyleSheets;
    expect([...sheet!.cssRules].map((rule) => rule.cssText).join('')).toContain('.dpl-badge');
    for (const root of roots) {
      expect(root.adoptedStyleSheets).toHaveLength(1);
      expect(root.adoptedStyleSheets[0]).toBe(sheet);
      expect(root.querySelector('style')).toBeNull();
    }
  });

  it('lists a repository’s papers with titles as text, HF and arXiv links, upvotes and comments', () => {
    const { ui, about } = setup();
    const papers = [
      overview('2506.06276', 42, { title: HOSTILE, numComments: 3, aiSummary: '<b>bold?</b>' }),
      overview('2506.00002', 7, { title: 'Second paper', numComments: undefined }),
    ];
    const badge = ui.repo(about, papers, 'about');
    expect(about.lastElementChild).toBe(badge.host);
    expect(badge.host.tagName.toLowerCase()).toBe(REPO_BADGE_HOST);
    expect(badge.host.getAttribute('style')).toBe('all: initial; display: block;');
    const shadow = badge.host.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('b')).toBeNull();
    const section = shadow.querySelector('section')!;
    expect(section.getAttribute('aria-label')).toMatch(/^Daily Papers Lens: /);
    expect(shadow.querySelector('h2')?.textContent).toContain('2 papers on Hugging Face Daily Papers');
    const items = [...shadow.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.dpl-repo-title')?.textContent)).toEqual([HOSTILE, 'Second paper']);
    expect(items[0]?.querySelector('.dpl-repo-summary')?.textContent).toBe('<b>bold?</b>');
    expect(items[0]?.querySelector('.dpl-upvotes')?.textContent).toBe('▲ 42');
    expect(items[0]?.querySelector('.dpl-comments')?.textContent).toBe('💬 3');
    expect(items[1]?.querySelector('.dpl-comments')).toBeNull();
    expect([...items[0]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://huggingface.co/papers/2506.06276',
      'https://arxiv.org/abs/2506.06276',
    ]);
    expect([...shadow.querySelectorAll('a')].every((a) => a.getAttribute('rel') === 'noopener noreferrer')).toBe(true);
  });

  it('shows the summary’s **bold** as <strong> elements holding text, hostile markup included', () => {
    const { ui, about } = setup();
    const summary = 'A **fast** flow; **<img src=x onerror="window.__pwned=1">** stays text; 2 ** 3.';
    const shadow = ui.repo(about, [overview('2506.06276', 1, { aiSummary: summary })], 'about').host.shadowRoot!;
    const paragraph = shadow.querySelector('.dpl-repo-summary')!;
    expect([...paragraph.querySelectorAll('strong')].map((el) => el.textContent)).toEqual(['fast', '<img src=x onerror="window.__pwned=1">']);
    expect([...paragraph.querySelectorAll('*')].map((el) => el.tagName)).toEqual(['STRONG', 'STRONG']);
    expect(paragraph.textContent).toBe('A fast flow; <img src=x onerror="window.__pwned=1"> stays text; 2 ** 3.');
    expect(shadow.querySelector('img')).toBeNull();
  });

  it('in the header: a compact row without a heading element, more than two papers folded into "+N more"', () => {
    const { ui, about } = setup();
    const papers = ['2506.00001', '2506.00002', '2506.00003', '2506.00004'].map((id, i) => overview(id, 40 - i));
    const header = ui.repo(about, papers, 'header').host as HTMLElement;
    // A flex base size of 0: it always fits on the name row's line (GitHub wraps that row), taking the room left.
    expect(header.style.display).toBe('block');
    expect([header.style.flexGrow, header.style.flexShrink, header.style.flexBasis, header.style.minWidth]).toEqual(['1', '1', '0px', '0']);
    const shadow = header.shadowRoot!;
    expect(shadow.querySelector('h2')).toBeNull();
    expect(shadow.querySelector('section')?.classList.contains('dpl-repo-header')).toBe(true);
    expect(shadow.querySelector('section')?.getAttribute('title')).toContain('Daily Papers Lens');
    expect([...shadow.querySelectorAll('section > ul > li')].map((li) => li.getAttribute('data-paper-id'))).toEqual(['2506.00001', '2506.00002']);
    expect(shadow.querySelector('details summary')?.textContent).toBe('+2 more');
    expect([...shadow.querySelectorAll('details li')].map((li) => li.getAttribute('data-paper-id'))).toEqual(['2506.00003', '2506.00004']);
    const single = ui.repo(about, [overview('2506.06276', 42)], 'header').host.shadowRoot!;
    expect(single.querySelector('details')).toBeNull();
  });

  it('remove() takes the badge’s host out of the page', () => {
    const { ui, link, about } = setup();
    const inline = ui.inline(link, overview('2506.06276'));
    const repo = ui.repo(about, [overview('2506.06276')], 'about');
    inline.remove();
    repo.remove();
    expect(document.querySelectorAll(ui.hostSelector)).toHaveLength(0);
    expect(inline.host.isConnected || repo.host.isConnected).toBe(false);
    expect(link.nextSibling).toBeNull();
  });
});
