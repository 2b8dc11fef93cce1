/**
 * `npm run generate -- --count 100000 --seed 1 -o events.json`: writes synthetic events (src/data/synthetic.ts)
 * as an atlas document the app can load, or as newline-delimited GeoJSON for tippecanoe (docs/performance.md,
 * "Beyond one GeoJSON"). `--input doc.json --format geojsonl` converts an existing atlas document instead.
 *
 * Options: --count N (10k, 1M and 1e6 work too; default 10000), --seed N (1), --from YYYY-MM-DD,
 * --to YYYY-MM-DD, --format atlas|geojsonl (atlas), --input FILE, -o/--out FILE ('-' for stdout).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { gazetteer } from '../../geo/gazetteer';
import type { AtlasDocument, Place } from '../data/model';
import { generateAtlasDocument, SYNTHETIC_DEFAULTS } from '../data/synthetic';
import { eventPointsFromDocument, formatEventFeature } from '../tiles/event-points';

interface Args {
  count: number;
  seed: number;
  from: string;
  to: string;
  format: 'atlas' | 'geojsonl';
  input: string | null;
  out: string;
}

const USAGE =
  'usage: generate-events [--count N] [--seed N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] ' +
  '[--format atlas|geojsonl] [--input atlas.json] -o FILE';

/** Reads a count: `100000`, `100k`, `1M`, `1e6`. NaN when it is none of these. */
export function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) return Number(text);
  const scale = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 }[m[2]] ?? 1;
  return Math.round(Number(m[1]) * scale);
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    count: 10000,
    seed: SYNTHETIC_DEFAULTS.seed,
    from: SYNTHETIC_DEFAULTS.from,
    to: SYNTHETIC_DEFAULTS.to,
    format: 'atlas',
    input: null,
    out: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--count') args.count = parseCount(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--from') args.from = value();
    else if (flag === '--to') args.to = value();
    else if (flag === '--format') {
      const f = value();
      if (f !== 'atlas' && f !== 'geojsonl') throw new Error(`--format: "${f}" is not atlas or geojsonl`);
      args.format = f;
    } else if (flag === '--input') args.input = value();
    else if (flag === '-o' || flag === '--out') args.out = value();
    else throw new Error(`unknown option "${flag}"\n${USAGE}`);
  }
  if (!args.out) throw new Error(`no output file (-o FILE, or -o - for stdout)\n${USAGE}`);
  if (!Number.isInteger(args.count) || args.count < 0) throw new Error(`--count: not a whole number ≥ 0`);
  if (!Number.isInteger(args.seed)) throw new Error(`--seed: not an integer`);
  return args;
}

/** Writes text in pieces: a million events do not fit in one JavaScript string. */
class Output {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = path === '-' ? 1 : openSync(path, 'w');
  }
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 22) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    if (this.fd !== 1) closeSync(this.fd);
  }
}

function writeAtlas(doc: AtlasDocument, out: Output): void {
  // Every field but the events in one go, then the events one by one.
  const { events, ...rest } = doc;
  const head = JSON.stringify(rest);
  out.write(`${head.slice(0, -1)},"events":[`);
  events.forEach((e, i) => out.write((i ? ',\n' : '\n') + JSON.stringify(e)));
  out.write('\n]}\n');
}

/**
 * One GeoJSON Feature per line, for `tippecanoe -P` or `npm run tiles`: the event's point and what a tile
 * filter needs (days as numbers, the type as its index), plus its id to look the rest up in the atlas document.
 */
function writeGeojsonl(doc: AtlasDocument, out: Output): number {
  const places = new Map<string, Place>(gazetteer.map((p) => [p.id, p]));
  for (const p of doc.places) places.set(p.id, p);
  const { points, skipped } = eventPointsFromDocument(doc, places);
  for (const p of points) out.write(`${formatEventFeature(p)}\n`);
  return skipped;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const doc: AtlasDocument = args.input
    ? (JSON.parse(readFileSync(args.input, 'utf8')) as AtlasDocument)
    : generateAtlasDocument({ count: args.count, seed: args.seed, from: args.from, to: args.to });
  if (!Array.isArray(doc.events)) throw new Error(`${args.input}: not an atlas document (no events)`);
  const out = new Output(args.out);
  const skipped = args.format === 'atlas' ? (writeAtlas(doc, out), 0) : writeGeojsonl(doc, out);
  out.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const note = skipped ? ` (${skipped} without a date or a position left out)` : '';
  console.error(
    `generate: ${doc.events.length - skipped} events${note} → ${args.out} (${args.format}, ${seconds} s)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
