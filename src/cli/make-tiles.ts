/**
 * `npm run tiles -- --input events.geojsonl -o events.pmtiles`: cuts events into vector tiles (layer
 * `events`, properties `id`, `type`, `day`, `dayEnd`) and writes them as one PMTiles v3 file for `?tiles=`
 * (docs/performance.md, "Beyond one GeoJSON"). An offline alternative to tippecanoe for the atlas's points.
 *
 * Input: newline-delimited GeoJSON Features (`npm run generate -- --format geojsonl`) or an atlas document.
 * Options: --input FILE, -o/--out FILE, --min-zoom N (0), --max-zoom N (9), --max-features N (25000: tiles
 * below the max zoom with more points keep an even sample), --internal gzip|none (gzip), --name TEXT.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { gazetteer } from '../../geo/gazetteer';
import type { AtlasDocument, Place } from '../data/model';
import { eventPointsFromDocument, parseEventFeature, type EventPoint } from '../tiles/event-points';
import { createEventTiles, EVENT_TILE_DEFAULTS, EVENTS_TILE_LAYER, pointBounds } from '../tiles/event-tiles';
import { createPmtilesArchive, type ArchiveTile } from '../tiles/pmtiles-writer';

interface Args {
  input: string;
  out: string;
  minZoom: number;
  maxZoom: number;
  maxFeatures: number;
  internal: 'gzip' | 'none';
  name: string;
}

const USAGE =
  'usage: make-tiles --input events.geojsonl|atlas.json -o events.pmtiles [--min-zoom N] [--max-zoom N] ' +
  '[--max-features N] [--internal gzip|none] [--name TEXT]';

function parseArgs(argv: string[]): Args {
  const args: Args = {
    input: '',
    out: '',
    minZoom: EVENT_TILE_DEFAULTS.minZoom,
    maxZoom: EVENT_TILE_DEFAULTS.maxZoom,
    maxFeatures: EVENT_TILE_DEFAULTS.maxFeatures,
    internal: 'gzip',
    name: 'Karabakh Atlas events',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const whole = (min: number, max: number) => {
      const text = value();
      const n = Number(text);
      if (!Number.isInteger(n) || n < min || n > max) {
        throw new Error(`${flag}: "${text}" is not a whole number from ${min} to ${max}`);
      }
      return n;
    };
    if (flag === '--input' || flag === '-i') args.input = value();
    else if (flag === '-o' || flag === '--out') args.out = value();
    else if (flag === '--min-zoom') args.minZoom = whole(0, 24);
    else if (flag === '--max-zoom') args.maxZoom = whole(0, 24);
    else if (flag === '--max-features') args.maxFeatures = whole(1, 10_000_000);
    else if (flag === '--internal') {
      const v = value();
      if (v !== 'gzip' && v !== 'none') throw new Error(`--internal: "${v}" is not gzip or none`);
      args.internal = v;
    } else if (flag === '--name') args.name = value();
    else throw new Error(`unknown option "${flag}"\n${USAGE}`);
  }
  if (!args.input) throw new Error(`no input file (--input FILE)\n${USAGE}`);
  if (!args.out) throw new Error(`no output file (-o FILE)\n${USAGE}`);
  if (args.minZoom > args.maxZoom) throw new Error('--min-zoom is above --max-zoom');
  return args;
}

/** Whether the file starts with a GeoJSON Feature line rather than an atlas document. */
function isGeojsonl(path: string): boolean {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4096);
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  if (/\.(geojsonl|geojsons|ndjson|jsonl)$/.test(path)) return true;
  const firstLine = head.subarray(0, read).toString('utf8').split('\n')[0];
  try {
    return (JSON.parse(firstLine) as { type?: unknown }).type === 'Feature';
  } catch {
    return false;
  }
}

async function readGeojsonl(path: string): Promise<{ points: EventPoint[]; skipped: number }> {
  const points: EventPoint[] = [];
  const problems: string[] = [];
  let skipped = 0;
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    try {
      points.push(parseEventFeature(text));
    } catch (error) {
      skipped++;
      if (problems.length < 5) problems.push(`${path}, line ${line}: ${(error as Error).message}`);
    }
  }
  for (const p of problems) console.error(`tiles: left out ${p}`);
  if (skipped > problems.length) console.error(`tiles: … ${skipped - problems.length} more lines left out`);
  return { points, skipped };
}

function readDocument(path: string): { points: EventPoint[]; skipped: number } {
  let doc: AtlasDocument;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as AtlasDocument;
  } catch (error) {
    throw new Error(
      `${path}: neither GeoJSON Feature lines nor a JSON atlas document (${(error as Error).message})`,
    );
  }
  if (!doc || !Array.isArray(doc.events)) throw new Error(`${path}: not an atlas document (no events)`);
  const places = new Map<string, Place>(gazetteer.map((p) => [p.id, p]));
  for (const p of doc.places ?? []) places.set(p.id, p);
  return eventPointsFromDocument(doc, places);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { points, skipped } = isGeojsonl(args.input)
    ? await readGeojsonl(args.input)
    : readDocument(args.input);
  const bounds = pointBounds(points);
  if (!bounds) throw new Error(`${args.input}: no events with a date and a position`);
  const readSeconds = (performance.now() - started) / 1000;

  const tiles: ArchiveTile[] = [];
  let largest = { bytes: 0, name: '', features: 0 };
  let thinned = 0;
  for (const tile of createEventTiles(points, args)) {
    const data = new Uint8Array(gzipSync(tile.data, { level: 6 }));
    tiles.push({ z: tile.z, x: tile.x, y: tile.y, data });
    if (data.length > largest.bytes) {
      largest = { bytes: data.length, name: `${tile.z}/${tile.x}/${tile.y}`, features: tile.features };
    }
    if (tile.points > args.maxFeatures && tile.z < args.maxZoom) thinned++;
  }
  const archive = createPmtilesArchive(tiles, {
    internalCompression: args.internal,
    tileCompression: 'gzip',
    minZoom: args.minZoom,
    maxZoom: args.maxZoom,
    bounds,
    metadata: {
      name: args.name,
      description:
        'Events of the Karabakh Atlas: day and dayEnd are days since 1970-01-01, type an index into EVENT_TYPES.',
      type: 'overlay',
      version: '1',
      vector_layers: [
        {
          id: EVENTS_TILE_LAYER,
          fields: { id: 'String', type: 'Number', day: 'Number', dayEnd: 'Number' },
          minzoom: args.minZoom,
          maxzoom: args.maxZoom,
        },
      ],
    },
  });
  const fd = openSync(args.out, 'w');
  for (const part of archive.parts) writeSync(fd, part);
  closeSync(fd);

  const seconds = (performance.now() - started) / 1000;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1);
  const note = skipped ? ` (${skipped} left out)` : '';
  console.error(
    `tiles: ${points.length} events${note} → ${args.out}: ${archive.tiles} tiles, z${args.minZoom}–${args.maxZoom}, ` +
      `${mb(archive.size)} MB, ${archive.leafDirectories} leaf directories; read ${readSeconds.toFixed(1)} s, ` +
      `total ${seconds.toFixed(1)} s`,
  );
  console.error(
    `tiles: largest tile ${largest.name}, ${largest.features} features, ${(largest.bytes / 1e3).toFixed(0)} kB gzipped` +
      (thinned
        ? `; ${thinned} tiles below z${args.maxZoom} thinned to about ${args.maxFeatures} points`
        : ''),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`tiles: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
