import { describe, expect, it } from 'vitest';
import type { AtlasDocument, AtlasEvent } from '../data/model';
import { importAtlasDocument } from './import-atlas';

const event = (over: Partial<AtlasEvent> = {}): AtlasEvent => ({
  id: 'ev-1',
  date: '2020-10-05',
  dateEnd: null,
  datePrecision: 'day',
  type: 'attack',
  summary: 'Shelling',
  placeId: 'stepanakert',
  actorIds: ['armed-forces-az'],
  targetActorIds: [],
  sources: [{ articleId: 'art-1', start: 0, end: 8, quote: 'Shelling' }],
  ...over,
});

const docOf = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 1,
    articles: [],
    places: [],
    actors: [],
    mentions: [],
    events,
    claims: [],
    ...extra,
  });

describe('importAtlasDocument', () => {
  it('reads back a document it could have written, with every event marked as the user’s', () => {
    const original: AtlasDocument = {
      version: 1,
      articles: [
        {
          id: 'art-1',
          file: 'a.txt',
          headline: 'H',
          published: null,
          updated: null,
          lang: 'en',
          text: 'Shelling',
          warnings: [],
        },
      ],
      places: [],
      actors: [],
      mentions: [
        {
          articleId: 'art-1',
          kind: 'place',
          id: 'x',
          text: 'X',
          start: 0,
          end: 1,
          match: 'fallback',
          score: 0,
        },
      ],
      events: [event({ origin: 'article' }), event({ id: 'ev-2', date: null, lat: 40, lon: 45 })],
      claims: [{ id: 'c1', actorId: null, quantity: 'killed', value: 3, text: 'three', eventId: 'ev-1' }],
    };
    const { doc, messages } = importAtlasDocument(JSON.stringify(original), 'export.json');
    expect(messages).toEqual([]);
    expect(doc).toEqual({
      ...original,
      events: original.events.map((e) => ({ ...e, origin: 'user' })),
    });
  });

  it.each([
    [{ date: '2020-02-30' }, 'date: expected a day as YYYY-MM-DD'],
    [{ type: 'battle' }, 'type: expected one of attack,'],
    [{ id: '' }, 'id: expected a non-empty string'],
    [{ lat: 95, lon: 40 }, 'lat: expected a number from -90 to 90 (got 95)'],
    [{ actorIds: 'gov-am' }, 'actorIds: expected an array of strings (got "gov-am")'],
    [{ dateEnd: '2020-10-01' }, 'dateEnd: expected null or a day on or after the date "2020-10-05"'],
    [{ sources: [{ start: -1 }] }, 'sources[0].start: expected an offset'],
  ])('drops a bad event %j and names it, keeping the good one', (over, message) => {
    const { doc, messages } = importAtlasDocument(
      docOf([event({ id: 'good' }), event({ id: 'bad', ...over } as Partial<AtlasEvent>)]),
      'x.json',
    );
    expect(doc.events.map((e) => e.id)).toEqual(['good']);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain(`x.json, events[1]`);
    expect(messages[0].message).toContain(message);
  });

  it('refuses JSON that is not an atlas document', () => {
    expect(importAtlasDocument('[1,2]', 'list.json').messages[0].message).toMatch(
      /^list\.json: expected an atlas document \(an object with "version": 1 and an "events" array\)/,
    );
  });

  it('warns about another version but still reads the events', () => {
    const { doc, messages } = importAtlasDocument(
      JSON.stringify({ version: 2, events: [event()] }),
      'v2.json',
    );
    expect(doc.events).toHaveLength(1);
    expect(messages).toEqual([
      { level: 'warning', message: 'v2.json, version: expected 1 (got 2); read as version 1' },
    ]);
  });
});
