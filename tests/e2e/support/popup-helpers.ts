/** What the popup specs share: reading the fixture the way the popup should show it, and waiting on the sync. */
import type { Page } from '@playwright/test';
import type { DailyPapersFixture } from '../../fixtures/hf-data';
import { expect } from './extension-test';

export interface FixturePaper {
  id: string;
  title: string;
  upvotes: number;
  summary: string;
  authors: { name: string }[];
}

export const paperOf = (item: Record<string, unknown>) => item.paper as FixturePaper;

/** Days that have a list, newest first. */
export function listDays(data: DailyPapersFixture): string[] {
  return [...data.days.entries()]
    .filter(([, items]) => items.length > 0)
    .map(([date]) => date)
    .sort()
    .reverse();
}

/** Titles ranked as the popup ranks them: upvotes, then title. */
export function rankedTitlesOf(items: Record<string, unknown>[]): string[] {
  return items
    .map(paperOf)
    .sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title))
    .map((p) => p.title);
}

/** The fixture's items whose day is in [start, end]. */
export function itemsBetween(data: DailyPapersFixture, start: string, end: string): Record<string, unknown>[] {
  return [...data.days.entries()].filter(([date]) => date >= start && date <= end).flatMap(([, items]) => items);
}

export async function waitForSync(popup: Page): Promise<void> {
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 60_000 });
}

export const titles = (popup: Page) => popup.locator('.paper .title');
