import { describe, expect, it } from 'vitest';
import { findBodyDates, findDateAnchors, formatBodyDate } from './body-dates';
import { dayOf } from './calendar';

/** Publication day of these cases: Saturday 31 October 2020. */
const REF = dayOf(2020, 10, 31);

function datesOf(text: string, options = {}): [string, string, string | null, string][] {
  const lang = /[а-я]/i.test(text) ? 'ru' : 'en';
  return findBodyDates(text, 0, text.length, lang, REF, options).map((d) => {
    const f = formatBodyDate(d);
    return [d.text, f.date, f.dateEnd, d.precision];
  });
}

describe('findBodyDates', () => {
  it.each<[string, [string, string, string | null, string][]]>([
    ['the fighting began earlier on September 27', [['September 27', '2020-09-27', null, 'day']]],
    ['the Treaty of August 29, 1997', [['August 29, 1997', '1997-08-29', null, 'day']]],
    ['Saturday, 10 October 2020 was quiet', [['Saturday, 10 October 2020', '2020-10-10', null, 'day']]],
    ['On Sunday the army said', [['On Sunday', '2020-10-25', null, 'day']]],
    ['Baku said on Saturday', [['on Saturday', '2020-10-31', null, 'day']]],
    ['yesterday the ministry said', [['yesterday', '2020-10-30', null, 'day']]],
    ['Pashinyan had, last week, urged', [['last week', '2020-10-19', '2020-10-25', 'week']]],
    ['earlier this week', [['this week', '2020-10-26', '2020-10-31', 'week']]],
    ['talks held last month', [['last month', '2020-09-01', '2020-09-30', 'month']]],
    ['in May 1994 a truce', [['May 1994', '1994-05-01', '1994-05-31', 'month']]],
    ['the war ended in 1994', [['1994', '1994-01-01', '1994-12-31', 'year']]],
    ['earlier on, the ministry said', [['earlier on', '2020-10-31', null, 'day']]],
    ['two days ago', [['two days ago', '2020-10-29', null, 'day']]],
    ['between 26 and 28 October', [['between 26 and 28 October', '2020-10-26', '2020-10-28', 'day']]],
    ['on the night of October 10', [['October 10', '2020-10-10', null, 'day']]],
    ['in December', [['December', '2019-12-01', '2019-12-31', 'month']]],
    ['27 сентября начались бои', [['27 сентября', '2020-09-27', null, 'day']]],
    ['в воскресенье армия сообщила', [['в воскресенье', '2020-10-25', null, 'day']]],
    ['вчера МИД заявил', [['вчера', '2020-10-30', null, 'day']]],
    ['на прошлой неделе', [['на прошлой неделе', '2020-10-19', '2020-10-25', 'week']]],
    ['в мае 1994 года', [['в мае 1994 года', '1994-05-01', '1994-05-31', 'month']]],
    ['the 1997 treaty was invoked', []],
    ['at 10:54 the news came', []],
  ])('%j', (text, expected) => {
    expect(datesOf(text)).toEqual(expected);
    // The common forms are read without chrono-node; chrono-node alone must give the same dates.
    const withoutCommon = datesOf(text, { commonForms: false }).map(([, ...rest]) => rest);
    expect(withoutCommon).toEqual(expected.map(([, ...rest]) => rest));
  });

  it('leaves future dates in the future when the text says so', () => {
    expect(datesOf('He will visit on Monday')).toEqual([['on Monday', '2020-11-02', null, 'day']]);
  });

  it('keeps chrono’s forward reading when past forcing is off (for eval)', () => {
    expect(datesOf('On Sunday the army said', { pastForcing: false })).toEqual([
      ['On Sunday', '2020-11-01', null, 'day'],
    ]);
  });

  it('keeps only dates with a year when the article has no publication day', () => {
    const text = 'On Sunday, and on 29 August 1997.';
    expect(findBodyDates(text, 0, text.length, 'en', null).map((d) => d.text)).toEqual(['on 29 August 1997']);
  });
});

describe('findDateAnchors', () => {
  it.each([
    ['His letter comes just a day after Peskov said', 'a day after', -1],
    ['two weeks before the talks', 'two weeks before', 14],
    ['через день после того, как Песков заявил', 'через день после', -1],
  ])('%j', (text, phrase, offset) => {
    const [a] = findDateAnchors(text, 0, text.length);
    expect([text.slice(a.start, a.end), a.offsetDays]).toEqual([phrase, offset]);
  });
});
