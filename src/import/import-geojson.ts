/**
 * GeoJSON points to events: each Point feature with a date becomes one event at its coordinates. Features
 * are checked one by one; a bad one gives a message naming it and is skipped, the others are kept.
 */
import { parseCsvDate, slugifyName, ID_SLUG } from '../data/curated-csv';
import {
  EVENT_TYPES,
  type AtlasDocument,
  type AtlasEvent,
  type DatePrecision,
  type EventSource,
  type EventType,
} from '../data/model';
import { stableId } from '../ingest/hash';
import { markAsUser } from './mark-user';
import { parseJsonText } from './parse-json';
import { resolveActorName, resolvePlaceName } from './resolve-names';
import { emptyDocument, type ImportMessage } from './types';

const DATE_KEYS = ['date', 'event_date', 'start_date', 'start', 'time', 'datetime'];
const END_KEYS = ['end_date', 'dateEnd', 'date_end', 'end'];
const TYPE_KEYS = ['type', 'event_type'];
const SUMMARY_KEYS = ['summary', 'title', 'name', 'notes', 'description'];
const PLACE_KEYS = ['placeId', 'place', 'location'];
const ACTOR_KEYS = ['actors', 'actorIds', 'actor1', 'actor'];
const TARGET_KEYS = ['targets', 'targetActorIds', 'actor2', 'target'];
const URL_KEYS = ['url', 'source_url', 'link'];
const PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year'];

type Props = Record<string, unknown>;

function firstKey(props: Props, keys: readonly string[]): { key: string; value: unknown } | null {
  for (const key of keys) {
    const value = props[key];
    if (value !== undefined && value !== null && value !== '') return { key, value };
  }
  return null;
}

/** A day from a date property: the CSV's forms, or the day of an ISO instant ("2020-10-05T06:00:00Z"). */
function readDay(value: unknown): { date: string; precision: DatePrecision } | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const instant = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(s);
  return parseCsvDate(instant ? instant[1] : s);
}

function readNames(value: unknown, resolve: (name: string) => string | null): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(';') : [];
  const ids = list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((name) => (ID_SLUG.test(name) ? name : (resolve(name) ?? slugifyName(name))))
    .filter(Boolean);
  return [...new Set(ids)];
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Reads GeoJSON text (a FeatureCollection or one Feature) of dated points into a document of events. */
export function importGeoJson(text: string, file: string): { doc: AtlasDocument; messages: ImportMessage[] } {
  const messages: ImportMessage[] = [];
  const doc = emptyDocument();
  const parsed = parseJsonText(text, file);
  if ('message' in parsed) return { doc, messages: [{ level: 'error', message: parsed.message }] };
  const root = parsed.value as { type?: unknown; features?: unknown } | null;
  let features: unknown[];
  if (root && root.type === 'FeatureCollection' && Array.isArray(root.features)) features = root.features;
  else if (root && root.type === 'Feature') features = [root];
  else {
    return {
      doc,
      messages: [
        {
          level: 'error',
          message: `${file}: expected a GeoJSON FeatureCollection with a "features" array (got ${describe(root?.type ?? root)})`,
        },
      ],
    };
  }
  if (features.length === 0) {
    messages.push({ level: 'error', message: `${file}: the FeatureCollection has no features` });
  }

  const seen = new Set<string>();
  features.forEach((raw, i) => {
    const feature = raw as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown } | null;
    const givenId = feature?.id ?? (feature?.properties as Props | null)?.id;
    const name = `feature ${i + 1}${typeof givenId === 'string' || typeof givenId === 'number' ? ` (id ${describe(givenId)})` : ''}`;
    const fail = (expected: string) =>
      messages.push({ level: 'error', message: `${file}, ${name}: expected ${expected}` });
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      fail(`a GeoJSON Feature object (got ${describe(feature)})`);
      return;
    }
    const geometry = feature.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (!geometry || geometry.type !== 'Point') {
      fail(`a Point geometry (got ${geometry ? describe(geometry.type) : 'no geometry'})`);
      return;
    }
    const c = geometry.coordinates;
    if (
      !Array.isArray(c) ||
      c.length < 2 ||
      !c.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      fail(`coordinates as [longitude, latitude] numbers (got ${describe(c)})`);
      return;
    }
    const [lon, lat] = c as number[];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      fail(`longitude from -180 to 180 and latitude from -90 to 90, longitude first (got [${lon}, ${lat}])`);
      return;
    }
    const props: Props =
      feature.properties && typeof feature.properties === 'object' ? (feature.properties as Props) : {};
    const dateProp = firstKey(props, DATE_KEYS);
    if (!dateProp) {
      fail(`a "date" property as 2020-09-27 or 27 September 2020 (the feature has none)`);
      return;
    }
    const day = readDay(dateProp.value);
    if (!day) {
      fail(
        `"${dateProp.key}" as a date such as 2020-09-27, a year from 1800 to 2100 (got ${describe(dateProp.value)})`,
      );
      return;
    }
    let dateEnd: string | null = null;
    const endProp = firstKey(props, END_KEYS);
    if (endProp) {
      const end = readDay(endProp.value);
      if (!end || end.date < day.date) {
        fail(`"${endProp.key}" as a last day on or after ${day.date} (got ${describe(endProp.value)})`);
        return;
      }
      if (end.date > day.date) dateEnd = end.date;
    }
    let precision = day.precision;
    const precisionProp = props.date_precision ?? props.datePrecision;
    if (typeof precisionProp === 'string' && (PRECISIONS as readonly string[]).includes(precisionProp))
      precision = precisionProp as DatePrecision;

    let type: EventType = 'other';
    const typeProp = firstKey(props, TYPE_KEYS);
    if (typeProp) {
      const key = String(typeProp.value).trim().toLowerCase();
      if ((EVENT_TYPES as readonly string[]).includes(key)) type = key as EventType;
      else
        messages.push({
          level: 'warning',
          message: `${file}, ${name}: "${typeProp.key}" ${describe(typeProp.value)} is not one of ${EVENT_TYPES.join(', ')}; read as other`,
        });
    }

    const placeProp = firstKey(props, PLACE_KEYS);
    const placeId = typeof placeProp?.value === 'string' ? resolvePlaceName(placeProp.value, lat, lon) : null;
    const summaryProp = firstKey(props, SUMMARY_KEYS);
    const summary =
      typeof summaryProp?.value === 'string'
        ? summaryProp.value.trim()
        : typeof placeProp?.value === 'string'
          ? `${type} at ${placeProp.value}`
          : `${type} at ${lat.toFixed(3)}, ${lon.toFixed(3)}`;

    const sources: EventSource[] = [];
    const urlProp = firstKey(props, URL_KEYS);
    if (typeof urlProp?.value === 'string') {
      if (/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(urlProp.value.trim()))
        sources.push({ url: urlProp.value.trim() });
      else
        messages.push({
          level: 'warning',
          message: `${file}, ${name}: "${urlProp.key}" should be an http(s) URL (got ${describe(urlProp.value)}); left out`,
        });
    }
    if (typeof props.source === 'string' && props.source.trim()) {
      if (sources[0]) sources[0].outlet = props.source.trim();
      else sources.push({ outlet: props.source.trim() });
    }

    let id =
      typeof givenId === 'string' || typeof givenId === 'number'
        ? `geo-${slugifyName(String(givenId)) || stableId('', String(givenId), 8)}`
        : stableId('geo-', `${day.date}|${dateEnd ?? ''}|${lon}|${lat}|${type}|${summary}`);
    for (let k = 2; seen.has(id); k++) id = `${id.replace(/-dup\d+$/, '')}-dup${k}`;
    seen.add(id);

    const event: AtlasEvent = {
      id,
      date: day.date,
      dateEnd,
      datePrecision: precision,
      type,
      summary,
      placeId,
      actorIds: readNames(firstKey(props, ACTOR_KEYS)?.value, resolveActorName),
      targetActorIds: readNames(firstKey(props, TARGET_KEYS)?.value, resolveActorName),
      sources,
      lat,
      lon,
    };
    doc.events.push(event);
  });
  return { doc: markAsUser(doc), messages };
}
