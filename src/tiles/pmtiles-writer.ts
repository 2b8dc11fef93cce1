/**
 * Writes a PMTiles v3 archive: one file of tiles that a map reads with HTTP range requests, so any static
 * host serves it (docs/performance.md, "Beyond one GeoJSON"). Written from the specification,
 * https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md: a 127-byte header, a root directory in the
 * first 16 KiB, JSON metadata, leaf directories when the root would not fit, then the tile data ordered by
 * tile id (clustered), identical tiles stored once.
 *
 * Node only (the compression is zlib's). The whole archive is held in memory, in parts.
 */
import { gzipSync } from 'node:zlib';

/** One tile of the archive: its address and its bytes, already compressed as `tileCompression` says. */
export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** The header's compression codes. */
export const COMPRESSION = { none: 1, gzip: 2 } as const;
/** The header's tile type codes (only vector tiles are written here). */
export const TILE_TYPE = { mvt: 1 } as const;

export interface ArchiveOptions {
  /** How the directories and metadata are compressed. @default 'gzip' */
  internalCompression?: keyof typeof COMPRESSION;
  /** How the tiles' bytes were compressed by the caller. @default 'gzip' */
  tileCompression?: keyof typeof COMPRESSION;
  /** JSON metadata: for vector tiles, `vector_layers` (TileJSON 3.0) and by convention name, attribution. */
  metadata: Record<string, unknown>;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** Zoom range of the tiles; taken from the tiles when left out. */
  minZoom?: number;
  maxZoom?: number;
  /** Where a viewer first looks: [lon, lat, zoom]; the bounds' middle at `minZoom` when left out. */
  center?: [number, number, number];
}

/** Bytes the header and root directory may take together (the spec's prefetch size). */
export const ROOT_LIMIT = 16_384;
const HEADER_BYTES = 127;

/** A directory entry (spec, "Entries"): run length 0 points to a leaf directory. */
export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/**
 * The position of tile z/x/y on the series of Hilbert curves, one per zoom, that PMTiles numbers tiles by:
 * all tiles of lower zooms first ((4^z - 1) / 3 of them), then the tile's distance along zoom z's curve.
 * Plain arithmetic rather than bit operations past the rotation, so ids above 2^31 stay exact.
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  const n = 2 ** z;
  if (!Number.isInteger(z) || z < 0 || z > 26 || x < 0 || y < 0 || x >= n || y >= n) {
    throw new RangeError(`no tile ${z}/${x}/${y}`);
  }
  const before = (4 ** z - 1) / 3;
  let d = 0;
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = Math.floor(tx / s) % 2;
    const ry = Math.floor(ty / s) % 2;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so the curve's sub-square has the standard orientation.
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - (tx % s);
        ty = s - 1 - (ty % s);
      }
      [tx, ty] = [ty, tx];
    }
    tx %= s;
    ty %= s;
  }
  return before + d;
}

/** Appends `value` (a whole number ≥ 0 up to 2^53) as an unsigned LEB128 varint. */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * Serialises a directory (spec, "Directory Serialization"), before compression: the entry count, then
 * columns of tile id deltas, run lengths, lengths, and offsets (0 where an entry follows the previous one
 * directly, else offset + 1), all varints.
 */
export function encodeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  if (entries.length === 0) throw new Error('a PMTiles directory needs at least one entry');
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    const follows = previous && e.offset === previous.offset + previous.length;
    pushVarint(out, follows ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

function compress(data: Uint8Array, how: keyof typeof COMPRESSION): Uint8Array {
  return how === 'gzip' ? new Uint8Array(gzipSync(data, { level: 9 })) : data;
}

/** FNV-1a over the bytes: finds candidate duplicates, which are then compared in full. */
function hashBytes(data: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 0x01000193);
  return h >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Directories {
  root: Uint8Array;
  leaves: Uint8Array[];
  leavesLength: number;
}

/**
 * The root directory alone when it fits beside the header in {@link ROOT_LIMIT} bytes; otherwise leaf
 * directories of `size` entries (doubled until the root that points to them fits).
 */
function buildDirectories(entries: DirectoryEntry[], how: keyof typeof COMPRESSION): Directories {
  const root = compress(encodeDirectory(entries), how);
  if (HEADER_BYTES + root.length <= ROOT_LIMIT) return { root, leaves: [], leavesLength: 0 };
  for (let size = 4096; ; size *= 2) {
    const leaves: Uint8Array[] = [];
    const rootEntries: DirectoryEntry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += size) {
      const leaf = compress(encodeDirectory(entries.slice(i, i + size)), how);
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const leafRoot = compress(encodeDirectory(rootEntries), how);
    if (HEADER_BYTES + leafRoot.length <= ROOT_LIMIT) return { root: leafRoot, leaves, leavesLength: offset };
  }
}

function writeHeader(fields: {
  rootLength: number;
  metadataLength: number;
  leavesLength: number;
  tileDataLength: number;
  addressed: number;
  entries: number;
  contents: number;
  internal: number;
  tile: number;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  center: [number, number, number];
}): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  bytes[7] = 3;
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + fields.rootLength;
  const leavesOffset = metadataOffset + fields.metadataLength;
  const tileDataOffset = leavesOffset + fields.leavesLength;
  u64(8, rootOffset);
  u64(16, fields.rootLength);
  u64(24, metadataOffset);
  u64(32, fields.metadataLength);
  u64(40, leavesOffset);
  u64(48, fields.leavesLength);
  u64(56, tileDataOffset);
  u64(64, fields.tileDataLength);
  u64(72, fields.addressed);
  u64(80, fields.entries);
  u64(88, fields.contents);
  bytes[96] = 1;
  bytes[97] = fields.internal;
  bytes[98] = fields.tile;
  bytes[99] = TILE_TYPE.mvt;
  bytes[100] = fields.minZoom;
  bytes[101] = fields.maxZoom;
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  const [west, south, east, north] = fields.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  bytes[118] = fields.center[2];
  view.setInt32(119, e7(fields.center[0]), true);
  view.setInt32(123, e7(fields.center[1]), true);
  return bytes;
}

/** What {@link createPmtilesArchive} wrote: the file's parts in order, and counts for a report. */
export interface Archive {
  parts: Uint8Array[];
  size: number;
  /** Tiles addressed, and distinct tile contents stored. */
  tiles: number;
  contents: number;
  leafDirectories: number;
}

/**
 * Lays out a PMTiles v3 archive for `tiles` (any order; each z/x/y once). Tiles with the same bytes are
 * stored once, and consecutive tile ids with the same bytes share one entry (run length). Note: sorts
 * `tiles` in place.
 */
export function createPmtilesArchive(tiles: ArchiveTile[], options: ArchiveOptions): Archive {
  if (tiles.length === 0) throw new Error('no tiles to write');
  const internal = options.internalCompression ?? 'gzip';
  const tileCompression = options.tileCompression ?? 'gzip';
  const withIds = tiles.map((t) => ({ tile: t, id: zxyToTileId(t.z, t.x, t.y) }));
  withIds.sort((a, b) => a.id - b.id);

  const entries: DirectoryEntry[] = [];
  const data: Uint8Array[] = [];
  const stored = new Map<number, { data: Uint8Array; offset: number }[]>();
  let dataLength = 0;
  let contents = 0;
  for (const { tile, id } of withIds) {
    if (tile.data.length === 0) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} is empty`);
    const last = entries[entries.length - 1];
    if (last && last.tileId === id) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} given twice`);
    const hash = hashBytes(tile.data);
    const same = stored.get(hash)?.find((s) => sameBytes(s.data, tile.data));
    if (same && last && last.offset === same.offset && last.tileId + last.runLength === id) {
      last.runLength++;
      continue;
    }
    let offset = same?.offset;
    if (offset === undefined) {
      offset = dataLength;
      data.push(tile.data);
      dataLength += tile.data.length;
      contents++;
      const bucket = stored.get(hash) ?? [];
      bucket.push({ data: tile.data, offset });
      stored.set(hash, bucket);
    }
    entries.push({ tileId: id, offset, length: tile.data.length, runLength: 1 });
  }

  const directories = buildDirectories(entries, internal);
  const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata)), internal);
  const zooms = tiles.map((t) => t.z);
  const minZoom = options.minZoom ?? Math.min(...zooms);
  const maxZoom = options.maxZoom ?? Math.max(...zooms);
  const [west, south, east, north] = options.bounds;
  const header = writeHeader({
    rootLength: directories.root.length,
    metadataLength: metadata.length,
    leavesLength: directories.leavesLength,
    tileDataLength: dataLength,
    addressed: tiles.length,
    entries: entries.length,
    contents,
    internal: COMPRESSION[internal],
    tile: COMPRESSION[tileCompression],
    minZoom,
    maxZoom,
    bounds: options.bounds,
    center: options.center ?? [(west + east) / 2, (south + north) / 2, minZoom],
  });
  const parts = [header, directories.root, metadata, ...directories.leaves, ...data];
  return {
    parts,
    size: parts.reduce((n, p) => n + p.length, 0),
    tiles: tiles.length,
    contents,
    leafDirectories: directories.leaves.length,
  };
}

/** The archive's parts joined into one array (for tests and small archives). */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
