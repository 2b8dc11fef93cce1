/** The review's figures for one file's document: events, places, actors, and the names left off the map. */
import type { AtlasDocument } from '../data/model';
import { isKnownActor, isKnownPlace } from './resolve-names';
import type { ImportSummary } from './types';

/**
 * Counts what a document holds. Places and actors count when the gazetteer or catalogue knows them; names
 * the reader could not place (fallback mentions of places, events with an unknown place and no
 * coordinates) are listed once each, in the order met.
 */
export function summariseDocument(doc: AtlasDocument): ImportSummary {
  const places = new Set<string>();
  const actors = new Set<string>();
  const unplaced = new Set<string>();
  for (const e of doc.events) {
    const hasPoint = e.lat != null && e.lon != null;
    if (e.placeId && isKnownPlace(e.placeId)) places.add(e.placeId);
    else if (e.placeId && !hasPoint) unplaced.add(e.placeId);
    for (const a of [...e.actorIds, ...e.targetActorIds]) if (isKnownActor(a)) actors.add(a);
  }
  for (const m of doc.mentions) {
    if (m.match === 'fallback') {
      if (m.kind === 'place') unplaced.add(m.text);
    } else if (m.kind === 'place') places.add(m.id);
    else actors.add(m.id);
  }
  return {
    events: doc.events.length,
    undated: doc.events.filter((e) => e.date === null).length,
    places: places.size,
    actors: actors.size,
    headlines: doc.articles.map((a) => a.headline),
    unplaced: [...unplaced],
  };
}
