import { describe, expect, it } from 'vitest';
import { parseDateLine } from './date-line';

describe('parseDateLine', () => {
  it.each([
    ['Published 14:43 IST, October 31st 2020', '2020-10-31T09:13:00Z', '2020-10-31'],
    ['Published 2020-10-22', '2020-10-22', '2020-10-22'],
    ['Published on 10/10/2020 at 10:54', '2020-10-10T10:54:00Z', '2020-10-10'],
    ['Saturday, 10 October 2020', '2020-10-10', '2020-10-10'],
    ['2020-10-22T10:00:00+04:00', '2020-10-22T06:00:00Z', '2020-10-22'],
    ['2020-10-22T23:30Z', '2020-10-22T23:30:00Z', '2020-10-22'],
    ['Published 01:15 AMT, 28 September 2020', '2020-09-27T21:15:00Z', '2020-09-28'],
    ['Posted Oct. 5, 2020 at 3:20 p.m. EDT', '2020-10-05T19:20:00Z', '2020-10-05'],
    ['Опубликовано 12 октября 2020 года, 10:00 МСК', '2020-10-12T07:00:00Z', '2020-10-12'],
    ['Published: 28/09/2020 18:05 GMT+4', '2020-09-28T14:05:00Z', '2020-09-28'],
  ])('reads %j', (line, value, localDay) => {
    expect(parseDateLine(line)).toMatchObject({ value, localDay });
  });

  it.each([
    ['Updated 14:43 IST, October 31st 20202', 'year 20202 cannot be right'],
    ['Published 31 September 2020', 'September 2020 has 30 days, not 31'],
    ['Published 2021-02-29', 'February 2021 has 28 days, not 29'],
    ['Published 2020-13-01', 'month 13 does not exist'],
    ['Published 25:61 GMT, 1 October 2020', 'time 25:61 cannot be right'],
  ])('says why %j cannot be right', (line, problem) => {
    expect(parseDateLine(line)).toMatchObject({ problem });
  });

  it('flags a time without a zone, and a weekday that does not match the date', () => {
    expect(parseDateLine('Published on 10/10/2020 at 10:54')).toMatchObject({ zoneMissing: true });
    const out = parseDateLine('Friday, 10 October 2020');
    expect(out && 'notes' in out && out.notes[0]).toMatch(/which is a Saturday/);
  });

  it('returns null for a line without a date', () => {
    expect(parseDateLine('Armenia PM asks Russia for security consultations')).toBeNull();
  });
});
