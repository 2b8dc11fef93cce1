import { describe, expect, it } from 'vitest';
import { selectActorOverlay } from './actor-overlay';
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
