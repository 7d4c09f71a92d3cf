import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { UserPaperState } from '../../lib/shared/db';
import type { FirstScreen } from '../../lib/popup/first-screen';
import type { SearchDoc } from '../../lib/shared/search/local-index';
import type { UserAction } from '../../lib/shared/user-state';
import type { Fetched, PaperLinks } from '../../lib/shared/messages';
import type { ListFilters } from '../../lib/popup/paper-filters';

/** What every list entry needs from the popup: the person's marks, the clock, and the actions. */
export interface PopupServices {
  userStates: ReadonlyMap<string, UserPaperState>;
  /** The marks have been read: until then lists wait, rather than show "Save" on saved papers. */
  userStatesReady: boolean;
  /** Papers first seen after this are marked new. */
  since: number | undefined;
  now: number;
  act: (paper: SearchDoc, action: UserAction) => void;
  /** The abstract of a paper whose entry came without one (search results). */
  loadAbstract: (id: string) => Promise<string | undefined>;
  /** The popup's opening: early answers for the first views, and the first list's frame. */
  firstScreen: FirstScreen;
  /** The linked lists the extension has fetched, per paper (what *has weights* / *has a demo* judge). */
  links: ReadonlyMap<string, PaperLinks>;
  /** Asks the background for a paper's linked lists (an expanded paper); `links` follows. */
  askLinks: (id: string) => Promise<Fetched<{ links: PaperLinks }>>;
  /** The list filters, one set for every list. */
  filters: ListFilters;
  setFilters: (filters: ListFilters) => void;
}

export const PopupContext = createContext<PopupServices | undefined>(undefined);

export function usePopupServices(): PopupServices {
  const services = useContext(PopupContext);
  if (!services) throw new Error('PopupContext is missing');
  return services;
}
