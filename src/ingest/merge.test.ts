import { describe, expect, it } from 'vitest';
import type { AtlasDocument, AtlasEvent } from '../data/model';
import { mergeAtlasDocuments } from './merge';

const event = (id: string, over: Partial<AtlasEvent> = {}): AtlasEvent => ({
  id,
  date: '2020-10-11',
  dateEnd: null,
  datePrecision: 'day',
  type: 'attack',
  summary: id,
  placeId: 'ganja',
  actorIds: ['armed-forces-am'],
  targetActorIds: [],
  sources: [{ articleId: `art-${id}`, start: 0, end: 5, quote: 'quote' }],
  origin: 'article',
  ...over,
});

const doc = (over: Partial<AtlasDocument>): AtlasDocument => ({
  version: 1,
  articles: [],
  places: [],
  actors: [],
  mentions: [],
  events: [],
  claims: [],
  ...over,
});

describe('mergeAtlasDocuments', () => {
  it("keeps a curated event's id, whatever the order, and points narratives at the merged event", () => {
    const article = doc({ events: [event('ev-0001')] });
    const curated = doc({
      events: [
        event('ka-2020-10-11-ganja', { origin: 'curated', sources: [{ url: 'https://example.org/a' }] }),
      ],
      narratives: [
        { id: 'n', title: 'N', steps: [{ eventId: 'ka-2020-10-11-ganja' }, { eventId: 'ev-0001' }] },
      ],
    });
    for (const merged of [mergeAtlasDocuments(article, curated), mergeAtlasDocuments(curated, article)]) {
      expect(merged.events.map((e) => [e.id, e.sources.length])).toEqual([['ka-2020-10-11-ganja', 2]]);
      expect(merged.narratives?.[0].steps.map((s) => s.eventId)).toEqual([
        'ka-2020-10-11-ganja',
        'ka-2020-10-11-ganja',
      ]);
    }
  });

  it('merges the same happening into one event with both sources, keeping the smaller id', () => {
    const a = doc({
      events: [event('ev-b')],
      claims: [{ id: 'c1', actorId: null, quantity: 'killed', value: 10, text: '10 dead', eventId: 'ev-b' }],
    });
    const b = doc({
      events: [
        event('ev-a', {
          actorIds: ['armed-forces-am', 'mod-am'],
          sources: [{ url: 'https://example.org/x' }],
          origin: 'curated',
        }),
      ],
    });
    const out = mergeAtlasDocuments(a, b);
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({
      id: 'ev-a',
      actorIds: ['armed-forces-am', 'mod-am'],
      origin: 'curated',
    });
    expect(out.events[0].sources).toHaveLength(2);
    expect(out.claims[0].eventId).toBe('ev-a');
    expect(mergeAtlasDocuments(b, a).events.map((e) => e.id)).toEqual(['ev-a']);
  });

  it.each<[string, Partial<AtlasEvent>]>([
    ['another type', { type: 'statement' }],
    ['another day', { date: '2020-10-12' }],
    ['another place', { placeId: 'barda' }],
    ['no shared actor', { actorIds: ['armed-forces-az'] }],
    ['no date', { date: null }],
  ])('keeps events apart with %s', (_name, over) => {
    const base = over.date === null ? { date: null } : {};
    const out = mergeAtlasDocuments(
      doc({ events: [event('ev-1', base)] }),
      doc({ events: [event('ev-2', over)] }),
    );
    expect(out.events).toHaveLength(2);
  });

  it('skips an article already present, with its mentions, claims and events', () => {
    const article = {
      id: 'art-1',
      file: 'a.txt',
      headline: 'h',
      published: null,
      updated: null,
      lang: 'en',
      text: 't',
      warnings: [],
    };
    const a = doc({ articles: [article] });
    const b = doc({
      articles: [{ ...article, file: 'copy.txt' }],
      mentions: [
        {
          articleId: 'art-1',
          kind: 'place',
          id: 'ganja',
          text: 'Ganja',
          start: 0,
          end: 5,
          match: 'exact',
          score: 1,
        },
      ],
      events: [event('ev-9', { sources: [{ articleId: 'art-1', start: 0, end: 1 }] })],
    });
    const out = mergeAtlasDocuments(a, b);
    expect(out.articles.map((x) => x.file)).toEqual(['a.txt']);
    expect(out.mentions).toEqual([]);
    expect(out.events).toEqual([]);
  });

  it('does not change its inputs', () => {
    const a = doc({ events: [event('ev-b')] });
    const b = doc({ events: [event('ev-a', { actorIds: ['armed-forces-am', 'mod-am'] })] });
    const before = JSON.stringify([a, b]);
    mergeAtlasDocuments(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});
