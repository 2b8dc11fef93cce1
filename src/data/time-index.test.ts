import { describe, expect, it } from 'vitest';
import { parseDay } from './dates';
import { EVENT_TYPES, type AtlasEvent, type EventType } from './model';
import {
  binsInRange,
  countByTypeInRange,
  countInRange,
  createTimeIndex,
  isInRange,
  rangeIndices,
  selectEventsInRange,
  typeMask,
} from './time-index';

const D = (text: string) => parseDay(text)!;

function ev(
  id: string,
  date: string | null,
  more: Partial<Omit<AtlasEvent, 'id' | 'date'>> & { type?: EventType } = {},
): AtlasEvent {
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
    ...more,
  };
}

// Deliberately out of order, with ties, a range, undated and invalid rows.
const EVENTS: AtlasEvent[] = [
  ev('oct-05-b', '2020-10-05', { type: 'statement', actorIds: ['gov-am'], sources: [{ articleId: 'a2' }] }),
  ev('sep-27', '2020-09-27', { actorIds: ['armed-forces-az'], targetActorIds: ['artsakh-defense-army'] }),
  ev('undated', null),
  ev('oct-05-a', '2020-10-05', { type: 'diplomacy', actorIds: ['gov-ru'], sources: [{ articleId: 'a1' }] }),
  ev('battle', '2020-10-03', {
    dateEnd: '2020-10-08',
    type: 'territorial change',
    sources: [{ articleId: 'a1' }],
  }),
  ev('typo', '20202-10-05'),
  ev('oct-10', '2020-10-10', { type: 'ceasefire', actorIds: ['gov-ru', 'gov-am', 'gov-az'] }),
  ev('oct-04', '2020-10-04', {
    type: 'statement',
    targetActorIds: ['gov-am'],
    sources: [{ articleId: 'a2' }],
  }),
  ev('nov-10', '2020-11-10', { type: 'ceasefire', sources: [{ articleId: 'a1' }, { articleId: 'a3' }] }),
];

const index = createTimeIndex(EVENTS);
const ids = (events: AtlasEvent[]) => events.map((e) => e.id);
const naive = (from: number, to: number) =>
  EVENTS.filter((e) => {
    if (from > to) return false;
    const start = e.date ? parseDay(e.date) : null;
    if (start === null) return false;
    const end = e.dateEnd ? parseDay(e.dateEnd)! : start;
    return start <= to && end >= from;
  });

describe('createTimeIndex', () => {
  it('sorts dated events by first day, ties in input order, and counts those it leaves out', () => {
    expect(Array.from(index.order, (i) => EVENTS[i].id)).toEqual([
      'sep-27',
      'battle',
      'oct-04',
      'oct-05-b',
      'oct-05-a',
      'oct-10',
      'nov-10',
    ]);
    expect(index.size).toBe(7);
    expect(index.undated).toBe(1);
    expect(index.invalidDate).toBe(1);
    expect(Array.from(index.day)).toEqual(
      ['2020-09-27', '2020-10-03', '2020-10-04', '2020-10-05', '2020-10-05', '2020-10-10', '2020-11-10'].map(
        D,
      ),
    );
    expect(index.dayEnd[1]).toBe(D('2020-10-08'));
    expect(EVENT_TYPES[index.type[1]]).toBe('territorial change');
    expect([index.firstDay, index.lastDay]).toEqual([D('2020-09-27'), D('2020-11-10')]);
  });

  it('reads an end before the start, an invalid end and an unknown type conservatively', () => {
    const odd = createTimeIndex([
      ev('backwards', '2020-10-05', { dateEnd: '2020-10-01' }),
      ev('bad-end', '2020-10-06', { dateEnd: '2020-02-30' }),
      ev('unknown', '2020-10-07', { type: 'riot' as EventType }),
    ]);
    expect(Array.from(odd.dayEnd)).toEqual([D('2020-10-05'), D('2020-10-06'), D('2020-10-07')]);
    expect(EVENT_TYPES[odd.type[2]]).toBe('other');
  });

  it('handles no dated events at all', () => {
    const empty = createTimeIndex([ev('x', null)]);
    expect([empty.size, empty.firstDay, empty.lastDay, empty.undated]).toEqual([0, null, null, 1]);
    expect(countInRange(empty, D('2020-01-01'), D('2021-01-01'))).toBe(0);
    expect(binsInRange(empty, D('2020-01-01'), D('2021-01-01'))).toEqual([]);
    expect(selectEventsInRange(empty, D('2020-01-01'), D('2021-01-01'))).toEqual([]);
  });
});

describe('range semantics (inclusive of both ends, overlap for multi-day events)', () => {
  it.each([
    ['the `to` day is in', '2020-09-20', '2020-09-27', ['sep-27']],
    ['the day after `to` is out', '2020-09-20', '2020-09-26', []],
    ['the `from` day is in', '2020-11-10', '2020-11-30', ['nov-10']],
    ['the day before `from` is out', '2020-11-11', '2020-11-30', []],
    ['single-day range', '2020-10-10', '2020-10-10', ['oct-10']],
    [
      'single-day range, two events that day, plus a battle in progress',
      '2020-10-05',
      '2020-10-05',
      ['battle', 'oct-05-b', 'oct-05-a'],
    ],
    ['a range that started before `from` overlaps it', '2020-10-08', '2020-10-10', ['battle', 'oct-10']],
    ['a range that ended the day before `from` is out', '2020-10-09', '2020-10-10', ['oct-10']],
    ['a range that starts on `to` is in', '2020-09-28', '2020-10-03', ['battle']],
    ['empty range (from after to)', '2020-10-10', '2020-10-05', []],
    ['no events in range', '2020-10-20', '2020-10-30', []],
    [
      'the whole period',
      '2020-01-01',
      '2020-12-31',
      ['sep-27', 'battle', 'oct-04', 'oct-05-b', 'oct-05-a', 'oct-10', 'nov-10'],
    ],
  ])('%s: %s..%s', (_name, from, to, expected) => {
    expect(ids(selectEventsInRange(index, D(from), D(to)))).toEqual(expected);
    expect(countInRange(index, D(from), D(to))).toBe(expected.length);
  });

  it('agrees with a plain filter for every range over the period', () => {
    const days: number[] = [];
    for (let d = D('2020-09-25'); d <= D('2020-11-12'); d++) days.push(d);
    for (const from of days) {
      for (const to of days) {
        const expected = naive(from, to);
        expect(countInRange(index, from, to)).toBe(expected.length);
        expect(ids(selectEventsInRange(index, from, to))).toEqual(
          ids(expected.sort((a, b) => parseDay(a.date!)! - parseDay(b.date!)!)),
        );
        const byType = countByTypeInRange(index, from, to);
        expect(byType).toEqual(EVENT_TYPES.map((t) => expected.filter((e) => e.type === t).length));
        const { lo, hi } = rangeIndices(index, from, to);
        for (let pos = 0; pos < index.size; pos++) {
          // Every event in range lies in the run; outside it nothing is in range.
          if (isInRange(index, pos, from, to)) expect(pos >= lo && pos < hi).toBe(true);
        }
      }
    }
  });
});

describe('rangeIndices', () => {
  it('is exact when no multi-day event started before `from`', () => {
    const { lo, hi } = rangeIndices(index, D('2020-10-04'), D('2020-10-10'));
    expect([lo, hi]).toEqual([1, 6]);
    expect(hi - lo).toBe(countInRange(index, D('2020-10-04'), D('2020-10-10')));
  });

  it('widens the run to a battle in progress, and the count says so', () => {
    const from = D('2020-10-06');
    const to = D('2020-10-10');
    const { lo, hi } = rangeIndices(index, from, to);
    expect([lo, hi]).toEqual([1, 6]);
    expect(countInRange(index, from, to)).toBe(2);
    expect(isInRange(index, 2, from, to)).toBe(false);
  });

  it('is empty for an empty range and outside the data', () => {
    for (const [from, to] of [
      [D('2020-10-10'), D('2020-10-05')],
      [D('2019-01-01'), D('2019-12-31')],
      [D('2021-01-01'), D('2021-12-31')],
    ]) {
      const { lo, hi } = rangeIndices(index, from, to);
      expect(hi - lo).toBeLessThanOrEqual(0);
    }
  });
});

describe('binsInRange', () => {
  it('counts events on their first day, per type, for each day within the data', () => {
    const bins = binsInRange(index, D('2020-10-03'), D('2020-10-05'));
    expect(bins.map((b) => b.day)).toEqual([D('2020-10-03'), D('2020-10-04'), D('2020-10-05')]);
    const at = (t: EventType) => EVENT_TYPES.indexOf(t);
    expect(bins[0].counts[at('territorial change')]).toBe(1);
    expect(bins[1].counts[at('statement')]).toBe(1);
    expect(bins[2].counts[at('statement')] + bins[2].counts[at('diplomacy')]).toBe(2);
    expect(bins.every((b) => b.counts.length === EVENT_TYPES.length)).toBe(true);
  });

  it('clips to the data and adds up to the number of events', () => {
    const bins = binsInRange(index, D('2020-01-01'), D('2020-12-31'));
    expect(bins[0].day).toBe(D('2020-09-27'));
    expect(bins.at(-1)!.day).toBe(D('2020-11-10'));
    expect(bins).toHaveLength(D('2020-11-10') - D('2020-09-27') + 1);
    expect(bins.reduce((n, b) => n + b.counts.reduce((a, c) => a + c, 0), 0)).toBe(7);
  });
});

describe('selectEventsInRange filters', () => {
  const from = D('2020-09-01');
  const to = D('2020-12-31');
  it.each([
    ['types', { types: new Set(['statement', 'ceasefire']) }, ['oct-04', 'oct-05-b', 'oct-10', 'nov-10']],
    ['actors match actors or targets', { actors: new Set(['gov-am']) }, ['oct-04', 'oct-05-b', 'oct-10']],
    ['articles match any source', { articles: new Set(['a1']) }, ['battle', 'oct-05-a', 'nov-10']],
    [
      'types and actors combined',
      { types: new Set(['statement']), actors: new Set(['gov-am']) },
      ['oct-04', 'oct-05-b'],
    ],
    [
      'all three combined',
      {
        types: new Set(['statement', 'diplomacy']),
        actors: new Set(['gov-am', 'gov-ru']),
        articles: new Set(['a2']),
      },
      ['oct-04', 'oct-05-b'],
    ],
    [
      'null filters let everything through',
      { types: null, actors: null, articles: null },
      ['sep-27', 'battle', 'oct-04', 'oct-05-b', 'oct-05-a', 'oct-10', 'nov-10'],
    ],
    ['an empty set keeps nothing', { types: new Set<string>() }, []],
  ])('%s', (_name, filters, expected) => {
    expect(ids(selectEventsInRange(index, from, to, filters))).toEqual(expected);
  });

  it('filters and range together', () => {
    expect(
      ids(selectEventsInRange(index, D('2020-10-05'), D('2020-10-10'), { actors: new Set(['gov-ru']) })),
    ).toEqual(['oct-05-a', 'oct-10']);
  });
});

describe('selectEventsInRange memo', () => {
  it('returns the same array for the same inputs, even with new sets of the same members', () => {
    const a = selectEventsInRange(index, D('2020-10-01'), D('2020-10-31'), { types: new Set(['statement']) });
    const b = selectEventsInRange(index, D('2020-10-01'), D('2020-10-31'), { types: new Set(['statement']) });
    expect(b).toBe(a);
  });

  it('recomputes when the range or a filter changes', () => {
    const a = selectEventsInRange(index, D('2020-10-01'), D('2020-10-31'));
    const b = selectEventsInRange(index, D('2020-10-01'), D('2020-11-10'));
    const c = selectEventsInRange(index, D('2020-10-01'), D('2020-11-10'), { actors: new Set(['gov-ru']) });
    expect(ids(b)).toEqual([...ids(a), 'nov-10']);
    expect(ids(c)).toEqual(['oct-05-a', 'oct-10']);
  });

  it('is not fooled by a filter set mutated after the call', () => {
    const types = new Set(['statement']);
    const a = selectEventsInRange(index, D('2020-10-01'), D('2020-10-31'), { types });
    types.add('ceasefire');
    const b = selectEventsInRange(index, D('2020-10-01'), D('2020-10-31'), { types });
    expect(ids(b)).toEqual([...ids(a), 'oct-10']);
  });
});

describe('typeMask', () => {
  it('sets one bit per shown type, all bits when unfiltered', () => {
    expect(typeMask(null)).toBe((1 << EVENT_TYPES.length) - 1);
    expect(typeMask(new Set(['attack', 'statement']))).toBe(
      (1 << 0) | (1 << EVENT_TYPES.indexOf('statement')),
    );
    expect(typeMask(new Set())).toBe(0);
  });
});
