/**
 * `npm run bench:load [-- --sizes 100k,1M]`: how the built app (dist/, from `npm run build`) loads a large
 * atlas document through `?data=`, in headless Chromium. For each size it prints the time until the
 * events are shown, the longest main-thread task while loading (what a user feels as a freeze) and the
 * sum of the long ones (over 50 ms). Two baselines from the same browser: the same page with its own
 * small data (what the map itself costs: shader compiles and canvas set-up, heavy on a software GPU), and
 * one `JSON.parse` of the same text on the main thread, the least the page would freeze for if it read the
 * document itself. Nothing here asserts a time.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module shared with the npm scripts.
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { generateAtlasDocument } from '../data/synthetic';
import { parseCount } from './generate-events';

const DIST = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
};

const argv = process.argv.slice(2);
const sizesFlag = argv.indexOf('--sizes');
const sizes = sizesFlag >= 0 ? argv[sizesFlag + 1].split(',').map(parseCount) : [100_000, 1_000_000];
if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bench:load: no dist/index.html; run `npm run build` first');
  process.exit(1);
}

let big = Buffer.alloc(0);
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (path === '/bench-events.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': big.length }).end(big);
    return;
  }
  let file = join(DIST, path);
  if (!file.startsWith(DIST)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: (await findChromium()) ?? undefined,
  args: CHROMIUM_ARGS,
});

interface Load {
  shownMs: number;
  long: number[];
  /** Durations of the page's own data steps (its `atlas:` user timings): receiving chunks, assembling. */
  steps: number[];
  /** The longest animation frame: its duration and its longest scripts ("what: ms"). */
  longestFrame: { ms: number; scripts: string[] } | null;
}

/** Opens the app at `query` and waits until the range summary counts `dated` events. */
async function load(query: string, dated: number | null): Promise<Load> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames say which scripts ran in them (and how much was style and layout).
    interface Script {
      invoker: string;
      sourceFunctionName: string;
      duration: number;
      forcedStyleAndLayoutDuration: number;
    }
    const f = window as unknown as { __frame: { ms: number; scripts: string[] } | null };
    f.__frame = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { scripts: Script[] })[]) {
        if (f.__frame && f.__frame.ms >= entry.duration) continue;
        const scripts = [...entry.scripts]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map(
            (s) =>
              `${s.invoker}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}: ${Math.round(s.duration)} ms`,
          );
        const inScripts = entry.scripts.reduce((sum, s) => sum + s.duration, 0);
        scripts.push(
          `outside scripts (style, layout, paint, GC between): ${Math.round(entry.duration - inScripts)} ms`,
        );
        f.__frame = { ms: entry.duration, scripts };
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  await page.goto(`${origin}/${query}`);
  await page.waitForFunction(
    (n) =>
      (n == null ? / of \d+ events/ : new RegExp(`of ${n} events`)).test(
        document.querySelector('.range-summary')?.textContent ?? '',
      ),
    dated,
    { timeout: 600_000, polling: 100 },
  );
  // The map's first frames after the data: part of showing it.
  await page.waitForTimeout(500);
  const shownMs = await page.evaluate(() => performance.now());
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const longestFrame = await page.evaluate(
    () => (window as unknown as { __frame: Load['longestFrame'] }).__frame,
  );
  const steps = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('atlas:'))
      .map((m) => m.duration),
  );
  await page.close();
  return { shownMs, long, steps, longestFrame };
}

function row(
  label: string,
  size: string,
  { shownMs, long, steps }: Load,
  parseMs: number | null,
  base: number,
) {
  const longest = Math.max(0, ...long);
  return [
    label,
    size,
    `${(shownMs / 1000).toFixed(1)} s`,
    `${longest.toFixed(0)} ms`,
    `${(longest / base).toFixed(2)}×`,
    `${long.reduce((a, b) => a + b, 0).toFixed(0)} ms (${long.length})`,
    `${Math.max(0, ...steps).toFixed(0)} ms (${steps.length})`,
    parseMs == null ? '' : `${parseMs.toFixed(0)} ms`,
  ];
}

const baseline = await load('', null);
const baseLongest = Math.max(1, ...baseline.long);
const rows: string[][] = [row('own data', '', baseline, null, baseLongest)];
const frames: string[] = [describeFrame('own data', baseline)];

function describeFrame(label: string, { longestFrame }: Load): string {
  if (!longestFrame) return `${label}: no long animation frame`;
  return `${label}: ${longestFrame.ms.toFixed(0)} ms; ${longestFrame.scripts.join('; ')}`;
}
for (const size of sizes) {
  const doc = generateAtlasDocument({ count: size, seed: 1 });
  const dated = doc.events.filter((e) => e.date).length;
  big = Buffer.from(JSON.stringify(doc));
  const result = await load('?data=bench-events.json', dated);
  const page = await browser.newPage();
  await page.goto(`${origin}/data/atlas.json`);
  const parseMs = await page.evaluate(async () => {
    const text = await (await fetch('../bench-events.json')).text();
    const t = performance.now();
    JSON.parse(text);
    return performance.now() - t;
  });
  await page.close();
  rows.push(
    row(size.toLocaleString('en'), `${(big.length / 1e6).toFixed(0)} MB`, result, parseMs, baseLongest),
  );
  frames.push(describeFrame(size.toLocaleString('en'), result));
}
await browser.close();
server.close();

const head = [
  'events',
  'document',
  'shown after',
  'longest task',
  '÷ own data',
  'long tasks',
  'longest data step',
  'one JSON.parse',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(line(head));
for (const row of rows) console.log(line(row));
console.log(
  'longest task: the longest main-thread task until the events are shown (mostly the map drawing); ÷ own data:\n' +
    'against the same page with its own small data; long tasks: their sum (count); longest data step: the longest\n' +
    'chunk of events taken in, or the store put together (count of steps); one JSON.parse: the same text parsed on\n' +
    'the main thread, what reading it there would freeze the page for, at least',
);
console.log(`\nLongest animation frame of each load, with its longest scripts:\n${frames.join('\n')}`);
