/**
 * GitHub's light or dark look, as the page states it: `<html data-color-mode="light|dark|auto">`, where
 * `auto` follows the system. The badges use GitHub's own colour variables where the page defines them;
 * this decides the fallbacks.
 */
export type ColorScheme = 'light' | 'dark';

export function githubColorScheme(doc: Document, systemPrefersDark: boolean): ColorScheme {
  const mode = doc.documentElement.getAttribute('data-color-mode');
  if (mode === 'dark' || mode === 'light') return mode;
  return systemPrefersDark ? 'dark' : 'light';
}
