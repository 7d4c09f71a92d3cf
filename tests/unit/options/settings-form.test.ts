import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/shared/settings';
import { numberBounds, retentionChoices, parseWordList, readSettingsForm, toSettingsForm } from '../../../lib/options/settings-form';

describe('settings form', () => {
  it('round-trips the settings', () => {
    const settings = { ...DEFAULT_SETTINGS, watch: { keywords: ['diffusion', 'normalizing flows'], authors: ['Jiatao Gu'], organizations: ['apple'] }, backfillDays: 7 };
    expect(readSettingsForm(toSettingsForm(settings))).toEqual({ ok: true, settings });
  });

  it('reads one entry per line, trimmed, without blanks or repeats', () => {
    expect(parseWordList('  diffusion \n\nDiffusion\r\nnormalizing   flows\n<img src=x onerror=alert(1)>\n')).toEqual(['diffusion', 'normalizing flows', '<img src=x onerror=alert(1)>']);
  });

  it('refuses numbers out of the schema\'s bounds, with a clear message per field', () => {
    const form = { ...toSettingsForm(DEFAULT_SETTINGS), backfillDays: '0', syncIntervalMinutes: '5', watchUpvoteThreshold: '2.5', highlightThreshold: 'lots' };
    const result = readSettingsForm(form);
    expect(result).toEqual({
      ok: false,
      errors: {
        backfillDays: 'Enter a whole number from 1 to 90 days.',
        syncIntervalMinutes: 'Enter a whole number from 15 to 1,440 minutes.',
        watchUpvoteThreshold: 'Enter a whole number from 0 to 100,000 upvotes.',
        highlightThreshold: 'Enter a whole number from 0 to 100,000 upvotes.',
      },
    });
    expect(numberBounds('backfillDays')).toEqual({ min: 1, max: 90 });
  });

  it('refuses too long lines and too many lines', () => {
    const form = toSettingsForm(DEFAULT_SETTINGS);
    const long = readSettingsForm({ ...form, keywords: `ok\n${'x'.repeat(201)}` });
    expect(long).toEqual({ ok: false, errors: { keywords: 'Each line can hold 200 characters at most; line 2 is longer.' } });
    const many = readSettingsForm({ ...form, authors: Array.from({ length: 201 }, (_, i) => `Author ${i}`).join('\n') });
    expect(many).toEqual({ ok: false, errors: { authors: 'At most 200 lines (there are 201).' } });
  });

  it('offers the retention choices (a year by default, for ever), and keeps a stored value not among them', () => {
    const form = toSettingsForm(DEFAULT_SETTINGS);
    expect(form.retentionDays).toBe('365');
    expect(retentionChoices('365').map((c) => c.label)).toEqual(['30 days', '90 days', '180 days', 'A year', '2 years', 'For ever']);
    expect(retentionChoices('400').map((c) => c.value)).toEqual(['30', '90', '180', '365', '730', '400', 'forever']);
    const forever = readSettingsForm({ ...form, retentionDays: 'forever' });
    expect(forever.ok && forever.settings.retentionDays).toBe('forever');
    const days = readSettingsForm({ ...form, retentionDays: '90' });
    expect(days.ok && days.settings.retentionDays).toBe(90);
  });
});
