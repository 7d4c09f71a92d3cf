/** What the popup specs share: reading the fixture the way the popup should show it. */
import type { Page } from '@playwright/test';
import type { DailyPapersFixture } from '../../fixtures/hf-data';
import { paperOf } from './fixture-papers';

/** Days that have a list, newest first. */
export function listDays(data: DailyPapersFixture): string[] {
  return [...data.days.entries()]
    .filter(([, items]) => items.length > 0)
    .map(([date]) => date)
    .sort()
    .reverse();
}

/** Titles of daily items ranked as the popup ranks them: upvotes, then title. */
export function rankedTitles(items: Record<string, unknown>[]): string[] {
  return items
    .map(paperOf)
    .sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title))
    .map((p) => p.title);
}

/** The fixture's items whose day is in [start, end]. */
export function itemsBetween(data: DailyPapersFixture, start: string, end: string): Record<string, unknown>[] {
  return [...data.days.entries()].filter(([date]) => date >= start && date <= end).flatMap(([, items]) => items);
}

/** The titles the popup lists, in order. */
export const titles = (popup: Page) => popup.locator('.paper .title');
