/**
 * Firefox's built-in consent for data collection (the manifest's `data_collection_permissions`): the
 * Firefox build declares what it may send about the person as *optional* — `browsingActivity` (the arXiv
 * id of a paper page opened, for live lookups) and `searchTerms` (the words of a "search all of Hugging
 * Face") — so it sends neither until the person grants it (the options page and the popup ask; so does
 * about:addons). Other browsers have no such consent: there the settings alone decide.
 */
import { browser } from 'wxt/browser';
import type { HfSearchAnswer } from './messages';

export type DataCollection = 'browsingActivity' | 'searchTerms';

/** The slice of Firefox's `permissions` API that handles data collection (Firefox 140+). */
export interface DataCollectionPermissions {
  getAll(): Promise<{ data_collection?: string[] }>;
  request(permissions: { data_collection: DataCollection[] }): Promise<boolean>;
  remove(permissions: { data_collection: DataCollection[] }): Promise<boolean>;
}

export interface DataConsent {
  /** True when this kind of data may be sent (always, outside Firefox). */
  granted(kind: DataCollection): Promise<boolean>;
  /** Asks the person (Firefox shows its own prompt); call straight from a click or key press. */
  request(kind: DataCollection): Promise<boolean>;
  /** Gives a consent back when the person switches its feature off. */
  revoke(kind: DataCollection): Promise<void>;
}

/** `permissions` undefined: a browser without consent for data collection, where the settings decide. */
export function dataConsent(permissions: DataCollectionPermissions | undefined): DataConsent {
  if (!permissions) {
    return { granted: async () => true, request: async () => true, revoke: async () => undefined };
  }
  return {
    // A Firefox that cannot tell (older than the API) sends nothing: consent is never assumed.
    granted: async (kind) => {
      try {
        return ((await permissions.getAll()).data_collection ?? []).includes(kind);
      } catch {
        return false;
      }
    },
    request: async (kind) => {
      try {
        return await permissions.request({ data_collection: [kind] });
      } catch {
        return false;
      }
    },
    revoke: async (kind) => {
      try {
        await permissions.remove({ data_collection: [kind] });
      } catch {
        // Nothing granted, nothing to give back.
      }
    },
  };
}

/** This build's consent: Firefox's permissions API in the Firefox build, none elsewhere. */
export function browserDataConsent(): DataConsent {
  return dataConsent(import.meta.env.FIREFOX ? (browser.permissions as unknown as DataCollectionPermissions) : undefined);
}

/** Live lookups happen only when the setting is on and, in Firefox, browsing activity may be sent. */
export async function liveLookupsAllowed(settingOn: boolean, consent: DataConsent): Promise<boolean> {
  return settingOn && (await consent.granted('browsingActivity'));
}

/** The answer to a search Firefox has not been allowed to send. */
export const SEARCH_NOT_ALLOWED: HfSearchAnswer = {
  ok: false,
  error: {
    kind: 'unknown',
    message: 'Nothing was sent: Firefox has not been allowed to send your search terms to Hugging Face.',
  },
};

/** "Search all of Hugging Face" in the background: sent only with consent for search terms. */
export async function searchIfAllowed(consent: DataConsent, search: () => Promise<HfSearchAnswer>): Promise<HfSearchAnswer> {
  return (await consent.granted('searchTerms')) ? search() : SEARCH_NOT_ALLOWED;
}
