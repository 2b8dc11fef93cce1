/**
 * Cuts event points into Mapbox vector tiles, one layer `events` with the properties `id`, `type`, `day`
 * and `dayEnd`: the points are bucketed by tile here (a point also goes to the neighbours whose buffer it
 * lies in), each tile is cut by geojson-vt from its own points only, so memory stays one tile's worth,
 * and encoded with vt-pbf.
 */
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { EventPoint } from './event-points';

/** The layer name the map's style refers to. */
export const EVENTS_TILE_LAYER = 'events';

export interface EventTilesOptions {
  /** @default 0 */
  minZoom?: number;
  /** @default 9 */
  maxZoom?: number;
  /**
   * Below `maxZoom`, a tile with more points than this keeps an even sample of about this many (the same
   * events at every zoom: those whose id hashes lowest); at `maxZoom` every point is kept.
   * @default 25000
   */
  maxFeatures?: number;
  /** Tile extent in tile units. @default 4096 */
  extent?: number;
  /** Buffer around each tile in tile units, so marks at an edge are not cut. @default 64 */
  buffer?: number;
}

/** One encoded tile (uncompressed protobuf) and how many points it holds and had before thinning. */
export interface EventTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
  features: number;
  /** Points whose position is in this tile (before thinning; buffer points not counted). */
  points: number;
}

export const EVENT_TILE_DEFAULTS = { minZoom: 0, maxZoom: 9, maxFeatures: 25_000, extent: 4096, buffer: 64 };

/** Web Mercator latitude limit. */
const MAX_LAT = 85.05112878;

/** A number in [0, 1) from an id (FNV-1a): the thinning order, stable across zooms and runs. */
function idRank(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/**
 * Yields the tiles of zoom `minZoom` to `maxZoom` that hold at least one point, zoom by zoom. Points are
 * read, never changed.
 */
export function* createEventTiles(
  points: readonly EventPoint[],
  options: EventTilesOptions = {},
): Generator<EventTile> {
  const { minZoom, maxZoom, maxFeatures, extent, buffer } = { ...EVENT_TILE_DEFAULTS, ...options };
  if (!(minZoom >= 0 && minZoom <= maxZoom && maxZoom <= 24)) {
    throw new RangeError(`zooms: expected 0 ≤ min-zoom ≤ max-zoom ≤ 24, got ${minZoom}–${maxZoom}`);
  }
  const n = points.length;
  // World coordinates in 0..1 (Web Mercator), computed once for every zoom.
  const wx = new Float64Array(n);
  const wy = new Float64Array(n);
  const rank = new Float64Array(n);
  points.forEach((p, i) => {
    const lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, p.lat));
    const sin = Math.sin((lat * Math.PI) / 180);
    wx[i] = (p.lon + 180) / 360;
    wy[i] = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
    rank[i] = idRank(p.id);
  });
  const margin = buffer / extent;

  for (let z = minZoom; z <= maxZoom; z++) {
    const size = 2 ** z;
    const last = size - 1;
    const buckets = new Map<number, number[]>();
    const own = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const tx = wx[i] * size;
      const ty = wy[i] * size;
      const x = Math.min(last, Math.floor(tx));
      const y = Math.min(last, Math.floor(ty));
      own.set(y * size + x, (own.get(y * size + x) ?? 0) + 1);
      const x0 = Math.max(0, Math.floor(tx - margin));
      const x1 = Math.min(last, Math.floor(tx + margin));
      const y0 = Math.max(0, Math.floor(ty - margin));
      const y1 = Math.min(last, Math.floor(ty + margin));
      for (let by = y0; by <= y1; by++) {
        for (let bx = x0; bx <= x1; bx++) {
          const key = by * size + bx;
          let bucket = buckets.get(key);
          if (!bucket) buckets.set(key, (bucket = []));
          bucket.push(i);
        }
      }
    }
    for (const [key, indices] of buckets) {
      const x = key % size;
      const y = Math.floor(key / size);
      const count = own.get(key) ?? 0;
      const keep = z < maxZoom && count > maxFeatures ? maxFeatures / count : 1;
      const features: Feature<Point>[] = [];
      for (const i of indices) {
        if (keep < 1 && rank[i] >= keep) continue;
        const p = points[i];
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
          properties: { id: p.id, type: p.type, day: p.day, dayEnd: p.dayEnd },
        });
      }
      if (features.length === 0) continue;
      const collection: FeatureCollection<Point> = { type: 'FeatureCollection', features };
      const tile = geoJSONToTile(collection, z, x, y, { extent, buffer, clip: true, maxZoom: z });
      if (!tile || tile.features.length === 0) continue;
      const data = fromGeojsonVt({ [EVENTS_TILE_LAYER]: tile }, { version: 2, extent });
      yield { z, x, y, data, features: tile.features.length, points: count };
    }
  }
}

/** [west, south, east, north] of the points, or null when there are none. */
export function pointBounds(points: readonly EventPoint[]): [number, number, number, number] | null {
  if (points.length === 0) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const p of points) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  return [west, south, east, north];
}
