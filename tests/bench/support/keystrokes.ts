/** Typing into the popup's search box, a keystroke at a time, and timing each (the popup and search benches). */
import type { Page } from '@playwright/test';

/** What a person types: each phrase a prefix at a time. */
export const TYPED = ['diffusion model', 'normalizing flows', 'video generation agents', 'kalo'];

/**
 * Each keystroke of the phrases: input event → results changed in the DOM (`dom`), and → the next frame
 * (`frame`), in ms. A keystroke whose results did not change within a second is left out.
 */
export async function timeKeystrokes(page: Page, phrases: readonly string[] = TYPED): Promise<{ dom: number[]; frame: number[] }> {
  return page.evaluate(async (phrases) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const panel = document.getElementById('view-panel')!;
    const dom: number[] = [];
    const frame: number[] = [];
    for (const phrase of phrases) {
      for (let i = 0; i <= phrase.length; i++) {
        const text = i === 0 ? 'x' : phrase.slice(0, i);
        const changed = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(performance.now());
          });
          observer.observe(panel, { childList: true, subtree: true, characterData: true });
        });
        const start = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const updated = await Promise.race([changed, new Promise<number>((r) => setTimeout(() => r(NaN), 1000))]);
        const next = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
        if (i > 0 && !Number.isNaN(updated)) {
          dom.push(updated - start);
          frame.push(next - start);
        }
      }
    }
    return { dom, frame };
  }, phrases);
}
