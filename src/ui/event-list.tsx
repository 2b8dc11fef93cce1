import { useEffect, useRef, useState } from 'react';
import type { AtlasEvent, Place } from '../data/model';
import { formatEventDate } from '../data/format-event-date';
import { formatPlaceName, type NameStyle } from '../data/place-names';
import { TypeMark } from './type-mark';

export interface EventListProps {
  /** The events of the range and filters, in date order. */
  events: readonly AtlasEvent[];
  selectedId: string | null;
  places: Map<string, Place>;
  names: NameStyle;
  onSelect: (event: AtlasEvent) => void;
}

const ROW_HEIGHT = 56;
const OVERSCAN = 8;

/**
 * The events of the range in date order: the keyboard route to every mark on the map. Only the rows in
 * view are rendered, so a range of 100,000 events scrolls as lightly as one of 10.
 */
export function EventList({ events, selectedId, places, names, onSelect }: EventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the selected event in view when it changes from outside (map click, URL, presentation).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || !selectedId) return;
    const i = events.findIndex((e) => e.id === selectedId);
    if (i < 0) return;
    const top = i * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
  }, [selectedId, events]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(events.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  const onKeyDown = (e: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(events.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = events.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const el = scrollRef.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
        el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"]`)?.focus(),
    );
  };

  if (events.length === 0) {
    return <p className="event-list-empty">No events in this range and these filters.</p>;
  }

  return (
    <div className="event-list" ref={scrollRef} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ol aria-label="Events in the range" style={{ height: events.length * ROW_HEIGHT }}>
        {events.slice(first, last).map((event, k) => {
          const i = first + k;
          const place = event.placeId ? places.get(event.placeId) : undefined;
          return (
            <li
              key={event.id}
              style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
              aria-setsize={events.length}
              aria-posinset={i + 1}
            >
              <button
                type="button"
                className="event-row"
                data-index={i}
                aria-current={event.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(event)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                <span className="event-row-meta">
                  <TypeMark type={event.type} />{' '}
                  <time dateTime={event.date ?? undefined}>{formatEventDate(event)}</time>
                  {place && <span className="event-row-place"> · {formatPlaceName(place, names)}</span>}
                  {event.origin === 'user' && <span className="badge-user">Yours</span>}
                </span>
                <span className="event-row-summary">{event.summary}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
