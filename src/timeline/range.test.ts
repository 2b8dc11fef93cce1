import { describe, expect, it } from 'vitest';
import { parseDay } from '../data/dates';
import {
  applyRangeKey,
  centerRangeOn,
  clampRange,
  clampView,
  dragHandle,
  isRangeKey,
  panRange,
  panViewToShow,
  presetView,
  tickCountForWidth,
  type DayRange,
  type RangeHandle,
} from './range';
import { createTickFormat, dayTicks, thinTicks } from './tick-format';

// Domain: the 2020 war, days 0..44 relative to 27 September to keep the tables readable.
const DOMAIN: DayRange = [0, 44];

describe('applyRangeKey', () => {
  it.each<[string, DayRange, string, RangeHandle, DayRange]>([
    ['→ moves the start a day on', [10, 20], 'ArrowRight', 'start', [11, 20]],
    ['← moves the start a day back', [10, 20], 'ArrowLeft', 'start', [9, 20]],
    ['↑ is → and ↓ is ←', [10, 20], 'ArrowUp', 'end', [10, 21]],
    ['↓ moves the end a day back', [10, 20], 'ArrowDown', 'end', [10, 19]],
    ['PageUp moves a week on', [10, 20], 'PageUp', 'end', [10, 27]],
    ['PageDown moves a week back', [10, 20], 'PageDown', 'start', [3, 20]],
    ['Home takes the start to the first day', [10, 20], 'Home', 'start', [0, 20]],
    ['End takes the end to the last day', [10, 20], 'End', 'end', [10, 44]],
    ['the start stops at the end (→)', [20, 20], 'ArrowRight', 'start', [20, 20]],
    ['the start stops at the end (PageUp)', [15, 20], 'PageUp', 'start', [20, 20]],
    ['the start stops at the end (End)', [10, 20], 'End', 'start', [20, 20]],
    ['the end stops at the start (PageDown)', [10, 14], 'PageDown', 'end', [10, 10]],
    ['the end stops at the start (Home)', [10, 20], 'Home', 'end', [10, 10]],
    ['the start stops at the domain start', [2, 20], 'PageDown', 'start', [0, 20]],
    ['the end stops at the domain end', [10, 40], 'PageUp', 'end', [10, 44]],
    ['the end cannot leave the domain (→ at the end)', [10, 44], 'ArrowRight', 'end', [10, 44]],
  ])('%s', (_name, range, key, which, expected) => {
    expect(applyRangeKey(range, DOMAIN, key, which)).toEqual(expected);
  });

  it('returns the same range for keys it ignores and when nothing moves', () => {
    const range: DayRange = [10, 20];
    expect(applyRangeKey(range, DOMAIN, 'a', 'start')).toBe(range);
    expect(applyRangeKey(range, DOMAIN, 'Tab', 'end')).toBe(range);
    const full: DayRange = [0, 44];
    expect(applyRangeKey(full, DOMAIN, 'Home', 'start')).toBe(full);
    expect(isRangeKey('PageUp')).toBe(true);
    expect(isRangeKey('Enter')).toBe(false);
  });
});

describe('dragHandle', () => {
  it.each<[string, DayRange, RangeHandle, number, DayRange]>([
    ['the start snaps to the nearest day boundary', [10, 20], 'start', 12.4, [12, 20]],
    ['and rounds half-way up', [10, 20], 'start', 12.5, [13, 20]],
    ['the end handle sits after the last day', [10, 20], 'end', 25, [10, 24]],
    ['the end handle rounds too', [10, 20], 'end', 24.6, [10, 24]],
    ['the start cannot pass the end', [10, 20], 'start', 30, [20, 20]],
    ['the end cannot pass the start: one day left', [10, 20], 'end', 3, [10, 10]],
    ['the start stops at the domain start', [10, 20], 'start', -8, [0, 20]],
    ['the end stops at the domain end', [10, 20], 'end', 60, [10, 44]],
  ])('%s', (_name, range, which, boundary, expected) => {
    expect(dragHandle(range, DOMAIN, which, boundary)).toEqual(expected);
  });
});

describe('panRange and centerRangeOn', () => {
  it.each<[string, DayRange, number, DayRange]>([
    ['pans by whole days', [10, 20], 3.4, [13, 23]],
    ['stops at the domain end, keeping the width', [10, 20], 40, [34, 44]],
    ['stops at the domain start', [10, 20], -40, [0, 10]],
  ])('%s', (_name, range, days, expected) => {
    expect(panRange(range, DOMAIN, days)).toEqual(expected);
  });

  it.each<[string, DayRange, number, DayRange]>([
    ['centres an odd-length range on the day', [0, 4], 30, [28, 32]],
    ['a one-day range lands on the day', [5, 5], 30, [30, 30]],
    ['an even-length range puts the day just after the middle', [0, 3], 30, [29, 32]],
    ['keeps the width at the domain end', [0, 10], 43, [34, 44]],
  ])('%s', (_name, range, day, expected) => {
    expect(centerRangeOn(range, DOMAIN, day)).toEqual(expected);
  });
});

describe('clampRange', () => {
  it.each<[DayRange, DayRange]>([
    [
      [10, 20],
      [10, 20],
    ],
    [
      [20, 10],
      [10, 20],
    ],
    [
      [-5, 100],
      [0, 44],
    ],
    [
      [50, 60],
      [44, 44],
    ],
  ])('%j -> %j', (range, expected) => expect(clampRange(range, DOMAIN)).toEqual(expected));
});

describe('views', () => {
  it('shows the whole domain, inclusive of its last day, for All', () => {
    expect(presetView('all', [10, 20], DOMAIN)).toEqual([0, 45]);
  });

  it('centres Week and Month on the middle of the range, inside the domain', () => {
    expect(presetView('week', [20, 20], DOMAIN)).toEqual([17, 24]);
    expect(presetView('month', [20, 21], DOMAIN)).toEqual([6, 36]);
    expect(presetView('month', [0, 1], DOMAIN)).toEqual([0, 30]);
    expect(presetView('week', [44, 44], DOMAIN)).toEqual([38, 45]);
    expect(presetView('month', [0, 1], [0, 9])).toEqual([0, 10]);
  });

  it('clamps a view into the domain, keeping its width', () => {
    expect(clampView([-3, 4], DOMAIN)).toEqual([0, 7]);
    expect(clampView([40, 50], DOMAIN)).toEqual([35, 45]);
    expect(clampView([-10, 100], DOMAIN)).toEqual([0, 45]);
  });

  it.each<[string, [number, number], number, number, [number, number]]>([
    ['leaves the view alone when the interval is visible', [10, 17], 12, 14, [10, 17]],
    ['pans right just enough to show the end', [10, 17], 16, 19, [12, 19]],
    ['pans left just enough to show the start', [10, 17], 8, 11, [8, 15]],
    ['keeps the end in view when the interval is wider', [10, 17], 0, 30, [23, 30]],
    ['never leaves the domain', [30, 37], 44, 46, [38, 45]],
  ])('%s', (_name, view, a, b, expected) => {
    expect(panViewToShow(view, DOMAIN, a, b)).toEqual(expected);
  });

  it('returns the same view when nothing moves', () => {
    const view = [10, 17] as const;
    expect(panViewToShow(view, DOMAIN, 11, 12)).toBe(view);
  });
});

describe('axis ticks', () => {
  it('fits fewer ticks on a phone than on a desktop', () => {
    expect(tickCountForWidth(343)).toBe(3);
    expect(tickCountForWidth(1200)).toBe(13);
    expect(tickCountForWidth(50)).toBe(2);
  });

  it.each([
    ['2021-01-01', 'en-GB', '2021'],
    ['2020-10-01', 'en-GB', 'Oct'],
    ['2020-10-12', 'en-GB', '12 Oct'],
    ['2020-10-12', 'en-US', 'Oct 12'],
    ['2020-10-12', 'xx-!!', '12 Oct'],
  ])('labels %s in %s as %s', (day, locale, label) => {
    const date = new Date(parseDay(day)! * 86_400_000);
    expect(createTickFormat(locale)(date)).toBe(label);
  });

  it('drops ticks that are not at midnight', () => {
    const ticks = [
      new Date('2020-10-01T00:00Z'),
      new Date('2020-10-01T12:00Z'),
      new Date('2020-10-02T00:00Z'),
    ];
    expect(dayTicks(ticks).map((t) => t.toISOString().slice(0, 10))).toEqual(['2020-10-01', '2020-10-02']);
  });
});

describe('thinTicks', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6], 6, [1, 2, 3, 4, 5, 6]],
    [[1, 2, 3, 4, 5, 6], 3, [1, 3, 5]],
    [[1, 2, 3, 4, 5, 6, 7], 3, [1, 4, 7]],
    [[1, 2, 3], 0, [1]],
  ])('%j to at most %i', (ticks, max, expected) => expect(thinTicks(ticks, max)).toEqual(expected));
});
