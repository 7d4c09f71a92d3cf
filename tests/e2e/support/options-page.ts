/** Driving the options page the way a person does. */
import type { BrowserContext } from '@playwright/test';
import { expect } from './extension-test';

/** Sets a checkbox of the options page and saves; answers the status the page showed. */
export async function setOption(context: BrowserContext, extensionId: string, label: string, checked: boolean): Promise<string> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel(label).setChecked(checked);
  await options.getByRole('button', { name: 'Save settings' }).click();
  const status = options.getByTestId('settings-status');
  await expect(status).toHaveText(/^Saved/);
  const text = (await status.textContent()) ?? '';
  await options.close();
  return text;
}
