// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HostThemes } from '../../../../lib/sites/kit/page-theme';
import { THEME_ATTRIBUTE } from '../../../../lib/sites/kit/shadow-host';

describe('HostThemes', () => {
  it('starts every host light, reads the look once a frame later, gives it to later hosts, and follows a switch', () => {
    document.body.innerHTML = '<main><p id="a"></p><p id="b"></p></main>';
    const main = document.querySelector('main')!;
    const scheduled: (() => void)[] = [];
    const themes = new HostThemes((read) => scheduled.push(read));
    const host = (id: string) => {
      const element = document.createElement('dpl-paper-badge');
      document.getElementById(id)!.append(element);
      return element;
    };
    const first = host('a');
    const second = host('b');
    themes.add(first, first.parentElement!);
    themes.add(second, second.parentElement!);
    // One read scheduled, none done yet: light until then.
    expect(scheduled).toHaveLength(1);
    expect([first, second].map((h) => h.getAttribute(THEME_ATTRIBUTE))).toEqual(['light', 'light']);

    main.style.backgroundColor = 'rgb(13, 17, 23)';
    scheduled[0]!();
    expect([first, second].map((h) => h.getAttribute(THEME_ATTRIBUTE))).toEqual(['dark', 'dark']);
    const third = host('a');
    themes.add(third, third.parentElement!);
    expect(third.getAttribute(THEME_ATTRIBUTE)).toBe('dark');
    expect(scheduled).toHaveLength(1);

    main.style.backgroundColor = 'rgb(255, 255, 255)';
    themes.follow();
    expect([first, second, third].map((h) => h.getAttribute(THEME_ATTRIBUTE))).toEqual(['light', 'light', 'light']);
  });

  it('reads the look once when it was read before its frame came (badges put in at a frame, as a page is parsed)', () => {
    document.body.innerHTML = '<main><p id="a"></p></main>';
    const main = document.querySelector('main')!;
    const scheduled: (() => void)[] = [];
    const themes = new HostThemes((read) => scheduled.push(read));
    const host = document.createElement('dpl-paper-badge');
    document.getElementById('a')!.append(host);
    main.style.backgroundColor = 'rgb(13, 17, 23)';
    themes.add(host, host.parentElement!);
    themes.follow();
    expect(host.getAttribute(THEME_ATTRIBUTE)).toBe('dark');
    // The frame's read, scheduled at the first host, finds the look known: not read again (a light
    // page now would show if it were).
    main.style.backgroundColor = 'rgb(255, 255, 255)';
    scheduled[0]!();
    expect(host.getAttribute(THEME_ATTRIBUTE)).toBe('dark');
  });
});
