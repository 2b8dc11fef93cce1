import { describe, expect, it } from 'vitest';
import type { AtlasDocument, AtlasEvent, Place } from '../data/model';
import { eventPointsFromDocument, formatEventFeature, parseEventFeature } from './event-points';

const feature = (properties: Record<string, unknown>, coordinates: unknown = [46.75, 39.82]) =>
  JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });

describe('parseEventFeature', () => {
  it('reads what formatEventFeature writes', () => {
    const p = { id: 'e1', type: 3, day: 18_532, dayEnd: 18_540, lon: 46.75, lat: 39.82 };
    expect(parseEventFeature(formatEventFeature(p))).toEqual(p);
  });

  it('takes dates as YYYY-MM-DD, type names, numeric ids, and no dayEnd', () => {
    expect(parseEventFeature(feature({ id: 7, day: '2020-09-27', type: 'ceasefire' }))).toEqual({
      id: '7',
      type: 3,
      day: 18_532,
      dayEnd: 18_532,
      lon: 46.75,
      lat: 39.82,
    });
  });

  it.each([
    ['{"type": "Feature",', /not JSON/],
    ['{"type": "FeatureCollection", "features": []}', /not a GeoJSON Feature/],
    [feature({ id: 'a', day: 1, type: 0 }, [200, 10]), /coordinates/],
    [feature({ day: 1, type: 0 }), /properties\.id/],
    [feature({ id: 'a', day: '2020-02-30', type: 0 }), /properties\.day:/],
    [feature({ id: 'a', day: 1, dayEnd: 'soon', type: 0 }), /properties\.dayEnd/],
    [feature({ id: 'a', day: 1, type: 12 }), /properties\.type/],
  ])('refuses %s', (line, message) => {
    expect(() => parseEventFeature(line)).toThrow(message);
  });
});

describe('eventPointsFromDocument', () => {
  it('places events at their place or coordinates and counts those without a date or position', () => {
    const base = { sources: [], actorIds: [], targetActorIds: [], summary: '' } as unknown as AtlasEvent;
    const doc = {
      events: [
        { ...base, id: 'a', type: 'attack', date: '2020-10-04', dateEnd: null, placeId: 'p' },
        { ...base, id: 'b', type: 'nonsense', date: '2020-10-04', dateEnd: '2020-10-02', lon: 45, lat: 40 },
        { ...base, id: 'c', type: 'attack', date: null, placeId: 'p' },
        { ...base, id: 'd', type: 'attack', date: '2020-10-04' },
      ],
    } as unknown as AtlasDocument;
    const places = new Map([['p', { id: 'p', lon: 46.36, lat: 40.68 } as Place]]);
    expect(eventPointsFromDocument(doc, places)).toEqual({
      points: [
        { id: 'a', type: 0, day: 18_539, dayEnd: 18_539, lon: 46.36, lat: 40.68 },
        { id: 'b', type: 9, day: 18_539, dayEnd: 18_539, lon: 45, lat: 40 },
      ],
      skipped: 2,
    });
  });
});
