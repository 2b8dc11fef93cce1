import type { Place } from '../src/data/model';
import places from './gazetteer.json' with { type: 'json' };

/**
 * The project's own list of places: countries, regions, Azerbaijan's districts, Armenia's provinces, and the
 * towns, villages and sites of the Armenia–Azerbaijan conflict and of the capitals involved. Pure data (no fs),
 * so the Node CLI and the browser import the same module. See docs/gazetteer.md for fields and sources.
 */
export const gazetteer: Place[] = places as Place[];

/** Places by id, built once. */
export const placeIndex: ReadonlyMap<string, Place> = new Map(gazetteer.map((p) => [p.id, p]));

/** The place with this id (`stepanakert`, `lachin-district`), or undefined when the gazetteer has none. */
export function placeById(id: string): Place | undefined {
  return placeIndex.get(id);
}
