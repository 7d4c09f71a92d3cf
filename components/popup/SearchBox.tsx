import type { Ref } from 'preact';

interface Props {
  query: string;
  inputRef: Ref<HTMLInputElement>;
  onQuery: (query: string) => void;
  /** Enter: search all of Hugging Face for the query. */
  onSubmit: () => void;
  /** Arrow down: on to the results. */
  onLeave: () => void;
}

/** The search box: results as you type over what is stored; `/` focuses it, Esc clears it. */
export function SearchBox({ query, inputRef, onQuery, onSubmit, onLeave }: Props) {
  return (
    <form
      class="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <input
        ref={inputRef}
        type="search"
        class="search-input"
        aria-label="Search papers"
        placeholder="Search titles, authors, keywords…  ( / )"
        maxLength={250}
        value={query}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onQuery((event.target as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            onLeave();
          }
        }}
      />
    </form>
  );
}
