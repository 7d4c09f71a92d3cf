import type { PopupView } from '../../lib/shared/popup-route';

type TabKind = 'today' | 'week' | 'trending' | 'saved';
const TABS: { kind: TabKind; label: string }[] = [
  { kind: 'today', label: 'Today' },
  { kind: 'week', label: 'Week' },
  { kind: 'trending', label: 'Trending' },
  { kind: 'saved', label: 'Saved' },
];

export const PANEL_ID = 'view-panel';
export const tabId = (kind: TabKind) => `tab-${kind}`;

/** The tab a view belongs to (another day is browsed from the Today tab). */
export function tabOf(view: PopupView): TabKind {
  return view.kind === 'day' ? 'today' : view.kind;
}

/** The views, as an ARIA tab list: arrows move between tabs, the selected one is in the Tab order. */
export function ViewTabs({ view, onSelect }: { view: PopupView; onSelect: (kind: TabKind) => void }) {
  const selected = tabOf(view);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.kind === selected);
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    onSelect(next.kind);
    document.getElementById(tabId(next.kind))?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {TABS.map(({ kind, label }) => (
        <button
          key={kind}
          id={tabId(kind)}
          type="button"
          role="tab"
          class="tab"
          aria-selected={kind === selected}
          aria-controls={PANEL_ID}
          tabIndex={kind === selected ? 0 : -1}
          onClick={() => onSelect(kind)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
