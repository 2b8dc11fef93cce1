import { describe, expect, it } from 'vitest';
import { MAX_ARCS, selectActorOverlay } from './actor-overlay';
import type { Actor, AtlasEvent, Place } from './model';

const place = (id: string, lon: number, lat: number): Place => ({
  id,
  name: id,
  names: { en: id },
  aliases: [],
  kind: 'city',
  lon,
  lat,
  country: 'XX',
});
const actor = (id: string, seat: string): Actor => ({
  id,
  name: id,
  aliases: [],
  kind: 'person',
  affiliation: 'XX',
  role: '',
  seat,
});
const places = new Map([
  ['yerevan', place('yerevan', 44.51, 40.18)],
  ['moscow', place('moscow', 37.62, 55.75)],
]);
const actors = new Map([
  ['nikol-pashinyan', actor('nikol-pashinyan', 'yerevan')],
  ['vladimir-putin', actor('vladimir-putin', 'moscow')],
]);
const letter: AtlasEvent = {
  id: 'letter',
  date: '2020-10-31',
  dateEnd: null,
  datePrecision: 'day',
  type: 'diplomacy',
  summary: 'Pashinyan writes to Putin',
  placeId: 'yerevan',
  actorIds: ['nikol-pashinyan'],
  targetActorIds: ['vladimir-putin'],
  sources: [],
};

describe('selectActorOverlay', () => {
  it('puts both actors at their seats and draws a great-circle arc from Yerevan to Moscow', () => {
    const { actors: points, arcs } = selectActorOverlay([letter], letter, actors, places);
    expect(points.features.map((f) => f.properties?.id)).toEqual(['nikol-pashinyan', 'vladimir-putin']);
    expect(arcs.features).toHaveLength(1);
    const line = arcs.features[0].geometry.coordinates;
    expect(line[0]).toEqual([44.51, 40.18]);
    expect(line[line.length - 1]).toEqual([37.62, 55.75]);
    expect(arcs.features[0].properties?.selected).toBe(true);
  });

  it('draws no arc between actors with the same seat', () => {
    const same = { ...letter, targetActorIds: ['nikol-pashinyan'] };
    expect(selectActorOverlay([same], null, actors, places).arcs.features).toHaveLength(0);
  });
});

describe('selectActorOverlay over many events', () => {
  const many = (n: number, ids: [string, string][]): AtlasEvent[] =>
    Array.from({ length: n }, (_, i) => {
      const [from, to] = ids[i % ids.length];
      return { ...letter, id: `e${i}`, actorIds: [from], targetActorIds: [to] };
    });
  const seatsMap = new Map(places);
  const actorsMap = new Map(actors);
  // 400 seats, each with one actor: far more distinct arcs than the cap.
  for (let i = 0; i < 400; i++) {
    seatsMap.set(`p${i}`, place(`p${i}`, 40 + i / 100, 40));
    actorsMap.set(`a${i}`, actor(`a${i}`, `p${i}`));
  }
  const pairs: [string, string][] = Array.from({ length: 400 }, (_, i) => [`a${i}`, 'nikol-pashinyan']);

  it('draws at most MAX_ARCS arcs, each pair once, and still places every actor in range', () => {
    const events = [...many(800, pairs), ...many(5, [['vladimir-putin', 'nikol-pashinyan']])];
    const { actors: points, arcs } = selectActorOverlay(events, null, actorsMap, seatsMap);
    expect(arcs.features).toHaveLength(MAX_ARCS);
    const keys = arcs.features.map((f) => `${f.properties?.from}>${f.properties?.to}`);
    expect(new Set(keys).size).toBe(MAX_ARCS);
    // Putin's events come after the cap: his point is there, his arc is not.
    expect(points.features.map((f) => f.properties?.id)).toContain('vladimir-putin');
    expect(points.features).toHaveLength(402);
  });

  it("always draws the selected event's arcs first, flagged, past the cap", () => {
    const events = many(800, pairs);
    const chosen = { ...letter, id: 'chosen' };
    const { arcs } = selectActorOverlay([...events, chosen], chosen, actorsMap, seatsMap);
    expect(arcs.features[0].properties).toMatchObject({ event: 'chosen', selected: true });
    expect(arcs.features.filter((f) => f.properties?.selected)).toHaveLength(1);
    expect(arcs.features).toHaveLength(MAX_ARCS);
  });
});
