/**
 * `npm run bench` (`-- --quick` for a short run): the range benchmark and the cold-load comparison, in
 * headless Chromium driven by playwright-core. Builds the app and the bench pages into `bench-results/`,
 * serves them, runs every method × size on `bench/index.html`, times the app's first map against
 * `bench/bare.html`, prints a table with ratios and writes `bench-results/bench.json`.
 * docs/performance.md explains every figure; nothing here asserts a time.
 *
 * Options: --quick (10k and 100k, 20 steps), --sizes 10k,100k,1M, --methods atlas,setFilter,setData,deck,
 * --steps N, --cold-runs N, --base-map atlas,none (none: the events drawn on an empty map, without the base
 * map's frame under every latency), --viewport WxH (CSS pixels, default 1280x800), --unthrottled (frames as
 * fast as they are drawn, not at 60 Hz: the display's refresh out of the latency), --no-build (reuse
 * bench-results/app and bench-results/page), --no-cold, --headed, --out FILE.
 */
import { createServer, type Server } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error: a plain ES module shared with the npm scripts.
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
// @ts-expect-error: a plain ES module shared with the npm scripts.
import { measureInitialAssets, BUDGET_KB } from '../../scripts/size-budget.mjs';
import { parseCount } from './generate-events';
import type { BaseMap, BenchOptions, BenchResult, Method } from '../../bench/main';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'bench-results');
const APP_DIR = join(OUT, 'app');
const PAGE_DIR = join(OUT, 'page');
const METHODS: readonly Method[] = ['atlas', 'setFilter', 'setData', 'deck'];
const BASE_MAPS: readonly BaseMap[] = ['atlas', 'none'];
/** What a figure's line adds to say which map it was measured on. */
const BASE_MAP_NOTE: Record<BaseMap, string> = { atlas: '', none: ' (no base map)' };
const LABELS: Record<Method, string> = {
  atlas: '(a) atlas',
  setFilter: '(b) setFilter',
  setData: '(c) setData',
  deck: '(d) deck.gl',
};

interface Viewport {
  width: number;
  height: number;
}

interface Args {
  quick: boolean;
  sizes: number[];
  methods: Method[];
  baseMaps: BaseMap[];
  viewport: Viewport;
  /** Frames as fast as the page draws them, not at the display's 60 Hz. */
  unthrottled: boolean;
  steps: number;
  coldRuns: number;
  build: boolean;
  cold: boolean;
  headed: boolean;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const args: Args = {
    quick,
    sizes: quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000],
    methods: [...METHODS],
    baseMaps: ['atlas'],
    viewport: { width: 1280, height: 800 },
    unthrottled: false,
    steps: quick ? 20 : 60,
    coldRuns: quick ? 3 : 5,
    build: true,
    cold: true,
    headed: false,
    out: join(OUT, 'bench.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--quick') continue;
    else if (flag === '--sizes') args.sizes = value().split(',').map(parseCount);
    else if (flag === '--methods') {
      args.methods = value().split(',') as Method[];
      const unknown = args.methods.filter((m) => !METHODS.includes(m));
      if (unknown.length) throw new Error(`--methods: unknown ${unknown.join(', ')} (${METHODS.join(', ')})`);
    } else if (flag === '--base-map') {
      args.baseMaps = value().split(',') as BaseMap[];
      const unknown = args.baseMaps.filter((m) => !BASE_MAPS.includes(m));
      if (unknown.length)
        throw new Error(`--base-map: unknown ${unknown.join(', ')} (${BASE_MAPS.join(', ')})`);
    } else if (flag === '--viewport') {
      const match = /^(\d+)x(\d+)$/.exec(value());
      if (!match) throw new Error('--viewport: WIDTHxHEIGHT in CSS pixels, e.g. 1280x800');
      args.viewport = { width: Number(match[1]), height: Number(match[2]) };
    } else if (flag === '--steps') args.steps = Number(value());
    else if (flag === '--cold-runs') args.coldRuns = Number(value());
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--no-cold') args.cold = false;
    else if (flag === '--headed') args.headed = true;
    else if (flag === '--unthrottled') args.unthrottled = true;
    else if (flag === '--out') args.out = resolve(value());
    else throw new Error(`unknown option "${flag}"`);
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: whole numbers ≥ 1');
  return args;
}

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function buildPages(): Promise<void> {
  for (const need of ['public/geo/countries-world.json', 'public/data/atlas.json']) {
    if (!existsSync(join(ROOT, need)))
      throw new Error(`${need} is missing: run \`npm run prepare-data\` first`);
  }
  log('building the app into bench-results/app');
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: APP_DIR, emptyOutDir: true, reportCompressedSize: false },
  });
  log('building the bench pages into bench-results/page');
  await build({ configFile: join(ROOT, 'bench', 'vite.config.ts') });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A static server over bench-results/: `/app/` is the built app, `/page/` the bench pages. No caching. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(OUT, path);
    if (!file.startsWith(OUT)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () =>
      resolveServer({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Promise<unknown>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout().finally(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s`)));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Budgets per run: generous where a method is known to crawl, so that a slow cell says so and the run ends. */
function budgets(args: Args, count: number): Required<Pick<BenchOptions, 'loadBudgetMs' | 'sweepBudgetMs'>> {
  const big = count >= 1_000_000;
  return {
    loadBudgetMs: big ? 180_000 : 90_000,
    sweepBudgetMs: args.quick ? (big ? 60_000 : 30_000) : big ? 120_000 : 90_000,
  };
}

/** A page's result and the renderer CPU per change the CLI adds from its trace. */
type Measured = BenchResult & { cpu?: { mainMs: number; otherMs: number } };

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * Renderer CPU during the timed sweep, from a Chromium trace: thread time of the top-level tasks of the
 * page's process between the page's `bench-sweep-start` and `bench-sweep-end` marks, split into the main
 * thread and the rest (MapLibre's and deck.gl's workers, V8's helpers). The GPU process (SwiftShader's
 * rasterising) is left out: it is the frame floor every method shares.
 */
function sweepCpu(
  trace: { traceEvents: TraceEvent[] } | TraceEvent[],
): { main: number; other: number } | null {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const start = events.find((e) => e.name === 'bench-sweep-start');
  const end = events.find((e) => e.name === 'bench-sweep-end');
  if (!start || !end) return null;
  const pid = start.pid;
  const names = new Map<number, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.pid === pid) names.set(e.tid, e.args?.name ?? '');
  const tasks = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.ph === 'X' &&
        e.dur !== undefined &&
        (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask') &&
        e.ts < end.ts &&
        e.ts + e.dur > start.ts,
    )
    .sort((a, b) => a.tid - b.tid || a.ts - b.ts);
  let main = 0;
  let other = 0;
  let tid = -1;
  let until = -Infinity;
  for (const e of tasks) {
    if (e.tid !== tid) [tid, until] = [e.tid, -Infinity];
    const finish = e.ts + e.dur!;
    // Nested task events would count twice: only the outermost of each thread counts.
    if (finish <= until) continue;
    until = finish;
    const overlap = (Math.min(finish, end.ts) - Math.max(e.ts, start.ts)) / Math.max(e.dur!, 1);
    const cpu = (e.tdur ?? e.dur!) * Math.min(1, overlap);
    if (names.get(e.tid) === 'CrRendererMain') main += cpu;
    else other += cpu;
  }
  return { main: main / 1000, other: other / 1000 };
}

/**
 * One method × size in its own browser: a crash (1M GeoJSON features can exhaust a renderer) or a trace left
 * open then cannot spoil the next run, and no run inherits another's GPU process.
 */
async function runOne(
  launch: () => Promise<Browser>,
  url: string,
  options: BenchOptions,
  viewport: Viewport,
  trace: boolean,
): Promise<Measured> {
  const browser = await launch();
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${url}/page/index.html`);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    const hardLimit = (options.loadBudgetMs ?? 0) + (options.sweepBudgetMs ?? 0) + 240_000;
    // Unthrottled frames fill a trace past what one string can hold: no CPU figure then.
    if (trace)
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
    const result: Measured = await withTimeout(
      page.evaluate((o) => window.runBench(o), options),
      hardLimit,
      () => context.close(),
    );
    const cpu = trace ? sweepCpu(JSON.parse((await browser.stopTracing()).toString('utf8'))) : null;
    if (cpu && result.latency)
      result.cpu = { mainMs: cpu.main / result.latency.n, otherMs: cpu.other / result.latency.n };
    if (result.skipped && errors.length) result.skipped += ` (${errors[0]})`;
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      method: options.method,
      count: options.count,
      baseMap: options.baseMap ?? 'atlas',
      generateMs: NaN,
      userAgent: '',
      skipped: `${message}${errors.length ? ` (${errors[0]})` : ''}`,
    };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * Injected before any page script: records when the page first shows its map with data, i.e. the first
 * `idle` of the map (everything loaded and drawn, GPU finished) after its element says `data-loaded="true"`.
 * A string, not a function: tsx would add helpers to a function's source that the page does not have.
 */
const COLD_PROBE = `(() => {
  let hooked = false;
  const check = () => {
    const map = window.karabakhAtlas && window.karabakhAtlas.map;
    if (map && document.querySelector('[data-loaded="true"]')) {
      hooked = true;
      map.once('idle', () => {
        const gl = map.getCanvas().getContext('webgl2');
        if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        window.coldLoad = { ms: performance.now() };
      });
      map.triggerRepaint();
    }
    if (!hooked) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function coldLoad(browser: Browser, pageUrl: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: COLD_PROBE });
    await page.goto(pageUrl);
    const handle = await page.waitForFunction(
      () => (window as unknown as { coldLoad?: { ms: number } }).coldLoad?.ms,
      undefined,
      { timeout: 90_000, polling: 100 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
}

const fmtMs = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms)
    ? '–'
    : ms < 10
      ? ms.toFixed(2)
      : ms < 100
        ? ms.toFixed(1)
        : ms.toFixed(0);
const fmtCount = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const fmtMb = (bytes: number) => (Number.isNaN(bytes) ? '–' : (bytes / 1e6).toFixed(0));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

/** The run of `method` at `count` on the same base map as `like`. */
function sibling(results: Measured[], like: Measured, method: Method): Measured | undefined {
  return results.find((x) => x.count === like.count && x.baseMap === like.baseMap && x.method === method);
}

function resultsTable(results: Measured[]): string {
  const head = [
    'events',
    'method',
    'latency median ms',
    'p95 ms',
    '× (a)',
    'frames',
    'repaint ms',
    'call ms',
    'CPU/change ms: main + workers',
    'drag fps',
    'worst frame ms',
    'load ms',
    'heap MB: doc + method',
    'method B/event',
  ];
  const rows = [head];
  for (const r of results) {
    const a = sibling(results, r, 'atlas');
    if (r.skipped || !r.latency) {
      const cells = head.map(() => '');
      cells[0] = fmtCount(r.count);
      cells[1] = LABELS[r.method];
      cells[2] = `skipped: ${r.skipped ?? '?'}`;
      rows.push(cells);
      continue;
    }
    const ratio =
      r.method === 'atlas' ? '1' : a?.latency ? (r.latency.median / a.latency.median).toFixed(1) : '–';
    const partial = r.latency.n < r.latency.planned ? ` (${r.latency.n}/${r.latency.planned} steps)` : '';
    const h = r.heap;
    rows.push([
      fmtCount(r.count),
      LABELS[r.method],
      fmtMs(r.latency.median) + partial,
      fmtMs(r.latency.p95),
      ratio,
      String(r.frames ?? '–'),
      fmtMs(r.repaintMs),
      fmtMs(r.applyMs),
      r.cpu ? `${fmtMs(r.cpu.mainMs)} + ${fmtMs(r.cpu.otherMs)}` : '–',
      r.drag ? r.drag.fps.toFixed(1) : '–',
      r.drag ? fmtMs(r.drag.worstFrameMs) : '–',
      fmtMs(r.loadMs),
      h ? `${fmtMb(h.withDocument - h.base)} + ${fmtMb(h.loaded - h.withDocument)}` : '–',
      h ? ((h.loaded - h.withDocument) / r.count).toFixed(0) : '–',
    ]);
  }
  return table(rows);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  if (args.build) await buildPages();
  for (const dir of [APP_DIR, PAGE_DIR]) {
    if (!existsSync(join(dir, 'index.html')))
      throw new Error(`${relative(ROOT, dir)} is not built: drop --no-build`);
  }
  const executablePath = (await findChromium()) as string | null;
  if (!executablePath) throw new Error('no Chromium found (set CHROMIUM_PATH)');
  const { server, url } = await serve();
  const launch = () =>
    chromium.launch({
      executablePath,
      headless: !args.headed,
      args: [
        ...(CHROMIUM_ARGS as string[]),
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
        ...(args.unthrottled ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : []),
      ],
    });
  const browser = await launch();
  const started = new Date();
  const results: Measured[] = [];
  let cold: Record<string, unknown> | null = null;
  try {
    log(`${browser.version()} at ${executablePath}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
    for (const baseMap of args.baseMaps) {
      for (const count of args.sizes) {
        for (const method of args.methods) {
          const options: BenchOptions = {
            method,
            count,
            baseMap,
            steps: args.steps,
            ...budgets(args, count),
          };
          const t = Date.now();
          const r = await runOne(launch, url, options, args.viewport, !args.unthrottled);
          results.push(r);
          log(
            `${fmtCount(count)} ${LABELS[method]}${BASE_MAP_NOTE[baseMap]}: ${
              r.skipped
                ? `skipped (${r.skipped})`
                : `median ${fmtMs(r.latency?.median)} ms, p95 ${fmtMs(r.latency?.p95)} ms, drag ${r.drag?.fps.toFixed(0)} fps, load ${fmtMs(r.loadMs)} ms`
            } [${((Date.now() - t) / 1000).toFixed(0)} s]`,
          );
        }
      }
    }
    if (args.cold) {
      const app: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < args.coldRuns; i++) {
        // Alternate, so that drift in the machine's load falls on both pages alike.
        app.push(await coldLoad(browser, `${url}/app/index.html`));
        bare.push(await coldLoad(browser, `${url}/page/bare.html`));
        log(`cold load ${i + 1}/${args.coldRuns}: app ${fmtMs(app[i])} ms, bare ${fmtMs(bare[i])} ms`);
      }
      const appJs = measureInitialAssets(APP_DIR, 'index.html');
      const bareJs = measureInitialAssets(PAGE_DIR, 'bare.html');
      cold = {
        runs: args.coldRuns,
        appMs: app,
        bareMs: bare,
        appMedianMs: median(app),
        bareMedianMs: median(bare),
        ratio: median(app) / median(bare),
        appInitialGzip: appJs.total,
        bareInitialGzip: bareJs.total,
        appFiles: appJs.files,
        budgetKb: BUDGET_KB,
      };
    }
  } finally {
    await browser.close();
    server.close();
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    browser: results.find((r) => r.userAgent)?.userAgent ?? '',
    gl: 'SwiftShader (software WebGL 2 through ANGLE), headless',
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(
    args.out,
    `${JSON.stringify({ date: started.toISOString(), quick: args.quick, steps: args.steps, viewport: args.viewport, unthrottled: args.unthrottled, machine, results, cold }, null, 2)}\n`,
  );

  console.log(
    `\nViewport ${args.viewport.width} × ${args.viewport.height} CSS pixels at device pixel ratio 1; frames ${
      args.unthrottled ? 'unthrottled (no vsync)' : 'at the display rate (60 Hz)'
    }.`,
  );
  for (const baseMap of args.baseMaps) {
    const on = baseMap === 'none' ? 'on an empty map (base layers hidden)' : 'on the atlas base map';
    console.log(`\nRange changes ${on}: one ${30}-day window swept across the data in ${args.steps} steps\n`);
    console.log(resultsTable(results.filter((r) => r.baseMap === baseMap)));
  }
  if (cold) {
    const c = cold as {
      appMedianMs: number;
      bareMedianMs: number;
      ratio: number;
      appInitialGzip: number;
      bareInitialGzip: number;
    };
    console.log(`\nCold load (median of ${args.coldRuns}, to the first idle frame with the default data)\n`);
    console.log(
      table([
        ['page', 'first map ms', 'initial JS + CSS (gzip)'],
        [
          'app (dist)',
          fmtMs(c.appMedianMs),
          `${(c.appInitialGzip / 1000).toFixed(1)} kB (budget ${BUDGET_KB} kB)`,
        ],
        ['bare MapLibre', fmtMs(c.bareMedianMs), `${(c.bareInitialGzip / 1000).toFixed(1)} kB`],
        ['ratio', `${c.ratio.toFixed(2)}×`, `${(c.appInitialGzip / c.bareInitialGzip).toFixed(2)}×`],
      ]),
    );
  }
  const goals = goalLines(results, cold as { ratio: number } | null);
  if (goals.length) console.log(`\nGoals (issue 8)\n${goals.join('\n')}`);
  console.log(`\nWritten: ${relative(ROOT, args.out)}`);
}

function goalLines(results: Measured[], cold: { ratio: number } | null): string[] {
  const lines: string[] = [];
  for (const baseMap of BASE_MAPS) {
    const some = results.filter((r) => r.baseMap === baseMap);
    if (some.length) lines.push(...rangeGoalLines(some, baseMap));
  }
  if (cold)
    lines.push(
      `- cold load within 1.3× of the bare page: ${cold.ratio.toFixed(2)}×: ${verdict(cold.ratio <= 1.3)}`,
    );
  return lines;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

function rangeGoalLines(results: Measured[], baseMap: BaseMap): string[] {
  const lines: string[] = [];
  const on = BASE_MAP_NOTE[baseMap];
  const get = (count: number, method: Method) =>
    results.find((r) => r.count === count && r.method === method);
  const cpu = (r: Measured | undefined) => (r?.cpu ? r.cpu.mainMs + r.cpu.otherMs : undefined);
  for (const count of [100_000, 1_000_000]) {
    const a = get(count, 'atlas');
    const d = get(count, 'deck');
    if (!a?.latency || !d) continue;
    if (!d.latency) {
      lines.push(
        `- atlas at least as fast as deck.gl at ${fmtCount(count)}${on}: deck.gl ${d.skipped ?? 'not measured'}`,
      );
      continue;
    }
    lines.push(
      `- atlas at least as fast as deck.gl at ${fmtCount(count)}${on}: latency ${fmtMs(a.latency.median)} vs ${fmtMs(
        d.latency.median,
      )} ms: ${verdict(a.latency.median <= d.latency.median)}`,
    );
  }
  const a = get(100_000, 'atlas');
  const b = get(100_000, 'setFilter');
  if (a?.latency && b) {
    if (!b.latency)
      lines.push(
        `- atlas ≥ 10× faster than setFilter at 100k${on}: setFilter ${b.skipped ?? 'not measured'}`,
      );
    else {
      const ratio = b.latency.median / a.latency.median;
      const cpuA = cpu(a);
      const cpuB = cpu(b);
      const cpuRatio = cpuA && cpuB ? `; renderer CPU per change ${(cpuB / cpuA).toFixed(0)}×` : '';
      lines.push(
        `- atlas ≥ 10× faster than setFilter at 100k${on}: latency ${ratio.toFixed(1)}×: ${verdict(ratio >= 10)}${cpuRatio}`,
      );
    }
  }
  return lines;
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
