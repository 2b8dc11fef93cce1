import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { formatDay, formatDayLong } from '../data/dates';
import { EVENT_TYPE_STYLES } from '../data/event-style';
import { exportFileName, formatEventsCsv, formatEventsGeoJson } from '../data/export';
import { formatEventDate } from '../data/format-event-date';
import { EVENT_TYPES, type AtlasEvent, type Claim, type EventType, type Place } from '../data/model';
import { formatPlaceName, type NameStyle } from '../data/place-names';
import { CONTROL_STYLES } from '../map/base-style';
import { downloadBlob, exportPng, type PngLegendMark } from './export-png';
import { TypeMark } from './type-mark';
import './share.css';
import './print.css';

/** Widths offered for the image, in CSS pixels (the PNG is twice as wide); 0 is the map's own width. */
export const PNG_WIDTHS = [0, 800, 1200, 1600] as const;

export interface ExportMenuProps {
  /** The events of the range and filters, in date order: what every export holds. */
  events: readonly AtlasEvent[];
  places: ReadonlyMap<string, Place>;
  /** Claims, to fill the CSV's `fatalities` column. */
  claims: readonly Claim[];
  /** The range, in days. */
  range: [number, number];
  /** Event types shown (the rest are filtered out). */
  types: ReadonlySet<EventType>;
  names: NameStyle;
  /** The map's canvas (`AtlasMap.canvas()`), or null before the map exists. */
  getMapCanvas: () => HTMLCanvasElement | null;
  attribution: string;
  disclaimer: string;
}

const TITLE = 'Karabakh Atlas';

/** Distinct sources (URLs, else article ids) of the events, and their outlets by frequency. */
function summariseSources(events: readonly AtlasEvent[]): { count: number; outlets: string[] } {
  const refs = new Set<string>();
  const outlets = new Map<string, number>();
  for (const e of events) {
    for (const s of e.sources) {
      const ref = s.url ?? (s.articleId ? `article:${s.articleId}` : null);
      if (ref) refs.add(ref);
      if (s.outlet) outlets.set(s.outlet, (outlets.get(s.outlet) ?? 0) + 1);
    }
  }
  return { count: refs.size, outlets: [...outlets.entries()].sort((a, b) => b[1] - a[1]).map(([o]) => o) };
}

function typeCounts(events: readonly AtlasEvent[]): number[] {
  const counts = EVENT_TYPES.map(() => 0);
  for (const e of events) counts[Math.max(0, EVENT_TYPES.indexOf(e.type))]++;
  return counts;
}

/** The texts every export carries: title line, range, filters, "as of" and sources. */
function describeView(events: readonly AtlasEvent[], range: [number, number], types: ReadonlySet<EventType>) {
  const rangeText =
    range[0] === range[1]
      ? formatDayLong(range[0])
      : `${formatDayLong(range[0])} – ${formatDayLong(range[1])}`;
  const filtered =
    types.size < EVENT_TYPES.length
      ? ` · ${EVENT_TYPE_STYLES.filter((s) => types.has(s.type))
          .map((s) => s.label)
          .join(', ')}`
      : '';
  const { count, outlets } = summariseSources(events);
  const named = outlets.slice(0, 4).join(', ');
  return {
    rangeText,
    subtitle: `${rangeText} · ${events.length} ${events.length === 1 ? 'event' : 'events'}${filtered}`,
    asOf: `Control as of ${formatDayLong(range[1])}`,
    sources: `Sources: ${count}${named ? ` (${named}${outlets.length > 4 ? ', …' : ''})` : ''}. Events are reports and claims, not verified facts.`,
  };
}

function readThemeColors() {
  const style = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    colors: {
      background: get('--ka-panel', '#ffffff'),
      text: get('--ka-fg', '#1b1b1b'),
      muted: get('--ka-muted', '#545454'),
      border: get('--ka-border', '#c9c6bd'),
      markHalo: get('--ka-mark-halo', '#ffffff'),
    },
    font: get('--ka-font', 'sans-serif'),
  };
}

/**
 * The Export button and its panel: the view as a PNG (2×, a chosen width, with legend and context drawn in),
 * the events as CSV and GeoJSON, and printing. It also owns the print sheet, rendered only while printing.
 */
export function ExportMenu(props: ExportMenuProps) {
  const { events, places, claims, range, types, getMapCanvas } = props;
  const [open, setOpen] = useState(false);
  const [width, setWidth] = useState<number>(1200);
  const [status, setStatus] = useState('');
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<HTMLDivElement>(null);
  const days: [string, string] = [formatDay(range[0]), formatDay(range[1])];

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const savePng = async () => {
    const map = getMapCanvas();
    if (!map) {
      setStatus('The map is not ready yet.');
      return;
    }
    const counts = typeCounts(events);
    const marks: PngLegendMark[] = EVENT_TYPE_STYLES.flatMap((s, i) => {
      const path = marksRef.current?.querySelector(`[data-type="${s.type}"] path`)?.getAttribute('d');
      return counts[i] > 0 && path ? [{ label: s.label, color: s.color, path, count: counts[i] }] : [];
    });
    const view = describeView(events, range, types);
    const theme = readThemeColors();
    try {
      const blob = await exportPng(
        {
          map,
          title: TITLE,
          subtitle: view.subtitle,
          marks,
          swatches: Object.values(CONTROL_STYLES),
          asOf: view.asOf,
          sources: view.sources,
          attribution: props.attribution,
          disclaimer: props.disclaimer,
        },
        { width: width || map.clientWidth, scale: 2, ...theme },
      );
      downloadBlob(blob, exportFileName('map', days, 'png'));
      setStatus('Image saved.');
    } catch (error) {
      setStatus(`The image could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const saveText = (text: string, type: string, ext: string) => {
    downloadBlob(new Blob([text], { type }), exportFileName('events', days, ext));
    setStatus(`${events.length} events saved.`);
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Export
      </button>
      <div id={panelId} className="export-panel" role="group" aria-label="Export" hidden={!open}>
        <div className="export-row">
          <label>
            <span className="control-label">Image width</span>
            <select value={width} onChange={(e) => setWidth(Number(e.target.value))}>
              {PNG_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {w === 0 ? "The map's width" : `${w} px`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={savePng}>
            Download image (PNG)
          </button>
        </div>
        <p className="export-note">Twice the width in pixels, with title, legend, sources and disclaimer.</p>
        <div className="export-row">
          <button
            type="button"
            onClick={() => saveText(formatEventsCsv(events, places, claims), 'text/csv;charset=utf-8', 'csv')}
          >
            Events as CSV
          </button>
          <button
            type="button"
            onClick={() => saveText(formatEventsGeoJson(events, places), 'application/geo+json', 'geojson')}
          >
            Events as GeoJSON
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              window.print();
            }}
          >
            Print…
          </button>
        </div>
        <p className="export-note">
          The {events.length} events of the range and filters, with the curated file's columns.
        </p>
        <p className="copy-status" role="status">
          {status}
        </p>
      </div>
      {/* The marks the image's legend draws: the same paths as the on-screen legend. */}
      <div ref={marksRef} hidden>
        {EVENT_TYPE_STYLES.map((s) => (
          <span key={s.type} data-type={s.type}>
            <TypeMark type={s.type} />
          </span>
        ))}
      </div>
      <PrintSheet {...props} />
    </div>
  );
}

/**
 * What a printer gets (print.css): the map as an image, the legend and a table of the events, on A4 or
 * Letter. Rendered into <body> only between `beforeprint` and `afterprint`, so a range of thousands of
 * events costs nothing on screen.
 */
function PrintSheet({
  events,
  places,
  range,
  types,
  names,
  getMapCanvas,
  attribution,
  disclaimer,
}: ExportMenuProps) {
  const [image, setImage] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const canvasRef = useRef(getMapCanvas);
  useEffect(() => {
    canvasRef.current = getMapCanvas;
  });

  useEffect(() => {
    const before = () => {
      let url: string | null = null;
      try {
        url = canvasRef.current()?.toDataURL('image/png') ?? null;
      } catch {
        url = null;
      }
      // The sheet must be in the document before the browser lays the page out for print.
      flushSync(() => {
        setImage(url);
        setPrinting(true);
      });
    };
    const after = () => {
      setPrinting(false);
      setImage(null);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const counts = useMemo(() => (printing ? typeCounts(events) : []), [printing, events]);
  if (!printing) return null;
  const view = describeView(events, range, types);
  return createPortal(
    <div className="print-sheet">
      <h1>{TITLE}</h1>
      <p className="print-subtitle">{view.subtitle}</p>
      {image && <img className="print-map" src={image} alt={`Map of the events, ${view.rangeText}`} />}
      <div className="print-legend">
        <ul>
          {EVENT_TYPE_STYLES.map((s, i) =>
            counts[i] > 0 ? (
              <li key={s.type}>
                <TypeMark type={s.type} size={12} /> {s.label} {counts[i]}
              </li>
            ) : null,
          )}
        </ul>
        <ul>
          <li>
            <strong>{view.asOf}</strong>
          </li>
          {Object.entries(CONTROL_STYLES).map(([key, s]) => (
            <li key={key}>
              <span className="swatch" style={{ background: s.color }} /> {s.label}
            </li>
          ))}
        </ul>
      </div>
      <table className="print-events">
        <caption>Events, {view.rangeText}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col">Place</th>
            <th scope="col">Event</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const place = e.placeId ? places.get(e.placeId) : undefined;
            return (
              <tr key={e.id}>
                <td>{formatEventDate(e)}</td>
                <td>{EVENT_TYPE_STYLES.find((s) => s.type === e.type)?.label ?? e.type}</td>
                <td>{place ? formatPlaceName(place, names) : ''}</td>
                <td>{e.summary}</td>
                <td>{[...new Set(e.sources.map((s) => s.outlet ?? s.url ?? 'article'))].join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="print-footer">
        {view.sources} {attribution}. {disclaimer}
      </p>
    </div>,
    document.body,
  );
}
