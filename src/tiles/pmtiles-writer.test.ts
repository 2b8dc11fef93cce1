import { gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, zxyToTileId as referenceTileId, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { generateAtlasDocument } from '../data/synthetic';
import { gazetteer } from '../../geo/gazetteer';
import { eventPointsFromDocument } from './event-points';
import { createEventTiles, pointBounds } from './event-tiles';
import {
  createPmtilesArchive,
  encodeDirectory,
  joinParts,
  ROOT_LIMIT,
  zxyToTileId,
  type ArchiveOptions,
  type ArchiveTile,
} from './pmtiles-writer';

/** The archive as the `pmtiles` package's reader sees it, from memory; counts the reads. */
function readArchive(bytes: Uint8Array) {
  const reads: [number, number][] = [];
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset, length) => {
      reads.push([offset, length]);
      return { data: bytes.slice(offset, offset + length).buffer };
    },
  };
  return { archive: new PMTiles(source), reads };
}

const OPTIONS: ArchiveOptions = {
  metadata: { name: 'test', vector_layers: [{ id: 'events', fields: {} }] },
  bounds: [44, 38, 51, 42],
};

/** A tile whose bytes say where it is (then `pad` spaces): distinct contents for every z/x/y. */
function labelled(z: number, x: number, y: number, pad = 0): ArchiveTile {
  return { z, x, y, data: new TextEncoder().encode(`${z}/${x}/${y}${' '.repeat(pad)}`) };
}

describe('zxyToTileId', () => {
  it.each([
    [0, 0, 0, 0],
    [1, 0, 0, 1],
    [1, 0, 1, 2],
    [1, 1, 1, 3],
    [1, 1, 0, 4],
    [2, 0, 0, 5],
  ])('%i/%i/%i is %i', (z, x, y, id) => {
    expect(zxyToTileId(z, x, y)).toBe(id);
  });

  it('numbers every tile to zoom 7 as the pmtiles package does', () => {
    for (let z = 0; z <= 7; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) expect(zxyToTileId(z, x, y)).toBe(referenceTileId(z, x, y));
      }
    }
  });

  it('stays exact above 2^31 (zoom 20 and 26)', () => {
    for (const [z, x, y] of [
      [20, 12345, 54321],
      [20, 2 ** 20 - 1, 0],
      [26, 40_000_000, 23_456_789],
    ]) {
      expect(zxyToTileId(z, x, y)).toBe(referenceTileId(z, x, y));
    }
  });

  it('refuses tiles outside the zoom', () => {
    expect(() => zxyToTileId(2, 4, 0)).toThrow(RangeError);
    expect(() => zxyToTileId(-1, 0, 0)).toThrow(RangeError);
  });
});

describe('encodeDirectory', () => {
  it('writes the count, then tile id deltas, run lengths, lengths and offsets as varints', () => {
    const bytes = encodeDirectory([
      { tileId: 1, offset: 0, length: 10, runLength: 1 },
      { tileId: 2, offset: 10, length: 300, runLength: 2 },
      { tileId: 5, offset: 0, length: 10, runLength: 1 },
    ]);
    // 300 = 0b10_0101100: 0xac 0x02. Offsets: 0 + 1, follows (0), 0 + 1.
    expect([...bytes]).toEqual([3, 1, 1, 3, 1, 2, 1, 10, 0xac, 0x02, 10, 1, 0, 1]);
  });

  it('refuses an empty directory', () => {
    expect(() => encodeDirectory([])).toThrow();
  });
});

describe('createPmtilesArchive', () => {
  it('writes a header, metadata and tiles that the pmtiles reader reads back', async () => {
    const tiles = [labelled(0, 0, 0), labelled(1, 1, 0), labelled(1, 0, 1), labelled(2, 3, 3)];
    const gzipped = tiles.map((t) => ({ ...t, data: new Uint8Array(gzipSync(t.data)) }));
    const written = createPmtilesArchive(gzipped, OPTIONS);
    const { archive } = readArchive(joinParts(written.parts));

    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      clustered: true,
      internalCompression: 2,
      tileCompression: 2,
      tileType: 1,
      minZoom: 0,
      maxZoom: 2,
      numAddressedTiles: 4,
      numTileEntries: 4,
      numTileContents: 4,
      minLon: 44,
      minLat: 38,
      maxLon: 51,
      maxLat: 42,
      centerLon: 47.5,
      centerLat: 40,
    });
    expect(header.rootDirectoryOffset).toBe(127);
    expect(await archive.getMetadata()).toEqual(OPTIONS.metadata);
    for (const t of tiles) {
      const tile = await archive.getZxy(t.z, t.x, t.y);
      expect(new TextDecoder().decode(tile!.data)).toBe(`${t.z}/${t.x}/${t.y}`);
    }
    expect(await archive.getZxy(2, 0, 0)).toBeUndefined();
  });

  it('stores identical tiles once and runs of them as one entry', async () => {
    const same = new TextEncoder().encode('same');
    // Zoom 1 in tile id order (0/0, 0/1, 1/1, 1/0) plus one different tile at zoom 0.
    const tiles: ArchiveTile[] = [
      { z: 1, x: 0, y: 0, data: same },
      { z: 1, x: 0, y: 1, data: same },
      { z: 1, x: 1, y: 1, data: same },
      { z: 0, x: 0, y: 0, data: new TextEncoder().encode('other') },
      { z: 1, x: 1, y: 0, data: same },
    ];
    const written = createPmtilesArchive(tiles, { ...OPTIONS, tileCompression: 'none' });
    expect(written.contents).toBe(2);
    const { archive } = readArchive(joinParts(written.parts));
    const header = await archive.getHeader();
    expect(header).toMatchObject({ numAddressedTiles: 5, numTileEntries: 2, numTileContents: 2 });
    expect(header.tileDataLength).toBe('sameother'.length);
    for (const [x, y] of [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ]) {
      expect(new TextDecoder().decode((await archive.getZxy(1, x, y))!.data)).toBe('same');
    }
  });

  it.each(['gzip', 'none'] as const)(
    'puts a directory too big for the first 16 KiB into leaves (internal compression %s)',
    async (internalCompression) => {
      // Irregular gaps and lengths, so that even a gzipped directory of them outgrows the first 16 KiB.
      const tiles: ArchiveTile[] = [];
      for (let x = 0; x < 256; x++) {
        for (let y = 0; y < 256; y++)
          if ((x * 31 + y * 17) % 5 !== 0) tiles.push(labelled(8, x, y, (x * y) % 97));
      }
      const written = createPmtilesArchive(tiles, {
        ...OPTIONS,
        internalCompression,
        tileCompression: 'none',
      });
      expect(written.leafDirectories).toBeGreaterThan(1);
      const { archive, reads } = readArchive(joinParts(written.parts));
      const header = await archive.getHeader();
      expect(header.internalCompression).toBe(internalCompression === 'gzip' ? 2 : 1);
      expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT);
      expect(header.leafDirectoryLength).toBeGreaterThan(0);
      expect(header.numTileEntries).toBe(tiles.length);
      for (const [x, y] of [
        [0, 1],
        [255, 254],
        [17, 200],
        [128, 3],
        [201, 99],
      ]) {
        const tile = await archive.getZxy(8, x, y);
        expect(new TextDecoder().decode(tile!.data).trimEnd()).toBe(`8/${x}/${y}`);
      }
      expect(await archive.getZxy(8, 0, 5)).toBeUndefined();
      // The reader's first read holds the header and the whole root directory.
      expect(reads[0]).toEqual([0, ROOT_LIMIT]);
    },
  );

  it('refuses no tiles, empty tiles and a tile given twice', () => {
    expect(() => createPmtilesArchive([], OPTIONS)).toThrow(/no tiles/);
    expect(() => createPmtilesArchive([{ z: 0, x: 0, y: 0, data: new Uint8Array() }], OPTIONS)).toThrow(
      /empty/,
    );
    expect(() => createPmtilesArchive([labelled(1, 0, 0), labelled(1, 0, 0)], OPTIONS)).toThrow(/twice/);
  });
});

describe('events as a PMTiles archive', () => {
  it('gives back every event with its id, type and days at the highest zoom', async () => {
    const doc = generateAtlasDocument({ count: 400, seed: 3 });
    const places = new Map(gazetteer.map((p) => [p.id, p]));
    for (const p of doc.places) places.set(p.id, p);
    const { points } = eventPointsFromDocument(doc, places);
    expect(points.length).toBeGreaterThan(300);

    const tiles = [...createEventTiles(points, { minZoom: 0, maxZoom: 7 })];
    const written = createPmtilesArchive(
      tiles.map((t) => ({ z: t.z, x: t.x, y: t.y, data: new Uint8Array(gzipSync(t.data)) })),
      { ...OPTIONS, bounds: pointBounds(points)! },
    );
    const { archive } = readArchive(joinParts(written.parts));

    // Every tile of zoom 7, read back through the archive's directory and decoded as a vector tile.
    const seen = new Map<
      string,
      { type: unknown; day: unknown; dayEnd: unknown; lon: number; lat: number }
    >();
    for (const t of tiles.filter((t) => t.z === 7)) {
      const data = (await archive.getZxy(t.z, t.x, t.y))!.data;
      const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers.events;
      expect(layer.name).toBe('events');
      for (let i = 0; i < layer.length; i++) {
        const feature = layer.feature(i);
        const geometry = feature.toGeoJSON(t.x, t.y, t.z).geometry as GeoJSON.Point;
        const [lon, lat] = geometry.coordinates;
        const tileOf = (v: number) => Math.floor(v * 2 ** t.z);
        const mercatorY = 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
        // Buffer copies of a neighbour's events are left to that neighbour.
        if (tileOf((lon + 180) / 360) !== t.x || tileOf(mercatorY) !== t.y) continue;
        const { id, type, day, dayEnd } = feature.properties;
        expect(seen.has(String(id))).toBe(false);
        seen.set(String(id), { type, day, dayEnd, lon, lat });
      }
    }
    expect(seen.size).toBe(points.length);
    for (const p of points) {
      const got = seen.get(p.id)!;
      expect(got).toMatchObject({ type: p.type, day: p.day, dayEnd: p.dayEnd });
      // Zoom 7 with an extent of 4096: positions within about 0.001 degrees.
      expect(Math.abs(got.lon - p.lon)).toBeLessThan(0.001);
      expect(Math.abs(got.lat - p.lat)).toBeLessThan(0.001);
    }
  });
});
