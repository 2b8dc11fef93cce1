import type { Actor, Article, AtlasDocument, AtlasEvent, Claim, Mention, Place } from './model';
import { createTimeIndex, type TimeIndex } from './time-index';
import { createEventColumns, type EventColumnsData } from './event-columns';

/**
 * Everything the app derives once per loaded document: lookups by id, the time index and the columns the
 * map uploads. Built when the data changes, never on the slider's hot path.
 */
export interface AtlasStore {
  /** The document, its events in index order: the dated ones in date order, then the undated ones. */
  doc: AtlasDocument;
  places: Map<string, Place>;
  actors: Map<string, Actor>;
  articles: Map<string, Article>;
  mentionsByArticle: Map<string, Mention[]>;
  claimsByEvent: Map<string, Claim[]>;
  index: TimeIndex;
  /** Dated events in date order: `sorted[i]` is the event at sorted position i of the index. */
  sorted: AtlasEvent[];
  /** Sorted position of each event id. */
  positionById: Map<string, number>;
  columns: StoreColumns;
}

/** The map's columns, with each event's first and last day as floats for the GPU. */
export type StoreColumns = EventColumnsData & { day: Float32Array; dayEnd: Float32Array };

/**
 * The costly half of a store, in typed arrays and plain data: what a worker builds and hands to the page
 * (the arrays are transferred, not copied). `doc.events` is in index order, so `index.order` is the
 * identity and the page never has to sort.
 */
export interface AtlasStoreParts {
  doc: AtlasDocument;
  index: Omit<TimeIndex, 'events'>;
  columns: StoreColumns;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k == null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function placeMap(doc: AtlasDocument, referencePlaces: readonly Place[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const p of referencePlaces) places.set(p.id, p);
  for (const p of doc.places) places.set(p.id, p);
  return places;
}

/**
 * Sorts and indexes the events and builds the map's columns: O(n log n), the part worth running off the
 * page's main thread. `referencePlaces` (the gazetteer) fills in places the document does not carry, so a
 * document may list only the places its mentions and events use.
 */
export function buildAtlasStoreParts(
  doc: AtlasDocument,
  referencePlaces: readonly Place[] = [],
): AtlasStoreParts {
  const { events: _events, ...index } = createTimeIndex(doc.events);
  const dated = new Uint8Array(doc.events.length);
  const ordered: AtlasEvent[] = new Array(doc.events.length);
  for (let pos = 0; pos < index.size; pos++) {
    ordered[pos] = doc.events[index.order[pos]];
    dated[index.order[pos]] = 1;
  }
  let next = index.size;
  doc.events.forEach((e, i) => {
    if (!dated[i]) ordered[next++] = e;
  });
  const order = new Uint32Array(index.size);
  for (let pos = 0; pos < index.size; pos++) order[pos] = pos;
  const columns = createEventColumns(ordered.slice(0, index.size), placeMap(doc, referencePlaces));
  return {
    doc: { ...doc, events: ordered },
    index: { ...index, order },
    columns: { ...columns, day: Float32Array.from(index.day), dayEnd: Float32Array.from(index.dayEnd) },
  };
}

/** Every buffer of `parts`, for `postMessage`'s transfer list. */
export function storeTransferables(parts: AtlasStoreParts): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of [...Object.values(parts.index), ...Object.values(parts.columns)]) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}

/**
 * The lookups by id, around parts already built: O(n) with no sorting. `positionById` may come ready (the
 * page fills it chunk by chunk as the events arrive, so that no single step passes over a million).
 */
export function assembleAtlasStore(
  parts: AtlasStoreParts,
  referencePlaces: readonly Place[] = [],
  positionById?: Map<string, number>,
): AtlasStore {
  const { doc } = parts;
  const index: TimeIndex = { ...parts.index, events: doc.events };
  const sorted = doc.events.slice(0, index.size);
  if (!positionById) {
    positionById = new Map<string, number>();
    for (let i = 0; i < sorted.length; i++) positionById.set(sorted[i].id, i);
  }
  return {
    doc,
    places: placeMap(doc, referencePlaces),
    actors: new Map(doc.actors.map((a) => [a.id, a])),
    articles: new Map(doc.articles.map((a) => [a.id, a])),
    mentionsByArticle: groupBy(doc.mentions, (m) => m.articleId),
    claimsByEvent: groupBy(doc.claims, (c) => c.eventId),
    index,
    sorted,
    positionById,
    columns: parts.columns,
  };
}

/** Builds the store in one go, on the calling thread. */
export function createAtlasStore(doc: AtlasDocument, referencePlaces: readonly Place[] = []): AtlasStore {
  return assembleAtlasStore(buildAtlasStoreParts(doc, referencePlaces), referencePlaces);
}
