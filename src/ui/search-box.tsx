import { useId, useMemo, useState } from 'react';
import { searchAtlas, type SearchResult } from '../data/search';
import type { Actor, AtlasEvent, Place } from '../data/model';

export interface SearchBoxProps {
  initial: string;
  data: {
    places: ReadonlyMap<string, Place>;
    actors: ReadonlyMap<string, Actor>;
    events: readonly AtlasEvent[];
  };
  onQuery: (q: string) => void;
  onChoose: (result: SearchResult) => void;
}

const KIND_LABELS = { event: 'Event', place: 'Place', actor: 'Actor' } as const;

/** Finds events, places and actors by any of their names or aliases (a combobox with a listbox of results). */
export function SearchBox({ initial, data, onQuery, onChoose }: SearchBoxProps) {
  const [query, setQuery] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(() => searchAtlas(query, data), [query, data]);

  const choose = (result: SearchResult) => {
    setOpen(false);
    onChoose(result);
  };

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label="Search events, places and actors"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        placeholder="Search events, places, actors"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          onQuery(e.target.value);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter' && results[active]) choose(results[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && results.length > 0 && (
        <ul className="search-results" role="listbox" id={listId} aria-label="Search results">
          {results.map((r, i) => (
            <li
              key={`${r.kind}:${r.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(r)}
            >
              <span className="search-kind">{KIND_LABELS[r.kind]}</span>{' '}
              <span className="search-label">{r.label}</span>
              <span className="search-detail">{r.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
