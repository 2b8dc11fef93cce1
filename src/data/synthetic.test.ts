import { describe, expect, it } from 'vitest';
import { placeIndex } from '../../geo/gazetteer';
import { createAtlasStore } from './atlas-store';
import { parseDay } from './dates';
import { EVENT_TYPES } from './model';
import { generateAtlasDocument, generateEvents, mulberry32 } from './synthetic';

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generateEvents', () => {
  it('gives the same events for the same seed and other events for another seed', () => {
    const a = generateEvents({ count: 3000, seed: 42 });
    expect(generateEvents({ count: 3000, seed: 42 })).toEqual(a);
    const other = generateEvents({ count: 3000, seed: 43 });
    expect(other.map((e) => `${e.date} ${e.type} ${e.placeId}`)).not.toEqual(
      a.map((e) => `${e.date} ${e.type} ${e.placeId}`),
    );
  });

  it('makes exactly the number of events asked for, with unique ids', () => {
    for (const count of [0, 1, 2500]) {
      const events = generateEvents({ count, seed: 1 });
      expect(events).toHaveLength(count);
      expect(new Set(events.map((e) => e.id)).size).toBe(count);
    }
  });

  it('keeps every day inside the requested range, in date order', () => {
    const from = parseDay('2020-09-01')!;
    const to = parseDay('2020-12-31')!;
    const events = generateEvents({ count: 5000, seed: 3, from: '2020-09-01', to: '2020-12-31' });
    let previous = -Infinity;
    for (const e of events) {
      const day = parseDay(e.date!)!;
      const end = e.dateEnd ? parseDay(e.dateEnd)! : day;
      expect(day).toBeGreaterThanOrEqual(from);
      expect(end).toBeGreaterThanOrEqual(day);
      expect(end).toBeLessThanOrEqual(to);
      expect(day).toBeGreaterThanOrEqual(previous);
      previous = day;
    }
  });

  it('uses only gazetteer places, and puts events without one near a place of the region', () => {
    const events = generateEvents({ count: 5000, seed: 5 });
    const unplaced = events.filter((e) => e.placeId === null);
    expect(unplaced.length).toBeGreaterThan(0);
    for (const e of events) {
      if (e.placeId !== null) {
        expect(placeIndex.has(e.placeId), e.placeId).toBe(true);
        expect(e.lat).toBeUndefined();
      } else {
        // Within a few kilometres (a quarter of a degree at most) of a place of the gazetteer.
        const nearest = Math.min(
          ...[...placeIndex.values()].map((p) => Math.hypot(p.lat - e.lat!, p.lon - e.lon!)),
        );
        expect(nearest).toBeLessThan(0.25);
      }
    }
  });

  it('bursts around the escalations: the 2020 war holds far more events per day than the calm years', () => {
    const events = generateEvents({ count: 20000, seed: 9 });
    const inWar = events.filter((e) => e.date! >= '2020-09-27' && e.date! <= '2020-11-10').length;
    const in2018 = events.filter((e) => e.date!.startsWith('2018-')).length;
    // 45 days of war against 365 calm days.
    expect(inWar / 45).toBeGreaterThan((in2018 / 365) * 10);
  });

  it('gives known types, actors that belong with them, and statements at their speaker’s seat', () => {
    const doc = generateAtlasDocument({ count: 4000, seed: 11 });
    const actors = new Map(doc.actors.map((a) => [a.id, a]));
    for (const e of doc.events) {
      expect(EVENT_TYPES).toContain(e.type);
      for (const id of [...e.actorIds, ...e.targetActorIds]) expect(actors.has(id), id).toBe(true);
      expect(e.summary.startsWith('Synthetic: ')).toBe(true);
      if (e.type === 'statement') expect(e.placeId).toBe(actors.get(e.actorIds[0])!.seat);
      if (e.type === 'attack') expect(e.targetActorIds).toHaveLength(1);
    }
    const places = new Set(doc.places.map((p) => p.id));
    for (const e of doc.events) if (e.placeId) expect(places.has(e.placeId)).toBe(true);
  });

  it('makes a document the app can index and draw: every event dated and positioned', () => {
    const doc = generateAtlasDocument({ count: 3000, seed: 2 });
    const store = createAtlasStore(doc);
    expect(store.index.size).toBe(3000);
    expect(store.columns.x.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it('still fills a range that misses every escalation', () => {
    const events = generateEvents({ count: 1000, seed: 4, from: '2018-01-01', to: '2018-12-31' });
    expect(events).toHaveLength(1000);
    expect(events.every((e) => e.date!.startsWith('2018-'))).toBe(true);
  });

  it('rejects a negative or fractional count and a reversed or malformed range', () => {
    expect(() => generateEvents({ count: -1 })).toThrow(/count/);
    expect(() => generateEvents({ count: 1.5 })).toThrow(/count/);
    expect(() => generateEvents({ count: 1, from: '2021-01-01', to: '2020-01-01' })).toThrow(/after/);
    expect(() => generateEvents({ count: 1, from: '2020-02-30' })).toThrow(/YYYY-MM-DD/);
  });
});
