/**
 * The badge is the same on every site: every content script puts the kit's badge sheet first in its
 * shadow roots (a site's own sheet only sizes it, aligns it in the line, or recolours it through --dpl-badge-* variables).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRYPOINTS = join(__dirname, '../../../entrypoints');
const contentScripts = readdirSync(ENTRYPOINTS).filter((name) => name.endsWith('.content'));

describe('one badge stylesheet', () => {
  it.each(contentScripts)('%s styles its badges with components/sites/kit/paper-badge.css', (name) => {
    const dir = join(ENTRYPOINTS, name);
    const source = readdirSync(dir)
      .filter((file) => /^index\.tsx?$/.test(file))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
    expect(source).toContain("from '../../components/sites/kit/paper-badge.css?inline'");
  });

  it('no site sheet restyles the badge beyond its size, where it sits in the line, and variables', () => {
    for (const sheet of ['components/sites/kit/paper-overlay.css', 'components/sites/github/overlay.css']) {
      const css = readFileSync(join(__dirname, '../../..', sheet), 'utf8');
      const badgeRules = [...css.matchAll(/\.dpl-badge[^{]*\{([^}]*)\}/g)].map((m) => m[1]!);
      for (const body of badgeRules) {
        const properties = body.split(';').map((d) => d.split(':')[0]!.trim()).filter(Boolean);
        // Its size, and its alignment in the line (arXiv's badge is one line high, set at the line's top: paper-overlay.css).
        expect(properties.every((p) => ['font-size', 'line-height', 'vertical-align'].includes(p)), `${sheet}: ${properties.join(', ')}`).toBe(true);
      }
    }
  });
});
