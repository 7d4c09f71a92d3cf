import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every script the popup loads, as paths inside the built extension: those popup.html names, and the
 * chunks they import, statically or later (a dynamic import, should the popup get one again).
 */
export function popupScripts(extensionDir: string): string[] {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  const found = new Set([...html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1] ?? m[2]!));
  for (const script of found) {
    const code = readFileSync(join(extensionDir, script), 'utf8');
    const dir = script.slice(0, script.lastIndexOf('/') + 1);
    for (const [, path] of code.matchAll(/"((?:\.\/|chunks\/)[\w./-]+\.js)"/g)) found.add(path!.startsWith('./') ? dir + path!.slice(2) : path!);
  }
  return [...found];
}
