/**
 * Events as the points a tile holds: a position and what a tile filter needs (the days as numbers, the type
 * as its index), plus the id to look the rest up in the atlas document. Read from an atlas document or from
 * newline-delimited GeoJSON (`npm run generate -- --format geojsonl`), and written back as such a line.
 */
import { parseDay } from '../data/dates';
import { eventPosition } from '../data/event-columns';
import { eventTypeIndex } from '../data/event-style';
import { EVENT_TYPES, type AtlasDocument, type Place } from '../data/model';

/** One event as a tile feature. */
export interface EventPoint {
  id: string;
  /** Index into EVENT_TYPES. */
  type: number;
  /** First and last day, days since 1970-01-01 (`parseDay`); `dayEnd` ≥ `day`. */
  day: number;
  dayEnd: number;
  lon: number;
  lat: number;
}

/**
 * The points of a document's events, in document order. Events without a date or a position (no place the
 * `places` know, no coordinates) are left out and counted.
 */
export function eventPointsFromDocument(
  doc: AtlasDocument,
  places: ReadonlyMap<string, Place>,
): { points: EventPoint[]; skipped: number } {
  const points: EventPoint[] = [];
  let skipped = 0;
  for (const e of doc.events) {
    const position = eventPosition(e, places);
    const day = e.date ? parseDay(e.date) : null;
    if (!position || day === null) {
      skipped++;
      continue;
    }
    const end = e.dateEnd ? (parseDay(e.dateEnd) ?? day) : day;
    points.push({
      id: e.id,
      type: eventTypeIndex(e.type),
      day,
      dayEnd: Math.max(day, end),
      lon: position[0],
      lat: position[1],
    });
  }
  return { points, skipped };
}

/** A point as the GeoJSON Feature of one geojsonl line (property order: id, day, dayEnd, type). */
export function formatEventFeature(p: EventPoint): string {
  return JSON.stringify({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { id: p.id, day: p.day, dayEnd: p.dayEnd, type: p.type },
  });
}

function isWholeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * Reads one geojsonl line: a Feature with a Point and the properties `id` (a string or number), `day` (a day
 * number, or a `YYYY-MM-DD` date), `dayEnd` (the same, optional) and `type` (an index into EVENT_TYPES or a
 * type name). Throws an Error that names the field and what was expected.
 */
export function parseEventFeature(line: string): EventPoint {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error('not JSON');
  }
  const feature = value as {
    type?: unknown;
    geometry?: { type?: unknown; coordinates?: unknown } | null;
    properties?: Record<string, unknown> | null;
  };
  if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
    throw new Error('not a GeoJSON Feature');
  }
  const geometry = feature.geometry;
  const coordinates = geometry?.coordinates;
  if (geometry?.type !== 'Point' || !Array.isArray(coordinates)) throw new Error('geometry: not a Point');
  const [lon, lat] = coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new Error('coordinates: expected [longitude, latitude] within ±180, ±90');
  }
  const props = feature.properties ?? {};
  const id = props.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('properties.id: missing');
  const asDay = (v: unknown, field: string): number => {
    if (isWholeNumber(v)) return v;
    const parsed = typeof v === 'string' ? parseDay(v) : null;
    if (parsed === null) throw new Error(`properties.${field}: expected a day number or YYYY-MM-DD`);
    return parsed;
  };
  const day = asDay(props.day, 'day');
  const dayEnd = props.dayEnd == null ? day : asDay(props.dayEnd, 'dayEnd');
  const type = props.type;
  let typeIndex: number;
  if (isWholeNumber(type) && type >= 0 && type < EVENT_TYPES.length) typeIndex = type;
  else if (typeof type === 'string') typeIndex = eventTypeIndex(type);
  else throw new Error(`properties.type: expected 0–${EVENT_TYPES.length - 1} or an event type`);
  return { id: String(id), type: typeIndex, day, dayEnd: Math.max(day, dayEnd), lon, lat };
}
