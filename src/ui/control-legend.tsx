import { CONTROL_STYLES } from '../map/base-style';
import { formatDayLong, parseDay } from '../data/dates';

/** Legend of the control shading, with the date it shows: the end of the timeline's range. */
export function ControlLegend({ asOf }: { asOf: string }) {
  const day = parseDay(asOf);
  return (
    <div className="control-legend" aria-label="Territorial control legend">
      <p className="control-as-of">
        Control as of <time dateTime={asOf}>{day != null ? formatDayLong(day) : asOf}</time>
      </p>
      <ul>
        {Object.entries(CONTROL_STYLES).map(([key, style]) => (
          <li key={key}>
            <span className="swatch" style={{ background: style.color }} aria-hidden="true" />
            {style.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
