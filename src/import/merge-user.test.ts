import { describe, expect, it } from 'vitest';
import type { AtlasDocument, AtlasEvent } from '../data/model';
import { fitEventIds, mergeUserDocument, mergeUserDocuments } from './merge-user';
import { emptyDocument } from './types';

const event = (id: string, over: Partial<AtlasEvent> = {}): AtlasEvent => ({
  id,
  date: '2020-10-05',
  dateEnd: null,
  datePrecision: 'day',
  type: 'attack',
  summary: id,
  placeId: 'stepanakert',
  actorIds: ['armed-forces-az'],
  targetActorIds: [],
  sources: [{ url: `https://example.org/${id}` }],
  ...over,
});
const docOf = (...events: AtlasEvent[]): AtlasDocument => ({ ...emptyDocument(), events });

describe('fitEventIds', () => {
  it('gives an event that reports the same happening the base event’s id, so the base id stays', () => {
    const base = docOf(event('ka-2020-10-05-shelling'));
    const user = docOf(event('ev-0001', { origin: 'user' }));
    user.claims = [{ id: 'c', actorId: null, quantity: 'killed', value: 1, text: 't', eventId: 'ev-0001' }];
    const fitted = fitEventIds(base, user);
    expect(fitted.events[0].id).toBe('ka-2020-10-05-shelling');
    expect(fitted.claims[0].eventId).toBe('ka-2020-10-05-shelling');
    const merged = mergeUserDocument(base, user);
    expect(merged.events.map((e) => e.id)).toEqual(['ka-2020-10-05-shelling']);
    expect(merged.events[0].sources).toHaveLength(2);
  });

  it('renames an event whose id the base uses for a different happening', () => {
    const base = docOf(event('x-1'), event('x-1-u1', { date: '2020-01-01' }));
    const user = docOf(event('x-1', { date: '2021-05-05', summary: 'other' }));
    expect(fitEventIds(base, user).events[0].id).toBe('x-1-u2');
    const merged = mergeUserDocument(base, user);
    expect(new Set(merged.events.map((e) => e.id)).size).toBe(3);
  });

  it('returns the document itself when nothing collides', () => {
    const user = docOf(event('new', { date: '2021-01-01' }));
    expect(fitEventIds(docOf(event('old')), user)).toBe(user);
  });
});

describe('mergeUserDocument', () => {
  it('returns the base untouched when the user has nothing', () => {
    const base = docOf(event('a'));
    expect(mergeUserDocument(base, null)).toBe(base);
    expect(mergeUserDocument(base, emptyDocument())).toBe(base);
  });

  it('adds the user’s events next to the base’s', () => {
    const merged = mergeUserDocument(
      docOf(event('a')),
      docOf(event('b', { date: '2020-10-06', origin: 'user' })),
    );
    expect(merged.events.map((e) => [e.id, e.origin])).toEqual([
      ['a', undefined],
      ['b', 'user'],
    ]);
  });
});

describe('mergeUserDocuments', () => {
  it('merges several sources into one without two events sharing an id', () => {
    const one = docOf(event('x', { date: '2020-10-01' }));
    const two = docOf(event('x', { date: '2020-10-02' }), event('y', { date: '2020-10-01' }));
    const merged = mergeUserDocuments([one, two]);
    // `y` reports what `x` of the first source reports: one event with both sources.
    expect(merged.events.map((e) => [e.id, e.date, e.sources.length])).toEqual([
      ['x', '2020-10-01', 2],
      ['x-u1', '2020-10-02', 1],
    ]);
  });

  it('gives an empty document for no sources', () => {
    expect(mergeUserDocuments([])).toEqual(emptyDocument());
  });
});
