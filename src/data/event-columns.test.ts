import { describe, expect, it } from 'vitest';
import { createEventColumns, mercator } from './event-columns';
import type { AtlasEvent, Place } from './model';

const place = (id: string, lon: number, lat: number): Place => ({
  id,
  name: id,
  names: { en: id },
  aliases: [],
  kind: 'city',
  lon,
  lat,
  country: 'AZ',
});
const event = (
  id: string,
  placeId: string | null,
  type: AtlasEvent['type'] = 'attack',
  extra: Partial<AtlasEvent> = {},
): AtlasEvent => ({
  id,
  date: '2020-10-04',
  dateEnd: null,
  datePrecision: 'day',
  type,
  summary: id,
  placeId,
  actorIds: [],
  targetActorIds: [],
  sources: [],
  ...extra,
});

describe('createEventColumns', () => {
  const places = new Map([
    ['ganja', place('ganja', 46.36, 40.68)],
    ['stepanakert', place('stepanakert', 46.75, 39.82)],
  ]);

  it('gives events at the same place successive spiral slots, in date order', () => {
    const c = createEventColumns(
      [event('a', 'ganja'), event('b', 'stepanakert'), event('c', 'ganja'), event('d', 'ganja')],
      places,
    );
    expect(Array.from(c.slot)).toEqual([0, 0, 1, 2]);
  });

  it('projects to Web Mercator and codes types in EVENT_TYPES order', () => {
    const c = createEventColumns([event('a', 'ganja', 'statement')], places);
    const [x, y] = mercator(46.36, 40.68);
    expect(c.x[0]).toBeCloseTo(x, 6);
    expect(c.y[0]).toBeCloseTo(y, 6);
    expect(c.type[0]).toBe(5);
  });

  it('falls back to the row coordinates, and puts unplaced events off the world', () => {
    const c = createEventColumns(
      [event('a', 'nowhere', 'attack', { lon: 47, lat: 40 }), event('b', null)],
      places,
    );
    expect(c.x[0]).toBeCloseTo(mercator(47, 40)[0], 6);
    expect(c.x[1]).toBe(-10);
  });
});
