/**
 * Exports of the events a reader is looking at: CSV with the curated file's columns (so an export can be
 * edited and read back, or mixed with an ACLED export) and GeoJSON for GIS tools. Pure: text in, text out.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { formatCuratedEventsCsv } from './curated-csv';
import { eventPosition } from './event-columns';
import type { AtlasEvent, Claim, Place } from './model';
import { formatPlaceName } from './place-names';

/**
 * The events as `data/events.csv` text. Events on a gazetteer place get that place's coordinates in
 * `latitude`/`longitude`, so the file maps in a spreadsheet or GIS tool without the gazetteer; reading it
 * back still resolves `location` first.
 */
export function formatEventsCsv(
  events: readonly AtlasEvent[],
  places: ReadonlyMap<string, Place>,
  claims: readonly Claim[] = [],
): string {
  const located = events.map((e) => {
    const position = eventPosition(e, places);
    return position ? { ...e, lon: position[0], lat: position[1] } : e;
  });
  return formatCuratedEventsCsv(located, { claims });
}

/** Properties of an exported event feature: the event in flat, GIS-friendly fields. */
export interface EventFeatureProperties {
  id: string;
  date: string | null;
  end_date: string | null;
  date_precision: AtlasEvent['datePrecision'];
  type: AtlasEvent['type'];
  sub_type: string | null;
  summary: string;
  place_id: string | null;
  /** The place's name; both names for a contested place ("Stepanakert / Khankendi"). */
  place_name: string | null;
  actors: string[];
  targets: string[];
  /** Source URLs (curated rows) or article ids (ingested events), one per source. */
  sources: string[];
  outlets: string[];
}

function placeOf(event: AtlasEvent, places: ReadonlyMap<string, Place>): string | null {
  const place = event.placeId ? places.get(event.placeId) : undefined;
  return place ? formatPlaceName(place, 'dual') : null;
}

/**
 * The events as a GeoJSON FeatureCollection (RFC 7946), one feature per event in the given order. An event
 * with no known position keeps its feature with a null geometry, so the file holds every event exported.
 */
export function createEventsGeoJson(
  events: readonly AtlasEvent[],
  places: ReadonlyMap<string, Place>,
): FeatureCollection<Point | null, EventFeatureProperties> {
  const features = events.map((e): Feature<Point | null, EventFeatureProperties> => {
    const position = eventPosition(e, places);
    return {
      type: 'Feature',
      id: e.id,
      geometry: position
        ? {
            type: 'Point',
            coordinates: [Math.round(position[0] * 1e6) / 1e6, Math.round(position[1] * 1e6) / 1e6],
          }
        : null,
      properties: {
        id: e.id,
        date: e.date,
        end_date: e.dateEnd,
        date_precision: e.datePrecision,
        type: e.type,
        sub_type: e.subType ?? null,
        summary: e.summary,
        place_id: e.placeId,
        place_name: placeOf(e, places),
        actors: [...e.actorIds],
        targets: [...e.targetActorIds],
        sources: e.sources.flatMap((s) => {
          const ref = s.url ?? (s.articleId ? `article:${s.articleId}` : null);
          return ref ? [ref] : [];
        }),
        outlets: [...new Set(e.sources.flatMap((s) => (s.outlet ? [s.outlet] : [])))],
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** The GeoJSON text of {@link createEventsGeoJson}. */
export function formatEventsGeoJson(
  events: readonly AtlasEvent[],
  places: ReadonlyMap<string, Place>,
): string {
  return `${JSON.stringify(createEventsGeoJson(events, places), null, 1)}\n`;
}

/**
 * A download's file name: `karabakh-atlas-<what>-<from>-to-<to>.<ext>`, or without the dates when the
 * range is unknown.
 */
export function exportFileName(what: string, range: [string, string] | null, ext: string): string {
  const dates = range ? (range[0] === range[1] ? `-${range[0]}` : `-${range[0]}-to-${range[1]}`) : '';
  return `karabakh-atlas-${what}${dates}.${ext}`;
}
