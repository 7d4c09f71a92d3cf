// @vitest-environment happy-dom
// happy-dom computes logical margins only where they are written as such: the real cascade is
// the browser tests' (tests/e2e/arxiv-paper.spec.ts).
import { describe, expect, it } from 'vitest';
import { indentLikeAnchor } from '../../../../components/sites/kit/paper-card-site';

function page(titleStyle: string) {
  document.head.innerHTML = `<style>#abs h1.title { ${titleStyle} }</style>`;
  document.body.innerHTML = '<div id="abs"><h1 class="title">A paper</h1><p>Authors</p></div>';
  const title = document.querySelector('h1')!;
  const host = document.createElement('dpl-paper-card');
  title.after(host);
  return { title, host };
}

describe("the card at its title's indent", () => {
  it("takes the title's start margin", () => {
    const { title, host } = page('margin-block: 12px; margin-inline-start: 20px;');
    indentLikeAnchor(host, { anchor: title, position: 'afterend' });
    expect(host.style.getPropertyValue('margin-inline-start')).toBe('20px');
  });

  it('drops it when the title has none, or a negative one', () => {
    const { title, host } = page('margin-inline-start: -4px;');
    host.style.setProperty('margin-inline-start', '20px');
    indentLikeAnchor(host, { anchor: title, position: 'afterend' });
    expect(host.style.getPropertyValue('margin-inline-start')).toBe('');
  });

  it('leaves a card that no longer follows its title, or that opens a page', () => {
    const { title, host } = page('margin-inline-start: 20px;');
    document.body.append(host);
    indentLikeAnchor(host, { anchor: title, position: 'afterend' });
    expect(host.style.getPropertyValue('margin-inline-start')).toBe('');
    document.body.prepend(host);
    indentLikeAnchor(host, { anchor: document.body, position: 'afterbegin' });
    expect(host.style.getPropertyValue('margin-inline-start')).toBe('');
  });
});
