/** Every setting in one form, saved together to the browser's synced storage. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserDataConsent } from '../../lib/shared/data-consent';
import { readSettings, SYNC_ITEM_MAX_BYTES, syncedBytes, watchListsSynced, writeSettings } from '../../lib/shared/settings';
import { SITES } from '../../lib/shared/sites';
import { SITE_SENDS } from '../../lib/options/site-sends';
import { releaseSitesOff, siteAccessHint } from '../../lib/options/site-access';
import { askToTurnOn } from '../../lib/shared/sites';
import { browser } from 'wxt/browser';
import { numberBounds, readSettingsForm, retentionChoices, toSettingsForm, type SettingsForm, type SettingsFormErrors } from '../../lib/options/settings-form';
import { CheckboxField, ListField, NumberField, SelectField } from './OptionsFields';

export function OptionsSettingsForm() {
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<SettingsFormErrors>({});
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  const formRef = useRef<HTMLFormElement>(null);

  // Firefox: live lookups also need the person's consent to send browsing activity (shown as off until given).
  const consent = browserDataConsent();
  const withConsent = async (form: SettingsForm): Promise<SettingsForm> => ({
    ...form,
    liveLookups: form.liveLookups && (await consent.granted('browsingActivity')),
  });

  useEffect(() => {
    void readSettings().then((settings) => withConsent(toSettingsForm(settings))).then(setForm);
  }, []);

  if (!form) return <p class="loading">Loading your settings…</p>;

  const set = (patch: Partial<SettingsForm>) => {
    setForm({ ...form, ...patch });
    setStatus({ text: '' });
  };
  const number = (key: 'backfillDays' | 'syncIntervalMinutes' | 'watchUpvoteThreshold' | 'highlightThreshold') => ({
    id: key,
    value: form[key],
    error: errors[key],
    ...numberBounds(key),
    onInput: (value: string) => set({ [key]: value }),
  });
  const list = (key: 'keywords' | 'authors' | 'organizations') => ({
    id: key,
    value: form[key],
    error: errors[key],
    onInput: (value: string) => set({ [key]: value }),
  });

  // Said before saving: watch lists too long for one synced item stay in this browser (lib/shared/settings.ts).
  const candidate = readSettingsForm(form);
  const keptLocally = candidate.ok && !watchListsSynced(candidate.settings);

  const save = async (event: Event) => {
    event.preventDefault();
    const result = readSettingsForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus({ text: 'Not saved: please correct the fields marked below.', error: true });
      // The first wrong field in page order takes the focus (before the re-render marks it).
      const fields = [...(formRef.current?.querySelectorAll<HTMLElement>('input, textarea') ?? [])];
      fields.find((field) => field.id in result.errors)?.focus();
      return;
    }
    try {
      const saved = await writeSettings(result.settings);
      if (!saved.liveLookups) await consent.revoke('browsingActivity');
      await releaseSitesOff(saved.sites, browser.permissions);
      setErrors({});
      setForm(await withConsent(toSettingsForm(saved)));
      setStatus({
        text: watchListsSynced(saved)
          ? 'Saved. Your settings follow you to every browser you sync.'
          : 'Saved. Your watch lists are kept in this browser only; your other settings follow you to every browser you sync.',
      });
    } catch (error) {
      setStatus({ text: `Not saved: the browser refused to store the settings (${error instanceof Error ? error.message : String(error)}).`, error: true });
    }
  };

  return (
    <form ref={formRef} class="settings" onSubmit={(e) => void save(e)} noValidate aria-label="Settings">
      <fieldset>
        <legend>Watch lists</legend>
        <p class="section-hint">A new paper on Daily Papers that matches any line gets one notification, once.</p>
        <ListField label="Keywords" hint="One per line. Whole words in the title, abstract or HF keywords; plurals match too." {...list('keywords')} />
        <ListField label="Authors" hint="One full name per line, as on the paper." {...list('authors')} />
        <ListField label="Organizations" hint="One per line: the HF organization's name (e.g. “apple”) or its full name." {...list('organizations')} />
        {keptLocally && candidate.ok && (
          <p class="section-hint field-warning" role="status" data-testid="watch-kept-locally">
            These lists take {(syncedBytes(candidate.settings) / 1024).toFixed(1)} KB with your other settings, more than the{' '}
            {SYNC_ITEM_MAX_BYTES / 1024} KB your browser syncs in one setting: they will be kept in this browser only, not synced to your
            other browsers. Everything else still syncs.
          </p>
        )}
        <NumberField label="Notify only from this many upvotes" hint="0: any match." {...number('watchUpvoteThreshold')} />
      </fieldset>

      <fieldset>
        <legend>Notifications</legend>
        <CheckboxField id="notificationsEnabled" label="Show notifications" hint="Off: no notification at all; the toolbar badge still counts." checked={form.notificationsEnabled} onChange={(v) => set({ notificationsEnabled: v })} />
        <CheckboxField id="dailyDigest" label="Daily digest: one notification with the top titles when a new day's list appears" checked={form.dailyDigest} onChange={(v) => set({ dailyDigest: v })} />
      </fieldset>

      <fieldset>
        <legend>Sync and privacy</legend>
        <CheckboxField
          id="liveLookups"
          label="Live lookups"
          hint={`When you open an arXiv abstract of a paper not synced yet, ask Hugging Face about that one paper. Off: nothing about what you read ever leaves the browser.${import.meta.env.FIREFOX ? ' Firefox asks for your consent first (browsing activity).' : ''}`}
          checked={form.liveLookups}
          onChange={(v) => {
            if (!v) return set({ liveLookups: false });
            // Asked within the click: Firefox shows its consent prompt (elsewhere, always yes).
            void consent.request('browsingActivity').then((allowed) => {
              setForm((current) => current && { ...current, liveLookups: allowed });
              setStatus({ text: '' });
            });
          }}
        />
        <NumberField label="Days to keep in sync" hint="How far back the Daily Papers lists are fetched." {...number('backfillDays')} />
        <NumberField label="Sync every (minutes)" {...number('syncIntervalMinutes')} />
        <SelectField
          id="retentionDays"
          label="Keep Daily Papers for"
          hint="Older papers and their upvote history leave this browser (upvote points older than a month are kept one a day). Saved and read papers are always kept."
          value={form.retentionDays}
          choices={retentionChoices(form.retentionDays)}
          onChange={(value) => set({ retentionDays: value })}
        />
      </fieldset>

      <fieldset>
        <legend>Sites</legend>
        {SITES.map((site) => (
          <CheckboxField
            key={site.id}
            id={`site-${site.id}`}
            label={`Show Daily Papers on ${site.label}`}
            hint={SITE_SENDS[site.sends] + siteAccessHint(site)}
            checked={form.sites[site.id]}
            onChange={(v) => {
              if (!v) return set({ sites: { ...form.sites, [site.id]: false } });
              // Asked within the click: the browser prompts for the site's hosts (sites turned on later only).
              void askToTurnOn(site, browser.permissions).then((allowed) => {
                setForm((current) => current && { ...current, sites: { ...current.sites, [site.id]: allowed } });
                setStatus(allowed ? { text: '' } : { text: `${site.label} stays off: the browser did not allow access to ${site.hosts.join(', ')}.`, error: true });
              });
            }}
          />
        ))}
        <NumberField label="Highlight listing entries from this many upvotes" hint="0: no highlight." {...number('highlightThreshold')} />
      </fieldset>

      <div class="actions">
        <button type="submit" class="primary">
          Save settings
        </button>
        <p class={status.error ? 'status status-error' : 'status'} role="status" data-testid="settings-status">
          {status.text}
        </p>
      </div>
    </form>
  );
}
