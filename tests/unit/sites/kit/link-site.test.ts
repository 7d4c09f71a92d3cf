// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runLinkSite } from '../../../../components/sites/kit/link-site';
import { findPaperLinks } from '../../../../lib/sites/kit/paper-links';
import { sendRequest } from '../../../../lib/shared/messages';

vi.mock('../../../../lib/shared/messages', async (original) => ({ ...(await original<typeof import('../../../../lib/shared/messages')>()), sendRequest: vi.fn() }));

const asked = vi.mocked(sendRequest);
const ANSWER = { enabled: true, highlightThreshold: 0, index: '2506.06276 12 3' };
const badges = () => [...document.querySelectorAll('dpl-paper-badge')].map((host) => host.previousElementSibling?.getAttribute('href'));
const nextFrames = () => new Promise((resolve) => setTimeout(resolve, 50));

function run(indexWhenSeen: boolean) {
  const controller = new AbortController();
  const ctx = { signal: controller.signal, isInvalid: false };
  void runLinkSite(ctx, { site: 'hackernews', css: '', find: (root) => findPaperLinks(root), watchAdded: true, indexWhenSeen });
  return controller;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('runLinkSite', () => {
  it('asks at once for a site whose pages name papers, before the page is read', async () => {
    asked.mockResolvedValue(ANSWER as never);
    document.body.innerHTML = '<p>No paper here.</p>';
    const controller = run(false);
    expect(asked).toHaveBeenCalledTimes(1);
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276">paper</a>');
    await vi.waitFor(() => expect(badges()).toEqual(['https://arxiv.org/abs/2506.06276']));
    controller.abort();
  });

  it('with indexWhenSeen, asks nothing of a page that names no paper, and asks once when one appears', async () => {
    asked.mockResolvedValue(ANSWER as never);
    document.body.innerHTML = '<p>No paper here.</p><a href="https://example.org/">elsewhere</a>';
    const controller = run(true);
    await nextFrames();
    expect(asked).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276">paper</a><a href="https://arxiv.org/pdf/2506.06276v2">pdf</a>');
    await vi.waitFor(() => expect(badges()).toEqual(['https://arxiv.org/abs/2506.06276', 'https://arxiv.org/pdf/2506.06276v2']));
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276v3">again</a>');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    expect(asked).toHaveBeenCalledTimes(1);
    expect(asked).toHaveBeenCalledWith({ type: 'badgeIndex', site: 'hackernews' });
    controller.abort();
    expect(badges()).toEqual([]);
  });

  it('with indexWhenSeen and the site off, badges nothing and asks no more', async () => {
    asked.mockResolvedValue({ enabled: false, highlightThreshold: 0, index: '' } as never);
    document.body.innerHTML = '<a href="https://arxiv.org/abs/2506.06276">paper</a>';
    const controller = run(true);
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    document.body.insertAdjacentHTML('beforeend', '<a href="https://arxiv.org/abs/2506.06276v3">again</a>');
    await nextFrames();
    expect(badges()).toEqual([]);
    expect(asked).toHaveBeenCalledTimes(1);
    controller.abort();
  });
});
