import { anyFilter, checkedCount, type ListFilters } from '../../lib/popup/paper-filters';
import { usePopupServices } from './popup-context';

const FILTERS: [keyof ListFilters, string][] = [
  ['code', 'Has code'],
  ['weights', 'Has weights'],
  ['demo', 'Has a demo'],
];

/** The list filters (one set for every list), and what *has weights* / *has a demo* can judge. */
export function ListFilterBar({ papers, shown }: { papers: readonly { id: string }[]; shown: number }) {
  const { filters, setFilters, links } = usePopupServices();
  const judgedByLinks = filters.weights || filters.demo;
  return (
    <div class="list-filters" role="group" aria-label="Filters">
      {FILTERS.map(([key, label]) => (
        <button key={key} type="button" class="filter" aria-pressed={filters[key]} onClick={() => setFilters({ ...filters, [key]: !filters[key] })}>
          {label}
        </button>
      ))}
      {anyFilter(filters) && (
        <p class="note filter-note" data-testid="filter-note">
          {shown} of {papers.length} shown.
          {judgedByLinks &&
            ` Weights and demos are known for the ${checkedCount(papers, links)} papers whose Hugging Face links were fetched (an arXiv page opened, a paper expanded here).`}
        </p>
      )}
    </div>
  );
}
