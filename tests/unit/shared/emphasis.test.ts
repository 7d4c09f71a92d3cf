import { describe, expect, it } from 'vitest';
import { emphasisRuns, type TextRun } from '../../../lib/shared/emphasis';

const plain = (text: string): TextRun => ({ text, strong: false });
const strong = (text: string): TextRun => ({ text, strong: true });

describe('emphasisRuns', () => {
  it('reads `**…**` as strong runs between plain ones (a real abstract of 2026-08-10)', () => {
    expect(emphasisRuns('from two dimensions: **diversity** and **difficulty structure**. For diversity, we propose **Ability-aware Environment Selection**')).toEqual([
      plain('from two dimensions: '),
      strong('diversity'),
      plain(' and '),
      strong('difficulty structure'),
      plain('. For diversity, we propose '),
      strong('Ability-aware Environment Selection'),
    ]);
  });

  it('gives text without marks as one plain run, and nothing for nothing', () => {
    expect(emphasisRuns('We scale flows.')).toEqual([plain('We scale flows.')]);
    expect(emphasisRuns('')).toEqual([]);
  });

  it.each([
    ['**unclosed', [plain('**unclosed')]],
    ['closed** only', [plain('closed** only')]],
    ['2 ** 3 and x ** y', [plain('2 ** 3 and x ** y')]],
    ['** spaced **', [plain('** spaced **')]],
    ['****', [plain('****')]],
    ['***a***', [plain('***a***')]],
    ['**a**b**', [strong('a'), plain('b**')]],
    ['a **b** c **d', [plain('a '), strong('b'), plain(' c **d')]],
    ['**a ** b**', [strong('a ** b')]],
    ['**x**', [strong('x')]],
  ])('leaves a `**` without its partner as written: %j', (text, runs) => {
    expect(emphasisRuns(text)).toEqual(runs);
  });

  it('spans a line break, never a blank line', () => {
    expect(emphasisRuns('**High-resolution\n  Synthesis**')).toEqual([strong('High-resolution\n  Synthesis')]);
    expect(emphasisRuns('**one\n\ntwo** and **three**')).toEqual([plain('**one\n\ntwo** and '), strong('three')]);
  });

  it('keeps hostile markup as the text of its run: it is never parsed', () => {
    expect(emphasisRuns('**<img src=x onerror=alert(1)>**')).toEqual([strong('<img src=x onerror=alert(1)>')]);
    expect(emphasisRuns('<b>**</b>**<script>alert(1)</script>')).toEqual([plain('<b>'), strong('</b>'), plain('<script>alert(1)</script>')]);
    expect(emphasisRuns('**&lt;b&gt;**')).toEqual([strong('&lt;b&gt;')]);
  });

  it('loses no character but the marks it read', () => {
    for (const text of ['a **b** c', '**', '* * *', 'x**y**z**', '**a**\n\n**b**', ' **a** ']) {
      const runs = emphasisRuns(text);
      const marksRead = runs.filter((run) => run.strong).length * 4;
      expect(runs.map((run) => run.text).join('').length).toBe(text.length - marksRead);
      // Neighbouring runs differ: plain text is never split in two.
      runs.forEach((run, i) => i > 0 && expect(run.strong || runs[i - 1]!.strong).toBe(true));
    }
  });

  it('takes linear time on hostile input (thousands of unpartnered marks)', () => {
    const started = performance.now();
    emphasisRuns(`x${' **a'.repeat(5_000)}`);
    emphasisRuns('**'.repeat(10_000));
    emphasisRuns(`**a${'\n\n**b'.repeat(5_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
