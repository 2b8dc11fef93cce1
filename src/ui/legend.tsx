import { EVENT_TYPE_STYLES } from '../data/event-style';
import type { EventType } from '../data/model';
import { TypeMark } from './type-mark';

export interface LegendProps {
  /** Types shown; the rest are filtered out. */
  shown: ReadonlySet<EventType>;
  /** Events in the range per type, in EVENT_TYPES order. */
  counts: readonly number[];
  onToggle: (type: EventType) => void;
  compact?: boolean;
}

/** The legend of event marks, which doubles as the filter by type (each entry is a toggle button). */
export function Legend({ shown, counts, onToggle, compact }: LegendProps) {
  return (
    <fieldset className={`legend${compact ? ' legend-compact' : ''}`}>
      <legend>Event types</legend>
      <ul>
        {EVENT_TYPE_STYLES.map((style, i) => (
          <li key={style.type}>
            <button
              type="button"
              className="legend-item"
              aria-pressed={shown.has(style.type)}
              onClick={() => onToggle(style.type)}
            >
              <TypeMark type={style.type} size={14} />
              <span className="legend-label">{style.label}</span>
              <span className="legend-count" aria-label={`${counts[i] ?? 0} in range`}>
                {counts[i] ?? 0}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
