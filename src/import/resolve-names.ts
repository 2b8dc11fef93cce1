/**
 * Names written by other tools (ACLED's locations and actors, a GeoJSON's `place`) to the project's ids,
 * against the gazetteer and the actor catalogue. Exact names and aliases only: a near miss is better kept
 * under its own name than put on the wrong village.
 */
import { gazetteer, placeIndex } from '../../geo/gazetteer';
import { actorIndex, aliasIndex, aliasKey } from '../../geo/actors';
import type { Place } from '../data/model';

/** A name that resolves to a place further than this from the given coordinates is another place. */
const MAX_PLACE_DISTANCE_KM = 50;

let placesByName: Map<string, Place[]> | null = null;

function placeNameIndex(): Map<string, Place[]> {
  if (placesByName) return placesByName;
  placesByName = new Map();
  for (const p of gazetteer) {
    const names = new Set([p.name, ...Object.values(p.names), ...p.aliases, p.altName ?? ''].filter(Boolean));
    for (const n of names) {
      const key = aliasKey(n);
      const list = placesByName.get(key);
      if (list) list.push(p);
      else placesByName.set(key, [p]);
    }
  }
  return placesByName;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The gazetteer id for a place name ("Khankendi", "Stepanakert", "ganja"), or null. With coordinates, the
 * nearest place of that name within 50 km wins, and a place of that name further away is not this one.
 */
export function resolvePlaceName(name: string, lat: number | null, lon: number | null): string | null {
  const trimmed = name.trim();
  if (placeIndex.has(trimmed)) return trimmed;
  const candidates = placeNameIndex().get(aliasKey(trimmed.replace(/\s*\(.*\)\s*$/, ''))) ?? [];
  if (candidates.length === 0) return null;
  if (lat === null || lon === null) return candidates[0].id;
  let best: Place | null = null;
  let bestKm = Infinity;
  for (const p of candidates) {
    const km = distanceKm(lat, lon, p.lat, p.lon);
    if (km < bestKm) {
      best = p;
      bestKm = km;
    }
  }
  // Regions and countries are large: their point is far from most of what happens in them.
  if (best && (best.kind === 'country' || best.kind === 'region' || bestKm <= MAX_PLACE_DISTANCE_KM))
    return best.id;
  return null;
}

/**
 * The catalogue id for an actor name ("Nikol Pashinyan", "Military Forces of Armenia (2018-)"), or null.
 * ACLED's trailing year ranges in parentheses are dropped before the lookup.
 */
export function resolveActorName(name: string): string | null {
  const trimmed = name.trim();
  if (actorIndex.has(trimmed)) return trimmed;
  const hit =
    aliasIndex.get(aliasKey(trimmed)) ?? aliasIndex.get(aliasKey(trimmed.replace(/\s*\(.*\)\s*$/, '')));
  return hit?.id ?? null;
}

/** True when the gazetteer has this place id. */
export function isKnownPlace(id: string): boolean {
  return placeIndex.has(id);
}

/** True when the catalogue has this actor id. */
export function isKnownActor(id: string): boolean {
  return actorIndex.has(id);
}
