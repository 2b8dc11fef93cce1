import { describe, expect, it } from 'vitest';
import {
  assembleAtlasStore,
  buildAtlasStoreParts,
  createAtlasStore,
  storeTransferables,
} from './atlas-store';
import type { AtlasDocument, AtlasEvent } from './model';
import { selectEventsInRange } from './time-index';
import { parseDay } from './dates';

function event(id: string, date: string | null, lon = 46.75, lat = 39.82): AtlasEvent {
  return {
    id,
    date,
    dateEnd: null,
    datePrecision: 'day',
    type: 'attack',
    summary: id,
    placeId: null,
    actorIds: [],
    targetActorIds: [],
    sources: [],
    lon,
    lat,
  };
}

const doc: AtlasDocument = {
  version: 1,
  articles: [],
  places: [],
  actors: [],
  mentions: [],
  claims: [],
  events: [
    event('late', '2020-11-09'),
    event('undated', null),
    event('early', '2020-09-27'),
    event('bad-date', '2020-13-40'),
    event('middle', '2020-10-10', 45, 40),
  ],
};

describe('atlas store', () => {
  it('puts the dated events first, in date order, and the others after them', () => {
    const store = createAtlasStore(doc);
    expect(store.sorted.map((e) => e.id)).toEqual(['early', 'middle', 'late']);
    expect(store.doc.events.map((e) => e.id)).toEqual(['early', 'middle', 'late', 'undated', 'bad-date']);
    expect(store.positionById.get('late')).toBe(2);
    expect(store.positionById.has('undated')).toBe(false);
    expect(store.index.undated).toBe(1);
    expect(store.index.invalidDate).toBe(1);
  });

  it('selects by range the same events the sorted list holds', () => {
    const store = createAtlasStore(doc);
    const from = parseDay('2020-10-01')!;
    const to = parseDay('2020-12-31')!;
    expect(selectEventsInRange(store.index, from, to).map((e) => e.id)).toEqual(['middle', 'late']);
    // The map's columns follow the same order: `middle` is the one at 45° E.
    expect(store.columns.x[1]).toBeCloseTo((45 + 180) / 360, 6);
    expect(store.columns.day[2]).toBe(parseDay('2020-11-09'));
  });

  it('survives being handed over in parts, the way the worker hands it to the page', () => {
    const parts = buildAtlasStoreParts(doc);
    const buffers = storeTransferables(parts);
    // Every typed array is in the transfer list, each buffer once.
    expect(buffers.length).toBe(new Set(buffers).size);
    expect(buffers).toContain(parts.index.day.buffer);
    expect(buffers).toContain(parts.columns.x.buffer);
    const copy = structuredClone({ ...parts, doc: { ...parts.doc, events: [] } });
    const store = assembleAtlasStore({ ...copy, doc: { ...copy.doc, events: parts.doc.events } });
    expect(store.sorted.map((e) => e.id)).toEqual(createAtlasStore(doc).sorted.map((e) => e.id));
    expect(Array.from(store.index.order)).toEqual([0, 1, 2]);
  });

  it('takes a position map built beforehand instead of building its own', () => {
    const parts = buildAtlasStoreParts(doc);
    const positions = new Map([['early', 0]]);
    expect(assembleAtlasStore(parts, [], positions).positionById).toBe(positions);
  });
});
