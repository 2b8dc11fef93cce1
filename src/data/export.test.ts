import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CURATED_EVENT_COLUMNS, parseCuratedEvents } from './curated-csv';
import { createEventsGeoJson, exportFileName, formatEventsCsv, formatEventsGeoJson } from './export';
import type { AtlasEvent, Claim, Place } from './model';

const places = new Map<string, Place>([
  [
    'stepanakert',
    {
      id: 'stepanakert',
      name: 'Stepanakert',
      names: { en: 'Stepanakert' },
      aliases: ['Khankendi'],
      kind: 'city',
      lon: 46.7528,
      lat: 39.8177,
      country: 'AZ',
      contested: true,
      altName: 'Khankendi',
    },
  ],
  [
    'ganja',
    {
      id: 'ganja',
      name: 'Ganja',
      names: { en: 'Ganja' },
      aliases: [],
      kind: 'city',
      lon: 46.3606,
      lat: 40.6828,
      country: 'AZ',
    },
  ],
]);

const events: AtlasEvent[] = [
  {
    id: 'ka-2020-10-04-ganja-strike',
    date: '2020-10-04',
    dateEnd: null,
    datePrecision: 'day',
    type: 'attack',
    subType: 'shelling',
    summary: 'Rockets hit Ganja, "far from the front", residents say.',
    placeId: 'ganja',
    actorIds: ['armed-forces-am'],
    targetActorIds: [],
    sources: [{ url: 'https://example.org/ganja', outlet: 'Example News' }],
    origin: 'curated',
  },
  {
    id: 'ka-2020-10-02-stepanakert-shelling',
    date: '2020-10-02',
    dateEnd: '2020-10-03',
    datePrecision: 'day',
    type: 'attack',
    summary: 'Shelling of Stepanakert / Khankendi.',
    placeId: 'stepanakert',
    actorIds: ['armed-forces-az'],
    targetActorIds: ['gov-nk'],
    sources: [
      { url: 'https://example.org/a', outlet: 'A' },
      { url: 'https://example.org/b', outlet: 'B' },
    ],
    origin: 'curated',
  },
  {
    id: 'ev-unplaced',
    date: '2020-10-05',
    dateEnd: null,
    datePrecision: 'week',
    type: 'statement',
    summary: 'A statement from somewhere unknown.',
    placeId: null,
    actorIds: [],
    targetActorIds: [],
    sources: [{ articleId: 'art1', start: 0, end: 10, quote: 'x' }],
    origin: 'article',
  },
];

const claims: Claim[] = [
  {
    id: 'c1',
    actorId: 'gov-az',
    quantity: 'killed',
    value: 10,
    eventId: 'ka-2020-10-04-ganja-strike',
    text: '10 killed',
  },
];

describe('formatEventsCsv', () => {
  const csv = formatEventsCsv(events, places, claims);
  const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;

  it("has the curated file's columns in its order", () => {
    expect(csv.split('\n')[0]).toBe(CURATED_EVENT_COLUMNS.join(','));
  });

  it('holds exactly the given events, in their order', () => {
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
  });

  it("gives placed events their place's coordinates and leaves unplaced ones empty", () => {
    expect([rows[0].latitude, rows[0].longitude]).toEqual(['40.6828', '46.3606']);
    expect([rows[2].latitude, rows[2].longitude]).toEqual(['', '']);
  });

  it('fills fatalities from the single killed claim, with its claimant', () => {
    expect([rows[0].fatalities, rows[0].fatalities_claimed_by]).toEqual(['10', 'gov-az']);
    expect(rows[1].fatalities).toBe('');
  });

  it('reads back as the same curated events', () => {
    const curated = events.filter((e) => e.origin === 'curated');
    const back = parseCuratedEvents(formatEventsCsv(curated, places), 'export.csv');
    expect(back.errors).toEqual([]);
    expect(back.events.map((e) => [e.id, e.date, e.dateEnd, e.type, e.placeId, e.summary])).toEqual(
      curated.map((e) => [e.id, e.date, e.dateEnd, e.type, e.placeId, e.summary]),
    );
    expect(back.events[1].sources.map((s) => s.url)).toEqual([
      'https://example.org/a',
      'https://example.org/b',
    ]);
  });

  it('gives just the header for no events', () => {
    expect(formatEventsCsv([], places).trim()).toBe(CURATED_EVENT_COLUMNS.join(','));
  });
});

describe('createEventsGeoJson', () => {
  const collection = createEventsGeoJson(events, places);

  it('has one feature per event, placed at [lon, lat]', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f) => f.id)).toEqual(events.map((e) => e.id));
    expect(collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [46.3606, 40.6828] });
  });

  it('keeps an unplaced event with a null geometry', () => {
    expect(collection.features[2].geometry).toBeNull();
    expect(collection.features[2].properties.sources).toEqual(['article:art1']);
  });

  it('names contested places with both names and keeps dates, actors and sources', () => {
    expect(collection.features[1].properties).toMatchObject({
      date: '2020-10-02',
      end_date: '2020-10-03',
      place_name: 'Stepanakert / Khankendi',
      actors: ['armed-forces-az'],
      targets: ['gov-nk'],
      sources: ['https://example.org/a', 'https://example.org/b'],
      outlets: ['A', 'B'],
    });
  });

  it('formats as parseable JSON', () => {
    expect(JSON.parse(formatEventsGeoJson(events, places))).toEqual(collection);
  });
});

describe('exportFileName', () => {
  it.each([
    ['events', ['2020-09-27', '2020-12-01'], 'csv', 'karabakh-atlas-events-2020-09-27-to-2020-12-01.csv'],
    ['map', ['2020-11-10', '2020-11-10'], 'png', 'karabakh-atlas-map-2020-11-10.png'],
    ['events', null, 'geojson', 'karabakh-atlas-events.geojson'],
  ] as const)('%s %j %s', (what, range, ext, expected) => {
    expect(exportFileName(what, range ? [range[0], range[1]] : null, ext)).toBe(expected);
  });
});
