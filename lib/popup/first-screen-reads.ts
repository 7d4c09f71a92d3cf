/**
 * The reads the popup's first screen needs (the list of the day it opens on, the person's marks, the
 * sync state), under the keys ./first-screen.ts hands them over by. Started by the popup's earliest
 * script (./early-opening.ts) and, when that one could not, by ./first-screen.ts.
 */
import type { PopupStore } from './popup-store';
import { firstListedDay, type PopupUiState } from './popup-view';

export function firstScreenReads(store: PopupStore, ui: PopupUiState, now: number): [key: string, read: Promise<unknown>][] {
  const reads: [string, Promise<unknown>][] = [];
  const day = firstListedDay(ui, now);
  if (day !== undefined) reads.push([`dayList ${day}`, store.dayList(day)]);
  reads.push(['userStates', store.userStates()], ['syncState', store.syncState()]);
  return reads;
}
