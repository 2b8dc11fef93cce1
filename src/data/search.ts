import type { Actor, AtlasEvent, Place } from './model';
import { formatPlaceName } from './place-names';

export interface SearchResult {
  kind: 'event' | 'place' | 'actor';
  id: string;
  label: string;
  detail: string;
}

/** Lower case without diacritics, so "Xankəndi" is found by "xankendi" and "Erdoğan" by "erdogan". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ə/g, 'e').replace(/ı/g, 'i').toLowerCase();
}

function matches(needle: string, names: readonly (string | undefined)[]): boolean {
  return names.some((n) => n != null && foldText(n).includes(needle));
}

/**
 * Finds places and actors by any of their names or aliases (every script), and events by their summary,
 * place or actors. At most `limit` results, places and actors first.
 */
export function searchAtlas(
  query: string,
  data: {
    places: ReadonlyMap<string, Place>;
    actors: ReadonlyMap<string, Actor>;
    events: readonly AtlasEvent[];
  },
  limit = 12,
): SearchResult[] {
  const needle = foldText(query.trim());
  if (needle.length < 2) return [];
  const results: SearchResult[] = [];
  const placeHits = new Set<string>();
  const actorHits = new Set<string>();
  for (const place of data.places.values()) {
    if (matches(needle, [place.name, place.altName, ...Object.values(place.names), ...place.aliases])) {
      placeHits.add(place.id);
      results.push({
        kind: 'place',
        id: place.id,
        label: formatPlaceName(place, 'dual'),
        detail: place.kind,
      });
    }
  }
  for (const actor of data.actors.values()) {
    if (matches(needle, [actor.name, ...actor.aliases])) {
      actorHits.add(actor.id);
      results.push({ kind: 'actor', id: actor.id, label: actor.name, detail: actor.role });
    }
  }
  const head = results.slice(0, Math.ceil(limit / 2));
  const events: SearchResult[] = [];
  for (const event of data.events) {
    if (events.length >= limit - head.length) break;
    const hit =
      foldText(event.summary).includes(needle) ||
      (event.placeId != null && placeHits.has(event.placeId)) ||
      event.actorIds.some((a) => actorHits.has(a)) ||
      event.targetActorIds.some((a) => actorHits.has(a));
    if (hit)
      events.push({ kind: 'event', id: event.id, label: event.summary, detail: event.date ?? 'undated' });
  }
  return [...head, ...events];
}
