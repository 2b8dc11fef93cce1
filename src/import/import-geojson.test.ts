import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importGeoJson } from './import-geojson';

const POINTS = readFileSync(new URL('../../e2e/fixtures/points.geojson', import.meta.url), 'utf8');

const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (coordinates: unknown, properties: Record<string, unknown> = { date: '2020-10-09' }) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

describe('importGeoJson', () => {
  it('turns dated points into user events and names each bad feature with what was expected', () => {
    const { doc, messages } = importGeoJson(POINTS, 'points.geojson');
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0]).toMatchObject({
      id: 'geo-fixture-hadrut',
      date: '2020-10-09',
      type: 'territorial change',
      placeId: 'hadrut',
      lon: 47.0306,
      lat: 39.5203,
      origin: 'user',
    });
    expect(messages.map((m) => m.message)).toEqual([
      'points.geojson, feature 2 (id "fixture-out-of-range"): expected longitude from -180 to 180 and latitude from -90 to 90, longitude first (got [46.75, 139.8])',
      'points.geojson, feature 3 (id "fixture-no-date"): expected a "date" property as 2020-09-27 or 27 September 2020 (the feature has none)',
    ]);
  });

  it.each([
    [point([46.7, 39.8], { date: '2020-13-01' }), /feature 1: expected "date" as a date such as 2020-09-27/],
    [point('46.7,39.8'), /feature 1: expected coordinates as \[longitude, latitude\] numbers/],
    [point([-181, 39.8]), /feature 1: expected longitude from -180 to 180/],
    [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } },
      /expected a Point geometry \(got "Polygon"\)/,
    ],
    [{ type: 'Feature', geometry: null }, /expected a Point geometry \(got no geometry\)/],
    [
      point([46.7, 39.8], { date: '2020-10-09', end_date: '2020-10-01' }),
      /"end_date" as a last day on or after 2020-10-09/,
    ],
  ])('reports a bad feature: %j', (feature, message) => {
    const { doc, messages } = importGeoJson(collection(feature), 'f.geojson');
    expect(doc.events).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toMatch(/^f\.geojson, feature 1/);
    expect(messages[0].message).toMatch(message);
  });

  it('keeps the good features next to a bad one', () => {
    const { doc } = importGeoJson(collection(point([400, 0]), point([46.7, 39.8])), 'f.geojson');
    expect(doc.events).toHaveLength(1);
  });

  it('reads ISO instants, ranges, actors by name and falls back to "other" for an unknown type', () => {
    const { doc, messages } = importGeoJson(
      collection(
        point([44.5126, 40.1777], {
          date: '2020-11-10T01:00:00Z',
          end_date: '2020-11-12',
          type: 'rally',
          actors: ['Nikol Pashinyan', 'Someone Unlisted'],
          url: 'https://example.org/a',
        }),
      ),
      'f.geojson',
    );
    expect(doc.events[0]).toMatchObject({
      date: '2020-11-10',
      dateEnd: '2020-11-12',
      type: 'other',
      actorIds: ['nikol-pashinyan', 'someone-unlisted'],
      sources: [{ url: 'https://example.org/a' }],
    });
    expect(messages).toEqual([
      {
        level: 'warning',
        message: expect.stringMatching(
          /^f\.geojson, feature 1: "type" "rally" is not one of attack, .*; read as other$/,
        ),
      },
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const { doc, messages } = importGeoJson(
      '{\n  "type": "FeatureCollection",\n  "features": [,]\n}',
      'bad.geojson',
    );
    expect(doc.events).toEqual([]);
    expect(messages[0].message).toMatch(/^bad\.geojson, line 3, column \d+: not valid JSON/);
  });

  it('refuses JSON that is not a FeatureCollection', () => {
    expect(importGeoJson('{"type":"Point"}', 'p.geojson').messages[0].message).toBe(
      'p.geojson: expected a GeoJSON FeatureCollection with a "features" array (got "Point")',
    );
  });
});
