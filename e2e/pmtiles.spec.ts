import { gzipSync } from 'node:zlib';
import { expect, test } from './driver';
import { gazetteer } from '../geo/gazetteer';
import { parseDay } from '../src/data/dates';
import { generateAtlasDocument } from '../src/data/synthetic';
import { eventPointsFromDocument } from '../src/tiles/event-points';
import { createEventTiles, pointBounds } from '../src/tiles/event-tiles';
import { createPmtilesArchive, joinParts } from '../src/tiles/pmtiles-writer';

/** 600 synthetic events as a PMTiles archive, made as `npm run tiles` makes one. */
let archive: Uint8Array;

test.beforeAll(() => {
  const doc = generateAtlasDocument({ count: 600, seed: 11 });
  const places = new Map(gazetteer.map((p) => [p.id, p]));
  for (const p of doc.places) places.set(p.id, p);
  const { points } = eventPointsFromDocument(doc, places);
  const tiles = [...createEventTiles(points, { maxZoom: 8 })].map((t) => ({
    z: t.z,
    x: t.x,
    y: t.y,
    data: new Uint8Array(gzipSync(t.data)),
  }));
  const written = createPmtilesArchive(tiles, {
    metadata: { name: 'e2e', vector_layers: [{ id: 'events', fields: {} }] },
    bounds: pointBounds(points)!,
  });
  archive = joinParts(written.parts);
});

const WAR = './?tiles=tiles/events.pmtiles&from=2020-09-27&to=2020-11-10';

test('events from a PMTiles file are drawn, and moving the range end filters them', async ({
  given,
  when,
  then,
  foreignRequests,
}) => {
  await given.servedWithRanges('tiles/events.pmtiles', archive);
  await given.atlas(WAR);
  await expect.poll(async () => (await then.tiledEvents()).length).toBeGreaterThan(50);
  const before = await then.tiledEvents();
  const from = parseDay('2020-09-27')!;
  expect(before.every((e) => e.day <= parseDay('2020-11-10')! && e.dayEnd >= from)).toBe(true);
  await then.screenshot('tiled-events');

  await when.pressOnHandle('Range end', 'PageDown', 4);
  await expect.poll(() => then.urlParam('to')).toBe('2020-10-13');
  const to = parseDay('2020-10-13')!;
  await expect
    .poll(async () => (await then.tiledEvents()).filter((e) => e.day > to).length, { timeout: 10_000 })
    .toBe(0);
  const after = await then.tiledEvents();
  expect(after.length).toBeGreaterThan(0);
  expect(after.length).toBeLessThan(before.length);
  expect(after.every((e) => e.day <= to && e.dayEnd >= from)).toBe(true);
  expect(foreignRequests).toEqual([]);
});

test('switching an event type off hides its tiled events', async ({ given, when, then }) => {
  await given.servedWithRanges('tiles/events.pmtiles', archive);
  await given.atlas(WAR);
  await expect.poll(async () => (await then.tiledEvents()).length).toBeGreaterThan(50);
  const before = await then.tiledEvents();
  // Attacks (type 0) are the war's commonest synthetic events.
  const attacks = before.filter((e) => e.type === 0).length;
  expect(attacks).toBeGreaterThan(10);
  await when.toggleType('Attack');
  await expect.poll(async () => (await then.tiledEvents()).filter((e) => e.type === 0).length).toBe(0);
  expect((await then.tiledEvents()).length).toBe(before.length - attacks);
});

test('the tiled events stay on the map when the theme changes', async ({ given, when, then }) => {
  await given.servedWithRanges('tiles/events.pmtiles', archive);
  await given.atlas(`${WAR}&theme=light`);
  await expect.poll(async () => (await then.tiledEvents()).length).toBeGreaterThan(50);
  const before = (await then.tiledEvents()).length;
  // Casualties are black on the light map and near-white on the dark one (src/data/event-style.ts).
  expect(await then.tiledColours()).toContain('"#000000"');
  await when.chooseTheme('Dark');
  await expect.poll(() => then.urlParam('theme')).toBe('dark');
  await expect.poll(async () => (await then.tiledEvents()).length).toBe(before);
  expect(await then.tiledColours()).toContain('"#ECECEC"');
  await then.screenshot('tiled-events-dark');
});

test('clicking a tiled event shows its type, date and id', async ({ given, when, then }) => {
  await given.servedWithRanges('tiles/events.pmtiles', archive);
  await given.atlas(WAR);
  await expect.poll(async () => (await then.tiledEvents()).length).toBeGreaterThan(50);
  const id = await when.clickLoneTiledEvent();
  const text = await then.popupText();
  await then.screenshot('tiled-event-popup');
  expect(text).toContain(id);
  expect(text).toMatch(
    /(Attack|Casualties|Statement|Diplomacy|Ceasefire|Deployment|Protest|Humanitarian|Territorial change|Other)\d{1,2} \w+ 20\d\d/,
  );
});

test('a tiles parameter on another site is refused, named, and nothing is asked of that site', async ({
  given,
  then,
  foreignRequests,
}) => {
  await given.atlas('./?tiles=https://example.org/x.pmtiles');
  expect(await then.tilesNotice()).toContain(
    'The tiles parameter "https://example.org/x.pmtiles" is on another site (https://example.org)',
  );
  expect((await then.rangeCount()).total).toBeGreaterThan(150);
  expect(foreignRequests).toEqual([]);
});

test('a missing or broken tiles file is named with its problem, and the atlas works on', async ({
  given,
  then,
}) => {
  await given.atlas('./?tiles=no-such-file.pmtiles');
  expect(await then.tilesNotice()).toMatch(/"no-such-file\.pmtiles" could not be loaded: .*(404|magic)/);
  expect((await then.rangeCount()).total).toBeGreaterThan(150);

  await given.servedWithRanges(
    'not-tiles.pmtiles',
    new TextEncoder().encode('{"type": "FeatureCollection"}'),
  );
  await given.atlas('./?tiles=not-tiles.pmtiles');
  expect(await then.tilesNotice()).toContain('"not-tiles.pmtiles" could not be loaded');
  expect((await then.rangeCount()).total).toBeGreaterThan(150);
});
