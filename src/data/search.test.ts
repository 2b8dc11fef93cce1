import { describe, expect, it } from 'vitest';
import { foldText, searchAtlas } from './search';
import type { Actor, AtlasEvent, Place } from './model';

const stepanakert: Place = {
  id: 'stepanakert',
  name: 'Stepanakert',
  altName: 'Khankendi',
  contested: true,
  names: { en: 'Stepanakert', hy: 'Ստեփանակերտ', az: 'Xankəndi', ru: 'Степанакерт' },
  aliases: ['Khankandi'],
  kind: 'city',
  lon: 46.75,
  lat: 39.82,
  country: 'AZ',
};
const erdogan: Actor = {
  id: 'recep-tayyip-erdogan',
  name: 'Recep Tayyip Erdoğan',
  aliases: ['Erdogan', 'Эрдоган'],
  kind: 'person',
  affiliation: 'TR',
  role: 'President of Turkey',
  seat: 'ankara',
};
const event: AtlasEvent = {
  id: 'e1',
  date: '2020-10-04',
  dateEnd: null,
  datePrecision: 'day',
  type: 'attack',
  summary: 'Shelling of the city',
  placeId: 'stepanakert',
  actorIds: [],
  targetActorIds: [],
  sources: [],
};
const data = {
  places: new Map([[stepanakert.id, stepanakert]]),
  actors: new Map([[erdogan.id, erdogan]]),
  events: [event],
};

describe('searchAtlas', () => {
  it.each([
    ['xankendi', ['place:stepanakert', 'event:e1']],
    ['Ստեփան', ['place:stepanakert', 'event:e1']],
    ['erdogan', ['actor:recep-tayyip-erdogan']],
    ['ЭРДОГАН', ['actor:recep-tayyip-erdogan']],
    ['shelling', ['event:e1']],
    ['s', []],
  ])('%s', (query, expected) => {
    expect(searchAtlas(query, data).map((r) => `${r.kind}:${r.id}`)).toEqual(expected);
  });

  it('folds diacritics and the schwa', () => expect(foldText('Xankəndi Şuşa')).toBe('xankendi susa'));
});
