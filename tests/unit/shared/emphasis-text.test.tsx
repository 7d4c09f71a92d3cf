// @vitest-environment happy-dom
/** The Preact view of emphasis runs, as the arXiv card and the popup use it: elements built, never HTML parsed. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EmphasisText } from '../../../components/shared/EmphasisText';

function rendered(text: string): HTMLElement {
  const root = document.createElement('p');
  render(<EmphasisText text={text} />, root);
  return root;
}

describe('EmphasisText', () => {
  it('shows each **bold** run as a <strong> holding its text, the rest as text nodes', () => {
    const root = rendered('We propose **ToolHazard**, then build **ToolHazard-Bench**.');
    expect([...root.childNodes].map((node) => node.nodeName)).toEqual(['#text', 'STRONG', '#text', 'STRONG', '#text']);
    expect([...root.querySelectorAll('strong')].map((el) => el.textContent)).toEqual(['ToolHazard', 'ToolHazard-Bench']);
    expect(root.textContent).toBe('We propose ToolHazard, then build ToolHazard-Bench.');
  });

  it('keeps hostile markup inside and outside the marks as text: no element but <strong> is made', () => {
    const root = rendered('**<img src=x onerror=alert(1)>** and <script>alert(1)</script> and **x');
    expect([...root.querySelectorAll('*')].map((el) => el.tagName)).toEqual(['STRONG']);
    expect(root.querySelector('strong')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.textContent).toBe('<img src=x onerror=alert(1)> and <script>alert(1)</script> and **x');
  });

  it('renders text without marks as it is', () => {
    expect(rendered('Plain.').innerHTML).toBe('Plain.');
    expect(rendered('').childNodes).toHaveLength(0);
  });
});
