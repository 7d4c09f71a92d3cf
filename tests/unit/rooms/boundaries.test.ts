/**
 * The rule of the rooms (.dependency-cruiser.cjs, run on the real tree by `npm run lint:rooms`) proven able
 * to fail: a small tree laid out like ours, with one wrong import per rule, is cruised with the project's
 * own configuration.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

function cruise(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dpl-rooms-'));
  dirs.push(dir);
  cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const output = execFileSync(DEPCRUISE, ['lib', 'components', 'entrypoints', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const base = {
  'lib/shared/paper.ts': 'export const paper = 1;\n',
  'lib/background/lookup.ts': "import { paper } from '../shared/paper';\nexport const lookup = paper;\n",
  'lib/sites/kit/dom-ready.ts': "export const ready = 1;\n",
  'lib/sites/arxiv/reader.ts': "import { ready } from '../kit/dom-ready';\nexport const reader = ready;\n",
  'lib/sites/github/reader.ts': "export const github = 1;\n",
  'components/popup/List.tsx': "import { paper } from '../../lib/shared/paper';\nexport const List = () => paper;\n",
  'entrypoints/arxiv-paper.content/index.ts': "import { reader } from '../../lib/sites/arxiv/reader';\nexport default reader;\n",
};

describe('the rooms rule', () => {
  it('passes a tree that keeps it', () => {
    const { ok, output } = cruise(base);
    expect(output).toContain('no dependency violations');
    expect(ok).toBe(true);
  });

  it.each([
    ['popup-imports-only-itself-and-shared', 'lib/popup/store.ts', "import { lookup } from '../background/lookup';\nexport const s = lookup;\n"],
    ['shared-imports-only-shared', 'lib/shared/messages.ts', "import type { lookup } from '../background/lookup';\nexport type M = typeof lookup;\n"],
    ['site-imports-only-itself-the-kit-and-shared', 'lib/sites/arxiv/wrong.ts', "import { github } from '../github/reader';\nexport const w = github;\n"],
    ['site-entrypoint-imports-only-its-site-the-kit-and-shared', 'entrypoints/github.content/index.ts', "import { reader } from '../../lib/sites/arxiv/reader';\nexport default reader;\n"],
    ['lib-does-not-import-components', 'lib/popup/view.ts', "import { List } from '../../components/popup/List';\nexport const v = List;\n"],
    ['background-imports-only-itself-and-shared', 'lib/background/wrong.ts', "import { List } from '../../components/popup/List';\nexport const w = List;\n"],
  ])('fails a wrong import, naming the rule %s', (rule, path, text) => {
    const { ok, output } = cruise({ ...base, [path]: text });
    expect(ok).toBe(false);
    expect(output).toContain(`error ${rule}: ${path}`);
  });
});
