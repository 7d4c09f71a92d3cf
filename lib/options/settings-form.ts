/**
 * The options page's form and the settings it stands for. Reading settings forgives (a bad stored value
 * falls back to its default); a form does not: a value out of bounds gets a clear message and is not
 * saved. Bounds come from the settings schema itself, so the two can never disagree.
 */
import { RETENTION_CHOICES, SettingsSchema, type Settings } from '../shared/settings';
import type { SiteId } from '../shared/sites';

export interface SettingsForm {
  /** Watch lists: one entry per line. */
  keywords: string;
  authors: string;
  organizations: string;
  watchUpvoteThreshold: string;
  notificationsEnabled: boolean;
  dailyDigest: boolean;
  liveLookups: boolean;
  backfillDays: string;
  syncIntervalMinutes: string;
  /** Days of Daily Papers kept, or `forever` (one of `RETENTION_CHOICES`). */
  retentionDays: string;
  /** The per-site switches (lib/shared/sites.ts). */
  sites: Record<SiteId, boolean>;
  highlightThreshold: string;
}

export type SettingsFormErrors = Partial<Record<keyof SettingsForm, string>>;

const shape = SettingsSchema.shape;
const listSchema = shape.watch.unwrap().shape.keywords.unwrap();

export function toSettingsForm(settings: Settings): SettingsForm {
  return {
    keywords: settings.watch.keywords.join('\n'),
    authors: settings.watch.authors.join('\n'),
    organizations: settings.watch.organizations.join('\n'),
    watchUpvoteThreshold: String(settings.watchUpvoteThreshold),
    notificationsEnabled: settings.notificationsEnabled,
    dailyDigest: settings.dailyDigest,
    liveLookups: settings.liveLookups,
    backfillDays: String(settings.backfillDays),
    syncIntervalMinutes: String(settings.syncIntervalMinutes),
    retentionDays: String(settings.retentionDays),
    sites: { ...settings.sites },
    highlightThreshold: String(settings.highlightThreshold),
  };
}

/** One entry per line, trimmed, blank lines and repeats (ignoring case) dropped. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => {
      const key = line.toLowerCase();
      if (!line || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The retention choices as the options page lists them; a stored value not among them is listed too. */
export function retentionChoices(current: string): { value: string; label: string }[] {
  const label = (value: string) => {
    if (value === 'forever') return 'For ever';
    const days = Number(value);
    if (days === 365) return 'A year';
    if (days % 365 === 0) return `${days / 365} years`;
    return `${days} days`;
  };
  const values = RETENTION_CHOICES.map(String);
  if (!values.includes(current)) values.splice(values.length - 1, 0, current);
  return values.map((value) => ({ value, label: label(value) }));
}

function readRetention(text: string): Settings['retentionDays'] {
  return text === 'forever' ? 'forever' : Number(text);
}

type NumberSetting = 'backfillDays' | 'syncIntervalMinutes' | 'watchUpvoteThreshold' | 'highlightThreshold';

const UNITS: Record<NumberSetting, string> = {
  backfillDays: 'days',
  syncIntervalMinutes: 'minutes',
  watchUpvoteThreshold: 'upvotes',
  highlightThreshold: 'upvotes',
};

/** The bounds the settings schema allows for a number setting. */
export function numberBounds(key: NumberSetting): { min: number; max: number } {
  const inner = shape[key].unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function readNumber(key: NumberSetting, text: string, errors: SettingsFormErrors): number {
  const { min, max } = numberBounds(key);
  const value = text.trim() === '' ? Number.NaN : Number(text.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    errors[key] = `Enter a whole number from ${min} to ${max.toLocaleString('en')} ${UNITS[key]}.`;
  }
  return value;
}

function readList(key: 'keywords' | 'authors' | 'organizations', text: string, errors: SettingsFormErrors): string[] {
  const list = parseWordList(text);
  const parsed = listSchema.safeParse(list);
  const issue = parsed.error?.issues[0];
  if (issue?.code === 'too_big') {
    const line = issue.path[0];
    errors[key] =
      typeof line === 'number'
        ? `Each line can hold ${issue.maximum} characters at most; line ${line + 1} is longer.`
        : `At most ${issue.maximum} lines (there are ${list.length}).`;
  } else if (issue) {
    errors[key] = issue.message;
  }
  return list;
}

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: SettingsFormErrors };

export function readSettingsForm(form: SettingsForm): FormResult {
  const errors: SettingsFormErrors = {};
  const candidate = {
    backfillDays: readNumber('backfillDays', form.backfillDays, errors),
    syncIntervalMinutes: readNumber('syncIntervalMinutes', form.syncIntervalMinutes, errors),
    retentionDays: readRetention(form.retentionDays),
    liveLookups: form.liveLookups,
    sites: form.sites,
    highlightThreshold: readNumber('highlightThreshold', form.highlightThreshold, errors),
    watch: {
      keywords: readList('keywords', form.keywords, errors),
      authors: readList('authors', form.authors, errors),
      organizations: readList('organizations', form.organizations, errors),
    },
    watchUpvoteThreshold: readNumber('watchUpvoteThreshold', form.watchUpvoteThreshold, errors),
    notificationsEnabled: form.notificationsEnabled,
    dailyDigest: form.dailyDigest,
  };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, settings: SettingsSchema.parse(candidate) };
}
