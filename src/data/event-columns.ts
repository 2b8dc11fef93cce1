import type { AtlasEvent, Place } from './model';
import { eventTypeIndex } from './event-style';

/** Events in date order as typed columns: what the map's WebGL layer uploads once. */
export interface EventColumnsData {
  count: number;
  /** Web Mercator x, y in 0..1; events with no position sit off the world (x = -10). */
  x: Float32Array;
  y: Float32Array;
  type: Uint8Array;
  /** Position of the event on its place's spiral, in date order (0 = first event there). */
  slot: Uint16Array;
}

/** Web Mercator of a longitude/latitude, in 0..1. */
export function mercator(lon: number, lat: number): [number, number] {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** Where an event is drawn: its place's coordinates, else the coordinates its row gave. */
export function eventPosition(
  event: AtlasEvent,
  places: ReadonlyMap<string, Place>,
): [number, number] | null {
  const place = event.placeId ? places.get(event.placeId) : undefined;
  if (place) return [place.lon, place.lat];
  if (event.lon != null && event.lat != null) return [event.lon, event.lat];
  return null;
}

/**
 * Builds the columns for `sorted` (events already in date order). O(n), run once per data set, never on
 * the slider's hot path.
 */
export function createEventColumns(
  sorted: readonly AtlasEvent[],
  places: ReadonlyMap<string, Place>,
): EventColumnsData {
  const count = sorted.length;
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  const type = new Uint8Array(count);
  const slot = new Uint16Array(count);
  const slotsByPlace = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const event = sorted[i];
    type[i] = eventTypeIndex(event.type);
    const position = eventPosition(event, places);
    if (!position) {
      x[i] = -10;
      y[i] = -10;
      continue;
    }
    const [mx, my] = mercator(position[0], position[1]);
    x[i] = mx;
    y[i] = my;
    const key = `${position[0].toFixed(4)},${position[1].toFixed(4)}`;
    const n = slotsByPlace.get(key) ?? 0;
    slot[i] = Math.min(n, 65535);
    slotsByPlace.set(key, n + 1);
  }
  return { count, x, y, type, slot };
}
