/**
 * An atlas document exported earlier (by "Export my data", the CLI or the build): its shape is checked
 * record by record. A bad record gives a message naming it (`events[3]`, with its id) and is dropped; the
 * rest of the document is kept.
 */
import {
  EVENT_TYPES,
  type Actor,
  type ActorKind,
  type Article,
  type AtlasDocument,
  type AtlasEvent,
  type Claim,
  type DatePrecision,
  type EventSource,
  type Mention,
  type Narrative,
  type Place,
  type PlaceKind,
} from '../data/model';
import { parseCsvDate } from '../data/curated-csv';
import { markAsUser } from './mark-user';
import { parseJsonText } from './parse-json';
import { emptyDocument, type ImportMessage } from './types';

type Obj = Record<string, unknown>;

const PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year'];
const PLACE_KINDS: readonly PlaceKind[] = [
  'country',
  'region',
  'district',
  'city',
  'town',
  'village',
  'site',
];
const ACTOR_KINDS: readonly ActorKind[] = [
  'person',
  'government',
  'ministry',
  'military',
  'armed group',
  'organisation',
  'media',
];
const MATCHES: readonly Mention['match'][] = ['exact', 'alias', 'fuzzy', 'fallback'];
const QUANTITIES: readonly Claim['quantity'][] = [
  'killed',
  'wounded',
  'displaced',
  'fighters',
  'captured',
  'missing',
  'other',
];

/** Thrown inside a record check: the field at fault and what was expected. */
class Bad extends Error {}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function expect(field: string, expected: string, got: unknown): never {
  throw new Bad(`${field}: expected ${expected} (got ${show(got)})`);
}

function str(o: Obj, field: string, fallback?: string): string {
  const v = o[field];
  if (typeof v === 'string') return v;
  if (v === undefined && fallback !== undefined) return fallback;
  return expect(field, 'a string', v);
}

function nonEmpty(o: Obj, field: string): string {
  const v = str(o, field);
  if (v.trim() === '') expect(field, 'a non-empty string', v);
  return v;
}

function optStr(o: Obj, field: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : expect(field, 'a string or nothing', v);
}

function nullableStr(o: Obj, field: string): string | null {
  const v = o[field];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : expect(field, 'a string or null', v);
}

function num(o: Obj, field: string, min: number, max: number): number {
  const v = o[field];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    expect(field, `a number from ${min} to ${max}`, v);
  return v as number;
}

function strings(o: Obj, field: string): string[] {
  const v = o[field];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) expect(field, 'an array of strings', v);
  return [...(v as string[])];
}

function oneOf<T extends string>(o: Obj, field: string, values: readonly T[], fallback?: T): T {
  const v = o[field];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
    expect(field, `one of ${values.join(', ')}`, v);
  return v as T;
}

function day(o: Obj, field: string): string | null {
  const v = o[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || !parseCsvDate(v))
    expect(field, 'a day as YYYY-MM-DD (a real date, year 1800 to 2100) or null', v);
  return v as string;
}

function readArticle(o: Obj, file: string): Article {
  const out: Article = {
    id: nonEmpty(o, 'id'),
    file: str(o, 'file', file),
    headline: str(o, 'headline', ''),
    published: nullableStr(o, 'published'),
    updated: nullableStr(o, 'updated'),
    lang: str(o, 'lang', 'en'),
    text: str(o, 'text'),
    warnings: strings(o, 'warnings'),
  };
  const outlet = optStr(o, 'outlet');
  if (outlet) out.outlet = outlet;
  return out;
}

function readPlace(o: Obj): Place {
  const name = nonEmpty(o, 'name');
  const namesRaw = o.names;
  let names: Place['names'] = { en: name };
  if (namesRaw !== undefined) {
    if (!namesRaw || typeof namesRaw !== 'object' || typeof (namesRaw as Obj).en !== 'string')
      expect('names', 'an object with an "en" name', namesRaw);
    names = namesRaw as Place['names'];
  }
  const out: Place = {
    id: nonEmpty(o, 'id'),
    name,
    names,
    aliases: strings(o, 'aliases'),
    kind: oneOf(o, 'kind', PLACE_KINDS, 'site'),
    lon: num(o, 'lon', -180, 180),
    lat: num(o, 'lat', -90, 90),
    country: str(o, 'country', ''),
  };
  if (o.contested === true) out.contested = true;
  const altName = optStr(o, 'altName');
  if (altName) out.altName = altName;
  const parent = optStr(o, 'parent');
  if (parent) out.parent = parent;
  return out;
}

function readActor(o: Obj): Actor {
  return {
    id: nonEmpty(o, 'id'),
    name: nonEmpty(o, 'name'),
    aliases: strings(o, 'aliases'),
    kind: oneOf(o, 'kind', ACTOR_KINDS, 'organisation'),
    affiliation: str(o, 'affiliation', ''),
    role: str(o, 'role', ''),
    seat: str(o, 'seat', ''),
  };
}

function readMention(o: Obj): Mention {
  const start = num(o, 'start', 0, Number.MAX_SAFE_INTEGER);
  const end = num(o, 'end', start, Number.MAX_SAFE_INTEGER);
  return {
    articleId: nonEmpty(o, 'articleId'),
    kind: oneOf(o, 'kind', ['place', 'actor'] as const),
    id: nonEmpty(o, 'id'),
    text: str(o, 'text'),
    start,
    end,
    match: oneOf(o, 'match', MATCHES, 'exact'),
    score: typeof o.score === 'number' ? o.score : 1,
  };
}

function readSource(raw: unknown, i: number): EventSource {
  if (!raw || typeof raw !== 'object') expect(`sources[${i}]`, 'an object', raw);
  const o = raw as Obj;
  const out: EventSource = {};
  for (const key of ['articleId', 'quote', 'url', 'outlet'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') expect(`sources[${i}].${key}`, 'a string', v);
    out[key] = v as string;
  }
  for (const key of ['start', 'end'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      expect(`sources[${i}].${key}`, 'an offset (a whole number from 0)', v);
    out[key] = v as number;
  }
  return out;
}

function readEvent(o: Obj): AtlasEvent {
  const date = day(o, 'date');
  const dateEnd = day(o, 'dateEnd');
  if (dateEnd !== null && (date === null || dateEnd < date))
    expect('dateEnd', `null or a day on or after the date ${show(date)}`, dateEnd);
  const sourcesRaw = o.sources ?? [];
  if (!Array.isArray(sourcesRaw)) expect('sources', 'an array', sourcesRaw);
  const event: AtlasEvent = {
    id: nonEmpty(o, 'id'),
    date,
    dateEnd,
    datePrecision: oneOf(o, 'datePrecision', PRECISIONS, 'day'),
    type: oneOf(o, 'type', EVENT_TYPES),
    summary: str(o, 'summary'),
    placeId: nullableStr(o, 'placeId'),
    actorIds: strings(o, 'actorIds'),
    targetActorIds: strings(o, 'targetActorIds'),
    sources: (sourcesRaw as unknown[]).map(readSource),
    origin: 'user',
  };
  const subType = optStr(o, 'subType');
  if (subType) event.subType = subType;
  if (o.lat !== undefined || o.lon !== undefined) {
    event.lat = num(o, 'lat', -90, 90);
    event.lon = num(o, 'lon', -180, 180);
  }
  return event;
}

function readClaim(o: Obj): Claim {
  const claim: Claim = {
    id: nonEmpty(o, 'id'),
    actorId: nullableStr(o, 'actorId'),
    quantity: oneOf(o, 'quantity', QUANTITIES),
    value: num(o, 'value', 0, 1e12),
    text: str(o, 'text'),
  };
  for (const key of ['qualifier', 'articleId', 'eventId', 'url'] as const) {
    const v = optStr(o, key);
    if (v !== undefined) claim[key] = v;
  }
  for (const key of ['start', 'end'] as const) {
    if (o[key] !== undefined) claim[key] = num(o, key, 0, Number.MAX_SAFE_INTEGER);
  }
  return claim;
}

function readNarrative(o: Obj): Narrative {
  const steps = o.steps;
  if (!Array.isArray(steps)) expect('steps', 'an array', steps);
  return {
    id: nonEmpty(o, 'id'),
    title: str(o, 'title', ''),
    steps: (steps as unknown[]).map((s, i) => {
      if (!s || typeof s !== 'object' || typeof (s as Obj).eventId !== 'string')
        expect(`steps[${i}]`, 'an object with an eventId', s);
      return s as Narrative['steps'][number];
    }),
  };
}

/** Reads the records of one array field, keeping the good ones and naming the bad ones. */
function readList<T>(
  root: Obj,
  field: string,
  read: (o: Obj) => T,
  file: string,
  messages: ImportMessage[],
): T[] {
  const list = root[field];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    messages.push({ level: 'error', message: `${file}, ${field}: expected an array (got ${show(list)})` });
    return [];
  }
  const out: T[] = [];
  list.forEach((raw, i) => {
    const id = raw && typeof raw === 'object' && typeof (raw as Obj).id === 'string' ? (raw as Obj).id : null;
    const where = `${file}, ${field}[${i}]${id ? ` (id ${show(id)})` : ''}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      messages.push({ level: 'error', message: `${where}: expected an object (got ${show(raw)})` });
      return;
    }
    try {
      out.push(read(raw as Obj));
    } catch (error) {
      if (!(error instanceof Bad)) throw error;
      messages.push({ level: 'error', message: `${where}, ${error.message}` });
    }
  });
  return out;
}

/** Reads an atlas document's text: checks its shape, keeps every good record, marks events as the user's. */
export function importAtlasDocument(
  text: string,
  file: string,
): { doc: AtlasDocument; messages: ImportMessage[] } {
  const parsed = parseJsonText(text, file);
  if ('message' in parsed)
    return { doc: emptyDocument(), messages: [{ level: 'error', message: parsed.message }] };
  const root = parsed.value;
  if (!root || typeof root !== 'object' || Array.isArray(root) || !Array.isArray((root as Obj).events)) {
    return {
      doc: emptyDocument(),
      messages: [
        {
          level: 'error',
          message: `${file}: expected an atlas document (an object with "version": 1 and an "events" array) or a GeoJSON FeatureCollection`,
        },
      ],
    };
  }
  const o = root as Obj;
  const messages: ImportMessage[] = [];
  if (o.version !== 1) {
    messages.push({
      level: 'warning',
      message: `${file}, version: expected 1 (got ${show(o.version)}); read as version 1`,
    });
  }
  const doc: AtlasDocument = {
    version: 1,
    articles: readList(o, 'articles', (x) => readArticle(x, file), file, messages),
    places: readList(o, 'places', readPlace, file, messages),
    actors: readList(o, 'actors', readActor, file, messages),
    mentions: readList(o, 'mentions', readMention, file, messages),
    events: readList(o, 'events', readEvent, file, messages),
    claims: readList(o, 'claims', readClaim, file, messages),
  };
  const narratives = readList(o, 'narratives', readNarrative, file, messages);
  if (narratives.length > 0) doc.narratives = narratives;
  return { doc: markAsUser(doc), messages };
}
