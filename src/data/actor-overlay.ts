import { greatCircle } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Actor, AtlasEvent, Place } from './model';

/** Arcs drawn at most: beyond that the map is a hairball and the list is the better view. */
export const MAX_ARCS = 300;

export interface ActorOverlay {
  actors: FeatureCollection<Point>;
  arcs: FeatureCollection<LineString>;
}

function seatOf(
  id: string,
  actors: ReadonlyMap<string, Actor>,
  places: ReadonlyMap<string, Place>,
): Place | undefined {
  const actor = actors.get(id);
  return actor ? places.get(actor.seat) : undefined;
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
  const seen = new Map<string, Feature<Point>>();
  const arcs: Feature<LineString>[] = [];
  const arcKeys = new Set<string>();
  const ordered = selected ? [selected, ...events.filter((e) => e.id !== selected.id)] : events;
  for (const event of ordered) {
    const isSelected = event === selected;
    for (const id of [...event.actorIds, ...event.targetActorIds]) {
      if (seen.has(id)) continue;
      const actor = actors.get(id);
      const seat = seatOf(id, actors, places);
      if (!actor || !seat) continue;
      seen.set(id, {
        type: 'Feature',
        properties: { id, label: actor.name },
        geometry: { type: 'Point', coordinates: [seat.lon, seat.lat] },
      });
    }
    for (const from of event.actorIds) {
      for (const to of event.targetActorIds) {
        const a = seatOf(from, actors, places);
        const b = seatOf(to, actors, places);
        if (!a || !b || a.id === b.id) continue;
        const key = `${a.id}>${b.id}`;
        if (arcKeys.has(key) && !isSelected) continue;
        if (arcs.length >= MAX_ARCS && !isSelected) continue;
        arcKeys.add(key);
        const arc = greatCircle([a.lon, a.lat], [b.lon, b.lat], { npoints: 64 }) as Feature<LineString>;
        arc.properties = { event: event.id, from, to, selected: isSelected };
        arcs.push(arc);
      }
    }
  }
  return {
    actors: { type: 'FeatureCollection', features: [...seen.values()] },
    arcs: { type: 'FeatureCollection', features: arcs },
  };
}
