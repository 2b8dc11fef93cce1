import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { Place, PlaceKind } from '../src/data/model';
import { gazetteer, placeById, placeIndex } from './gazetteer';

/** ISO 3166-1 alpha-2 -> the numeric code world-atlas uses as feature id. */
const NUMERIC: Record<string, string> = {
  AM: '051',
  AZ: '031',
  RU: '643',
  TR: '792',
  IR: '364',
  GE: '268',
  US: '840',
  FR: '250',
  GB: '826',
  DE: '276',
  IL: '376',
  SY: '760',
  BE: '056',
  CH: '756',
  AT: '040',
  CN: '156',
  UA: '804',
  BY: '112',
  NL: '528',
  CA: '124',
  PK: '586',
  LY: '434',
  LB: '422',
  KZ: '398',
  KG: '417',
  QA: '634',
  CZ: '203',
  IN: '356',
  GR: '300',
};

/** Code of supranational regions (Middle East, South Caucasus): ISO's "unknown or unspecified". */
const NO_COUNTRY = 'ZZ';

/**
 * Places on a border that the simplified 1:10m polygons put just outside their country (the Aras river, the
 * Syunik border, the Green Line in Jerusalem): allowed at most this far out, and only these.
 */
const BORDER_TOLERANCE_KM = 1;
const ON_BORDER = new Set(['jerusalem', 'agarak', 'julfa', 'kornidzor', 'shurnukh']);

const POINT_KINDS: PlaceKind[] = ['city', 'town', 'village', 'site', 'district'];

const require = createRequire(import.meta.url);
const topology = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);
const polygonById = new Map(
  countries.features.map((f) => [String(f.id), f as Feature<Polygon | MultiPolygon>]),
);

function polygonOf(alpha2: string): Feature<Polygon | MultiPolygon> {
  const polygon = polygonById.get(NUMERIC[alpha2] ?? '');
  if (!polygon) throw new Error(`no world-atlas polygon for country ${alpha2}`);
  return polygon;
}

/** Kilometres from the point to the country's polygon; 0 when inside. */
function kmOutside(lon: number, lat: number, alpha2: string): number {
  const polygon = polygonOf(alpha2);
  const p = point([lon, lat]);
  if (booleanPointInPolygon(p, polygon)) return 0;
  return pointToPolygonDistance(p, polygon, { units: 'kilometers' });
}

/** True when the place lies in the country it names (within the tolerance for listed border places). */
function liesInItsCountry(place: Pick<Place, 'id' | 'lon' | 'lat' | 'country'>): boolean {
  const km = kmOutside(place.lon, place.lat, place.country);
  return km === 0 || (ON_BORDER.has(place.id) && km <= BORDER_TOLERANCE_KM);
}

function get(id: string): Place {
  const place = placeById(id);
  if (!place) throw new Error(`no place ${id}`);
  return place;
}

/** Ids other teams rely on (team preamble: seats of actors, place conventions). */
const SHARED_IDS = `
  armenia azerbaijan russia turkey iran georgia united-states france united-kingdom germany israel
  syria belgium switzerland austria china ukraine yerevan baku stepanakert moscow ankara tehran
  tbilisi washington paris brussels damascus geneva new-york vienna london berlin strasbourg the-hague
  beijing kyiv minsk istanbul jerusalem tel-aviv nakhchivan nagorno-karabakh nakhchivan-ar
  lachin-corridor middle-east south-caucasus syunik tavush gegharkunik vayots-dzor shusha hadrut
  martakert martuni askeran lachin kalbajar aghdam fuzuli jabrayil zangilan qubadli talish sugovushan
  khojaly karin-tak ganja barda tartar mingachevir goranboy beylagan horadiz tovuz lachin-district
  kalbajar-district jabrayil-district fuzuli-district zangilan-district qubadli-district
  aghdam-district tartar-district khojavend-district khojaly-district shusha-district goris kapan
  vardenis berd jermuk sisian meghri gyumri vanadzor ijevan sotk yeraskh
`
  .trim()
  .split(/\s+/);

describe('gazetteer records', () => {
  it('holds at least 140 places', () => {
    expect(gazetteer.length).toBeGreaterThanOrEqual(140);
  });

  it('has unique ids, and the index finds each of them', () => {
    const ids = gazetteer.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(placeIndex.size).toBe(ids.length);
    for (const p of gazetteer) expect(placeById(p.id)).toBe(p);
    expect(placeById('atlantis')).toBeUndefined();
  });

  it('uses lower-case ASCII slugs as ids', () => {
    for (const p of gazetteer) expect(p.id, p.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has valid coordinates, kinds, country codes and parents', () => {
    const kinds: PlaceKind[] = ['country', 'region', 'district', 'city', 'town', 'village', 'site'];
    for (const p of gazetteer) {
      expect(Number.isFinite(p.lon) && p.lon >= -180 && p.lon <= 180, `${p.id} lon`).toBe(true);
      expect(Number.isFinite(p.lat) && p.lat >= -90 && p.lat <= 90, `${p.id} lat`).toBe(true);
      expect(p.lon === 0 && p.lat === 0, `${p.id} at 0,0`).toBe(false);
      expect(kinds, p.id).toContain(p.kind);
      expect(p.country, p.id).toMatch(/^[A-Z]{2}$/);
      if (p.country !== NO_COUNTRY) expect(NUMERIC[p.country], `${p.id} ${p.country}`).toBeDefined();
      if (p.parent !== undefined) expect(placeById(p.parent), `${p.id} parent ${p.parent}`).toBeDefined();
      if (p.geonameid !== undefined) expect(Number.isInteger(p.geonameid) && p.geonameid > 0).toBe(true);
    }
  });

  it('gives every place an English name equal to its display name', () => {
    for (const p of gazetteer) expect(p.names.en, p.id).toBe(p.name);
  });

  it('writes each name in its own script', () => {
    for (const p of gazetteer) {
      if (p.names.hy) expect(p.names.hy, p.id).toMatch(/^[\p{Script=Armenian} -]+$/u);
      if (p.names.ru) expect(p.names.ru, p.id).toMatch(/^[\p{Script=Cyrillic} ()-]+$/u);
      if (p.names.az) expect(p.names.az, p.id).toMatch(/^[\p{Script=Latin} -]+$/u);
    }
  });

  it('never gives one name or alias to two places', () => {
    const owner = new Map<string, string>();
    for (const p of gazetteer) {
      const spellings = new Set(
        [p.name, p.altName, ...Object.values(p.names), ...p.aliases]
          .filter((s): s is string => Boolean(s))
          .map((s) => s.toLowerCase()),
      );
      for (const s of spellings) {
        expect(owner.get(s) ?? p.id, `"${s}" names ${owner.get(s)} and ${p.id}`).toBe(p.id);
        owner.set(s, p.id);
      }
    }
  });

  it('gives contested places the other side’s name, as a name or alias too', () => {
    const contested = gazetteer.filter((p) => p.contested);
    expect(contested.length).toBeGreaterThan(10);
    for (const p of contested) {
      expect(p.altName, p.id).toBeTruthy();
      expect(p.altName).not.toBe(p.name);
      const spellings = [...Object.values(p.names), ...p.aliases];
      expect(spellings, p.id).toContain(p.altName);
    }
  });

  it('has every id the other teams use', () => {
    const missing = SHARED_IDS.filter((id) => !placeById(id));
    expect(missing).toEqual([]);
  });
});

describe('contested names', () => {
  it('names Stepanakert as Khankendi too', () => {
    const p = get('stepanakert');
    expect(p.contested).toBe(true);
    expect(p.altName).toBe('Khankendi');
    expect(p.aliases).toContain('Khankendi');
    expect(p.names).toEqual({ en: 'Stepanakert', hy: 'Ստեփանակերտ', az: 'Xankəndi', ru: 'Степанакерт' });
  });

  it.each([
    ['shusha', 'Shushi'],
    ['martakert', 'Aghdara'],
    ['martuni', 'Khojavend'],
    ['lachin', 'Berdzor'],
    ['kalbajar', 'Karvachar'],
    ['aghdam', 'Akna'],
    ['sugovushan', 'Mataghis'],
  ])('resolves the other name of %s (%s) to the same place', (id, other) => {
    const p = get(id);
    expect(p.altName).toBe(other);
    expect(p.country).toBe('AZ');
  });

  it('keeps Hadrut under one name, used by both sides', () => {
    const p = get('hadrut');
    expect(p.names.az).toBe('Hadrut');
    expect(p.contested).toBeUndefined();
  });
});

describe('places lie in the country they name', () => {
  it('checks a polygon for every country code used', () => {
    const codes = new Set(gazetteer.map((p) => p.country).filter((c) => c !== NO_COUNTRY));
    for (const code of codes) expect(() => polygonOf(code)).not.toThrow();
  });

  it('puts every settlement, site and district inside its country', () => {
    const outside = gazetteer
      .filter((p) => POINT_KINDS.includes(p.kind))
      .filter((p) => !liesInItsCountry(p))
      .map((p) => `${p.id} (${p.country}) ${kmOutside(p.lon, p.lat, p.country).toFixed(1)} km out`);
    expect(outside).toEqual([]);
  });

  it('puts the representative point of each country and national region inside it', () => {
    const outside = gazetteer
      .filter((p) => (p.kind === 'country' || p.kind === 'region') && p.country !== NO_COUNTRY)
      .filter((p) => !liesInItsCountry(p))
      .map((p) => p.id);
    expect(outside).toEqual([]);
  });

  it('rejects a place put in the wrong country', () => {
    const baku = get('baku');
    expect(liesInItsCountry(baku)).toBe(true);
    expect(liesInItsCountry({ ...baku, country: 'AM' })).toBe(false);
    // The border allowance is per place, not a blanket margin: the same point under another id fails.
    expect(liesInItsCountry(get('kornidzor'))).toBe(true);
    expect(liesInItsCountry({ ...get('kornidzor'), id: 'unlisted' })).toBe(false);
  });

  it('puts Yerevan in Armenia and Nakhchivan city in Azerbaijan', () => {
    const yerevan = get('yerevan');
    expect(yerevan.country).toBe('AM');
    expect(kmOutside(yerevan.lon, yerevan.lat, 'AM')).toBe(0);
    const nakhchivan = get('nakhchivan');
    expect(nakhchivan.country).toBe('AZ');
    expect(nakhchivan.kind).toBe('city');
    expect(kmOutside(nakhchivan.lon, nakhchivan.lat, 'AZ')).toBe(0);
    expect(kmOutside(nakhchivan.lon, nakhchivan.lat, 'AM')).toBeGreaterThan(10);
  });
});
