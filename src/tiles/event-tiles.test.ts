import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { EventPoint } from './event-points';
import { createEventTiles, pointBounds } from './event-tiles';

function point(id: string, lon: number, lat: number, day = 18_500): EventPoint {
  return { id, type: 0, day, dayEnd: day + 2, lon, lat };
}

function decode(data: Uint8Array) {
  const layer = new VectorTile(new PbfReader(data)).layers.events;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
}

describe('createEventTiles', () => {
  it('makes one tile per zoom and place, with the layer events and the four properties', () => {
    const tiles = [...createEventTiles([point('a', 46.75, 39.82)], { minZoom: 0, maxZoom: 3 })];
    expect(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).toEqual(['0/0/0', '1/1/0', '2/2/1', '3/5/3']);
    for (const t of tiles) {
      expect(decode(t.data)).toEqual([{ id: 'a', type: 0, day: 18_500, dayEnd: 18_502 }]);
    }
  });

  it('also puts a point in the neighbour whose buffer it lies in', () => {
    // Longitude 45 is the edge between tiles 5 and 6 of zoom 3; 45.05 lies just east of it.
    const tiles = [...createEventTiles([point('edge', 45.05, 39.8)], { minZoom: 3, maxZoom: 3 })];
    expect(tiles.map((t) => `${t.z}/${t.x}/${t.y}`).sort()).toEqual(['3/4/3', '3/5/3']);
    expect(tiles.find((t) => t.x === 5)!.points).toBe(1);
    expect(tiles.find((t) => t.x === 4)!.points).toBe(0);
  });

  it('thins crowded tiles below the highest zoom to an even sample, the same events at every zoom', () => {
    const points = Array.from({ length: 2000 }, (_, i) =>
      point(`e${i}`, 46 + (i % 50) * 0.01, 40 + Math.floor(i / 50) * 0.01),
    );
    const tiles = [...createEventTiles(points, { minZoom: 0, maxZoom: 6, maxFeatures: 500 })];
    const idsAt = (z: number) =>
      new Set(tiles.filter((t) => t.z === z).flatMap((t) => decode(t.data).map((p) => String(p.id))));
    expect(idsAt(6).size).toBe(2000);
    const low = idsAt(0);
    expect(low.size).toBeGreaterThan(350);
    expect(low.size).toBeLessThan(650);
    for (const id of low) expect(idsAt(3).has(id)).toBe(true);
  });

  it('refuses a zoom range that is upside down', () => {
    expect(() => [...createEventTiles([point('a', 0, 0)], { minZoom: 5, maxZoom: 2 })]).toThrow(RangeError);
  });
});

describe('pointBounds', () => {
  it('spans the points, or is null without any', () => {
    expect(pointBounds([point('a', 44, 41), point('b', 50, 38.5)])).toEqual([44, 38.5, 50, 41]);
    expect(pointBounds([])).toBeNull();
  });
});
