import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { test, expect } from './driver';
import { CURATED_EVENT_COLUMNS } from '../src/data/curated-csv';
import type { AtlasDocument } from '../src/data/model';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Ids of the events overlapping [from, to] whose type passes `keep`, in date order. */
async function expectedIds(from: string, to: string, keep: (type: string) => boolean): Promise<string[]> {
  const doc: AtlasDocument = JSON.parse(
    await readFile(new URL('../public/data/atlas.json', import.meta.url), 'utf8'),
  );
  return doc.events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.date != null && e.date <= to && (e.dateEnd ?? e.date) >= from && keep(e.type))
    .sort((a, b) => (a.e.date! < b.e.date! ? -1 : a.e.date! > b.e.date! ? 1 : a.i - b.i))
    .map(({ e }) => e.id);
}

test('the image is a PNG twice the chosen width, with the map drawn into it', async ({
  given,
  when,
  then,
}) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');

  const png = await when.exportImage(800);

  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBe(1600);
  // The map keeps the view's aspect (about 900 × 560 here) and the text adds a few lines above and below.
  expect(height).toBeGreaterThan(1600 * 0.5);
  expect(height).toBeLessThan(1600 * 1.2);
  const pixels = await then.pngPixels(png);
  expect(pixels).toMatchObject({ width, height });
  // A blank or single-colour image has one or two colours; the map has land, water, borders, marks, labels.
  expect(pixels.colours).toBeGreaterThan(40);
});

test('the CSV holds exactly the events listed for the range and filters', async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  await when.toggleType('Attack');
  await expect.poll(() => then.urlParam('types')).not.toBeNull();
  const listed = await then.listedEventCount();

  const csv = await when.exportEvents('CSV');

  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
  expect(parsed.meta.fields).toEqual([...CURATED_EVENT_COLUMNS]);
  const ids = parsed.data.map((row) => row.event_id);
  expect(ids).toHaveLength(listed);
  expect(ids).toEqual(await expectedIds('2020-10-01', '2020-10-10', (type) => type !== 'attack'));
  expect(parsed.data.some((row) => row.event_type === 'attack')).toBe(false);
});

test('the GeoJSON holds the same events, placed', async ({ given, when, then }) => {
  await given.atlas('./?from=2020-10-01&to=2020-10-10');
  const listed = await then.listedEventCount();

  const geojson = JSON.parse(await when.exportEvents('GeoJSON')) as {
    type: string;
    features: { id: string; geometry: { type: string; coordinates: [number, number] } | null }[];
  };

  expect(geojson.type).toBe('FeatureCollection');
  expect(geojson.features.map((f) => f.id)).toEqual(
    await expectedIds('2020-10-01', '2020-10-10', () => true),
  );
  expect(geojson.features).toHaveLength(listed);
  for (const f of geojson.features.filter((f) => f.geometry)) {
    const [lon, lat] = f.geometry!.coordinates;
    expect(lon).toBeGreaterThanOrEqual(-180);
    expect(lon).toBeLessThanOrEqual(180);
    expect(lat).toBeGreaterThanOrEqual(-90);
    expect(lat).toBeLessThanOrEqual(90);
  }
});
