// Size budget of what the built app loads before its first map: the JS and CSS that `index.html` names
// (entry scripts, module preloads, stylesheets), MapLibre's worker, which the first map starts, and the
// worker that loads the events (src/store/store-worker.ts), which every page load starts; gzip -9.
// `node scripts/size-budget.mjs [dist] [--html index.html] [--json]` prints the sizes and exits 1 when the
// total is over BUDGET_KB. docs/performance.md says where the budget comes from; raise it only with a reason
// written there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Budget in kB (1000 bytes) of gzip, all initial JS and CSS together. */
export const BUDGET_KB = 720;

/** Built worker files that start with the page: MapLibre's, and the one that loads the events. */
const INITIAL_WORKERS = /((?:maplibre-gl-worker|store-worker)[\w.-]*\.m?js)/g;

const ATTR = (name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i');

/** Local URLs of the JS and CSS an HTML page loads up front, in page order. */
export function initialUrls(html) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    if (/^<script/i.test(tag)) {
      const src = ATTR('src').exec(tag)?.[1];
      if (src) urls.push({ url: src, kind: 'js' });
    } else {
      const rel = ATTR('rel').exec(tag)?.[1]?.toLowerCase();
      const href = ATTR('href').exec(tag)?.[1];
      if (!href) continue;
      if (rel === 'stylesheet') urls.push({ url: href, kind: 'css' });
      else if (rel === 'modulepreload') urls.push({ url: href, kind: 'js' });
    }
  }
  // Remote or inline resources are not part of the build.
  return urls.filter(({ url }) => !/^(?:[a-z]+:)?\/\//i.test(url) && !url.startsWith('data:'));
}

/**
 * The files a built page loads initially, with raw and gzip sizes in bytes. A worker counts when an initial
 * script names its file and it is one that starts with the page (INITIAL_WORKERS).
 * @param {string} dir the build folder
 * @param {string} htmlName the page, relative to `dir`
 */
export function measureInitialAssets(dir, htmlName = 'index.html') {
  const htmlPath = resolve(dir, htmlName);
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} not found: build first (npx vite build)`);
  const base = dirname(htmlPath);
  const files = [];
  const seen = new Set();
  const add = (path, kind) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (!existsSync(path))
      throw new Error(`${relative(dir, htmlPath)} names ${relative(dir, path)}, which is missing`);
    const bytes = readFileSync(path);
    files.push({
      file: relative(dir, path),
      kind,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    });
  };
  const urls = initialUrls(readFileSync(htmlPath, 'utf8'));
  for (const { url, kind } of urls) add(resolve(base, url.split(/[?#]/)[0].replace(/^\//, '')), kind);
  // MapLibre's worker starts with the first map and the store worker with the page, so they are part of the
  // first load; other workers (imports, ingest) start on demand and are left out.
  for (const { url, kind } of urls) {
    if (kind !== 'js') continue;
    const path = resolve(base, url.split(/[?#]/)[0].replace(/^\//, ''));
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(INITIAL_WORKERS)) {
      const candidate = join(dirname(path), m[1]);
      if (existsSync(candidate)) add(candidate, 'worker');
    }
  }
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const totalRaw = files.reduce((s, f) => s + f.raw, 0);
  return { files, total, totalRaw };
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

function main(argv) {
  const json = argv.includes('--json');
  const htmlIndex = argv.indexOf('--html');
  const html = htmlIndex >= 0 ? argv[htmlIndex + 1] : 'index.html';
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--html');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = resolve(root, positional[0] ?? 'dist');
  const result = measureInitialAssets(dir, html);
  const over = result.total > BUDGET_KB * 1000;
  if (json) {
    console.log(JSON.stringify({ ...result, budget: BUDGET_KB * 1000, over }));
  } else {
    for (const f of result.files)
      console.log(
        `${kb(f.gzip).padStart(10)} gzip ${kb(f.raw).padStart(10)} raw  ${f.kind.padEnd(6)} ${f.file}`,
      );
    console.log(
      `${kb(result.total).padStart(10)} gzip in all; budget ${BUDGET_KB} kB${over ? ': OVER BUDGET' : ''}`,
    );
  }
  if (over) {
    console.error(
      `size budget: ${kb(result.total)} of initial JS and CSS (gzip) is over ${BUDGET_KB} kB (scripts/size-budget.mjs, docs/performance.md)`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`size budget: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
