import { describe, expect, it } from 'vitest';
import { addDays, dateToDay, dayToDate, formatDay, formatDayLong, isValidDay, parseDay } from './dates';

describe('parseDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2020-09-27', 18532],
    ['2020-11-10', 18576],
    ['2020-02-29', 18321],
    ['2000-02-29', 11016],
  ])('%s is day %i', (text, day) => expect(parseDay(text)).toBe(day));

  it.each([
    ['2020-02-30', 'no 30 February'],
    ['2021-02-29', 'not a leap year'],
    ['1900-02-29', 'century not divisible by 400'],
    ['2020-04-31', 'April has 30 days'],
    ['2020-13-01', 'month 13'],
    ['2020-00-10', 'month 0'],
    ['2020-01-00', 'day 0'],
    ['20202-01-01', 'five-digit year'],
    ['0999-12-31', 'before year 1000'],
    ['3000-01-01', 'after year 2999'],
    ['2020-1-5', 'missing zero padding'],
    ['2020-10-31T00:00:00Z', 'a timestamp, not a day'],
    [' 2020-10-31', 'leading space'],
    ['', 'empty'],
    ['yesterday', 'words'],
  ])('rejects %s (%s)', (text) => {
    expect(parseDay(text)).toBeNull();
    expect(isValidDay(text)).toBe(false);
  });
});

describe('formatDay', () => {
  it.each(['1970-01-01', '1969-12-31', '2020-02-29', '2020-12-31', '2021-01-01', '1000-01-01', '2999-12-31'])(
    'round-trips %s',
    (text) => expect(formatDay(parseDay(text)!)).toBe(text),
  );
});

describe('formatDayLong', () => {
  it.each([
    [parseDay('2020-10-31')!, undefined, '31 October 2020'],
    [parseDay('2020-11-01')!, 'en-GB', '1 November 2020'],
    [parseDay('2020-10-31')!, 'en-US', 'October 31, 2020'],
    [parseDay('2020-10-31')!, 'not a locale!!', '31 October 2020'],
  ])('day %i in %s is %s', (day, locale, text) => expect(formatDayLong(day, locale)).toBe(text));

  it('names the month in Russian for ru', () => {
    expect(formatDayLong(parseDay('2020-10-31')!, 'ru')).toMatch(/^31 октября 2020/);
  });
});

describe('day arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(formatDay(addDays(parseDay('2020-12-30')!, 3))).toBe('2021-01-02');
    expect(formatDay(addDays(parseDay('2020-03-01')!, -1))).toBe('2020-02-29');
  });

  it('maps a day to its UTC midnight and any instant of that day back to it', () => {
    const day = parseDay('2020-09-27')!;
    expect(dayToDate(day).toISOString()).toBe('2020-09-27T00:00:00.000Z');
    expect(dateToDay(new Date('2020-09-27T23:59:59.999Z'))).toBe(day);
    expect(dateToDay(new Date('2020-09-28T00:00:00.000Z'))).toBe(day + 1);
  });
});
