import { greatCircle } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Actor, AtlasEvent, Place } from './model';

/** Arcs drawn at most: beyond that the map is a hairball and the list is the better view. */
export const MAX_ARCS = 300;

export interface ActorOverlay {
  actors: FeatureCollection<Point>;
  arcs: FeatureCollection<LineString>;
}

/**
 * Actors of the events in range at their seats, and a great-circle arc from each acting actor's seat to
 * each target's seat (the letter from Yerevan to Moscow). The selected event's arcs come first and are
 * flagged `selected`.
 */
export function selectActorOverlay(
  events: readonly AtlasEvent[],
  selected: AtlasEvent | null,
  actors: ReadonlyMap<string, Actor>,
  places: ReadonlyMap<string, Place>,
): ActorOverlay {
  // One pass, with no allocation per event: a range of the 2020 war holds 300,000 events at a million, and
  // each actor is looked up once however many events name it.
  const seats = new Map<string, Place | null>();
  const seen = new Map<string, Feature<Point>>();
  /** The actor's seat, looked up once per actor; an actor with a seat gets its point when first seen. */
  const seatOf = (id: string): Place | null => {
    let seat = seats.get(id);
    if (seat !== undefined) return seat;
    const actor = actors.get(id);
    seat = (actor && places.get(actor.seat)) ?? null;
    seats.set(id, seat);
    if (actor && seat)
      seen.set(id, {
        type: 'Feature',
        properties: { id, label: actor.name },
        geometry: { type: 'Point', coordinates: [seat.lon, seat.lat] },
      });
    return seat;
  };
  const arcs: Feature<LineString>[] = [];
  const arcKeys = new Set<string>();
  const take = (event: AtlasEvent, isSelected: boolean) => {
    for (const id of event.actorIds) seatOf(id);
    for (const id of event.targetActorIds) seatOf(id);
    // Past the cap only the selected event adds arcs (its own, flagged, even when a like one is drawn).
    if (!isSelected && arcs.length >= MAX_ARCS) return;
    for (const from of event.actorIds) {
      for (const to of event.targetActorIds) {
        const a = seatOf(from);
        const b = seatOf(to);
        if (!a || !b || a.id === b.id) continue;
        const key = `${a.id}>${b.id}`;
        if (!isSelected && (arcKeys.has(key) || arcs.length >= MAX_ARCS)) continue;
        arcKeys.add(key);
        const arc = greatCircle([a.lon, a.lat], [b.lon, b.lat], { npoints: 64 }) as Feature<LineString>;
        arc.properties = { event: event.id, from, to, selected: isSelected };
        arcs.push(arc);
      }
    }
  };
  if (selected) take(selected, true);
  for (const event of events) if (!selected || event.id !== selected.id) take(event, false);
  return {
    actors: { type: 'FeatureCollection', features: [...seen.values()] },
    arcs: { type: 'FeatureCollection', features: arcs },
  };
}
