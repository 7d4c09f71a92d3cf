import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../lib/shared/messages';
import { SETTINGS_KEY } from '../../lib/shared/storage-keys';
import { hostsToCheck, showBadgesOnce, tabIdFromSearch, thisPageOffer, turnOnAlways, type ThisPageApi, type ThisPageOffer } from '../../lib/popup/this-page';

interface Target {
  tabId: number;
  offer: ThisPageOffer;
}

const api: ThisPageApi = {
  executeScript: (injection) => browser.scripting.executeScript(injection),
  permissions: browser.permissions,
  turnSiteOn: async (site) => (await sendRequest({ type: 'turnSiteOn', site })).on,
  reload: (tabId) => browser.tabs.reload(tabId),
};

async function readTarget(): Promise<Target | undefined> {
  const asked = tabIdFromSearch(location.search);
  const tab = asked !== undefined ? await browser.tabs.get(asked) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  const stored = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  let offer = thisPageOffer(tab.url, stored, false);
  if (offer.kind === 'site-off' || offer.kind === 'site-on') {
    const origins = hostsToCheck(offer.site);
    const granted = origins.length === 0 || (await browser.permissions.contains({ origins }).catch(() => false));
    offer = thisPageOffer(tab.url, stored, granted);
  }
  return { tabId: tab.id, offer };
}

/** The popup's "this page" row: badges on the current tab once, or its site always on. */
export function ThisPage() {
  const [target, setTarget] = useState<Target>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    readTarget().then(setTarget, () => undefined);
  }, []);
  if (!target || target.offer.kind === 'none') return null;
  const { tabId, offer } = target;
  if (offer.kind === 'site-on') {
    return (
      <footer class="this-page">
        <p class="this-page-status" data-testid="this-page-status">Badges are on for {offer.site.label}.</p>
      </footer>
    );
  }
  const once = () =>
    void showBadgesOnce(api, tabId).then((done) =>
      setStatus(done ? 'Badges shown on this page, once.' : 'This page cannot be reached: open the popup from the toolbar button while on it.'),
    );
  const always = offer.kind === 'site-off' ? offer.site : undefined;
  const turnOn = () =>
    always &&
    void turnOnAlways(api, always, tabId).then((done) => setStatus(done ? `${always.label} is on: its pages show badges from now on.` : `${always.label} stays off.`));
  return (
    <footer class="this-page">
      <button type="button" class="link-button" onClick={once}>
        Show badges on this page
      </button>
      {always && (
        <button type="button" class="link-button" onClick={turnOn}>
          Always on {always.label}
        </button>
      )}
      {status && (
        <p class="this-page-status" role="status" data-testid="this-page-status">
          {status}
        </p>
      )}
    </footer>
  );
}
