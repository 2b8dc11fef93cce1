import type { Actor, Article, AtlasDocument, AtlasEvent, Claim, Mention, Place } from './model';
import { createTimeIndex, type TimeIndex } from './time-index';
import { createEventColumns, type EventColumnsData } from './event-columns';

/**
 * Everything the app derives once per loaded document: lookups by id, the time index and the columns the
 * map uploads. Built when the data changes, never on the slider's hot path.
 */
export interface AtlasStore {
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
  columns: EventColumnsData & { day: Float32Array; dayEnd: Float32Array };
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

/**
 * Builds the store. `referencePlaces` (the gazetteer) fills in places the document does not carry, so a
 * document may list only the places its mentions and events use.
 */
export function createAtlasStore(doc: AtlasDocument, referencePlaces: readonly Place[] = []): AtlasStore {
  const places = new Map<string, Place>();
  for (const p of referencePlaces) places.set(p.id, p);
  for (const p of doc.places) places.set(p.id, p);
  const index = createTimeIndex(doc.events);
  const sorted = Array.from(index.order, (i) => doc.events[i]);
  const columns = createEventColumns(sorted, places);
  return {
    doc,
    places,
    actors: new Map(doc.actors.map((a) => [a.id, a])),
    articles: new Map(doc.articles.map((a) => [a.id, a])),
    mentionsByArticle: groupBy(doc.mentions, (m) => m.articleId),
    claimsByEvent: groupBy(doc.claims, (c) => c.eventId),
    index,
    sorted,
    positionById: new Map(sorted.map((e, i) => [e.id, i])),
    columns: { ...columns, day: Float32Array.from(index.day), dayEnd: Float32Array.from(index.dayEnd) },
  };
}
