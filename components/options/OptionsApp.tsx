/** The options page: every setting, and the person's data. */
import type { PapersDB } from '../../lib/shared/db';
import { OptionsData } from './OptionsData';
import { OptionsSettingsForm } from './OptionsSettingsForm';

export function OptionsApp({ db }: { db: PapersDB }) {
  return (
    <main class="options">
      <h1>Daily Papers Lens: options</h1>
      <OptionsSettingsForm />
      <OptionsData db={db} />
    </main>
  );
}
