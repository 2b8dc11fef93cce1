import type { AtlasEvent, EventType } from '../data/model';
import { EVENT_TYPE_STYLES } from '../data/event-style';
import { formatEventDate } from '../data/format-event-date';
import { Legend } from './legend';
import { createFullAtlasUrl } from './share-dialog';
import './share.css';

export interface EmbedBarProps {
  /** Event types shown, and the counts in the range per type (EVENT_TYPES order). */
  shown: ReadonlySet<EventType>;
  counts: readonly number[];
  onToggle: (type: EventType) => void;
  /** The selected event, summarised under the map. */
  selected: AtlasEvent | null;
  /** The range and its count, shown when the timeline (which shows them otherwise) is hidden. */
  summary: string | null;
}

/**
 * What an embed shows under its map instead of the app's side panel: a compact legend (still the type
 * filter), the selected event in one line, and the way out to the full atlas in a new tab.
 */
export function EmbedBar({ shown, counts, onToggle, selected, summary }: EmbedBarProps) {
  const style = selected ? EVENT_TYPE_STYLES.find((s) => s.type === selected.type) : undefined;
  return (
    <div className="embed-bar">
      <Legend shown={shown} counts={counts} onToggle={onToggle} compact />
      {selected && (
        <p className="embed-selected">
          <strong>
            {formatEventDate(selected)}
            {style ? ` · ${style.label}` : ''}:
          </strong>{' '}
          {selected.summary}
        </p>
      )}
      <p className="embed-links">
        {summary && <span className="embed-summary">{summary}</span>}
        <a href={createFullAtlasUrl(window.location.href)} target="_blank" rel="noopener">
          Open the full atlas
        </a>
      </p>
    </div>
  );
}
