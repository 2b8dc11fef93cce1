/**
 * The date forms news uses most ("on Sunday", "yesterday", "September 27", "27 сентября", "last week"),
 * read directly. chrono-node reads them too, with the same results (see body-dates.test.ts, which runs both),
 * but it tries some forty parsers on each window of text; reading the common forms first leaves it only the
 * rarer ones, and makes the reader several times faster on date-dense text.
 */
import { dayOf, daysInMonth, mondayOf, weekdayOf, ymdOf } from './calendar';

/** A date read by {@link readCommonDates}; `start`/`end` are offsets in the text given. */
export interface CommonDate {
  start: number;
  end: number;
  text: string;
  day: number;
  dayEnd: number | null;
  precision: 'day' | 'week' | 'month' | 'year';
}

const EN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const EN_WEEKDAYS = 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday';
const RU_MONTHS_GEN = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const RU_MONTHS_PREP = 'январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре';
const RU_WEEKDAYS_ACC = 'воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу';

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};

// Each form with what may not follow it (a range, a time, a year chrono would read differently).
const FORMS = new RegExp(
  [
    // 1-4: "Saturday, 10 October 2020", "on 27 September", "10th of October"
    `(?<![\\p{L}\\d])((?:[Oo]n\\s+)?(?:(?:${EN_WEEKDAYS}),?\\s+)?(?:on\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${EN_MONTHS})(?:,?\\s+(\\d{4}))?)(?![\\p{L}\\d:–-])`,
    // 5-8: "September 27", "August 29, 1997", "Saturday, October 10"
    `(?<![\\p{L}\\d])((?:(?:${EN_WEEKDAYS}),?\\s+)?(${EN_MONTHS})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?)(?![\\p{L}\\d:–-])`,
    // 9-10: "on Sunday"
    `(?<![\\p{L}\\d])((?:[Oo]n\\s+)?(${EN_WEEKDAYS}))(?![\\p{L}\\d])`,
    // 11: yesterday / today / tomorrow
    `(?<![\\p{L}])([Yy]esterday|[Tt]oday|[Tt]omorrow)(?![\\p{L}])`,
    // 12-13: last week, this month
    `(?<![\\p{L}])((?:[Ll]ast|[Tt]his) (week|month))(?![\\p{L}])`,
    // 14-16: two days ago, 3 weeks ago
    `(?<![\\p{L}])((\\d{1,2}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Tt]en) (days?|weeks?) ago)(?![\\p{L}])`,
    // 17-19: 27 сентября [2020 года]
    `(?<![\\p{L}\\d])((\\d{1,2})\\s+(${RU_MONTHS_GEN})(?:\\s+(\\d{4})(?:\\s+(?:года|г\\.))?)?)(?![\\p{L}\\d])`,
    // 21-22: в воскресенье
    `(?<![\\p{L}])([Вв]\\s+(${RU_WEEKDAYS_ACC}))(?![\\p{L}])`,
    // 23: вчера / сегодня / завтра / позавчера
    `(?<![\\p{L}])([Вв]чера|[Сс]егодня|[Зз]автра|[Пп]озавчера)(?![\\p{L}])`,
    // 24: на прошлой неделе, в этом месяце
    `(?<![\\p{L}])([Нн]а прошлой неделе|[Нн]а этой неделе|[Вв] прошлом месяце|[Вв] этом месяце)(?![\\p{L}])`,
    // 25-27: в мае 1994 года
    `(?<![\\p{L}])([Вв]\\s+(${RU_MONTHS_PREP})\\s+(\\d{4})(?:\\s+(?:года|г\\.))?)(?![\\p{L}\\d])`,
  ].join('|'),
  'gu',
);

const EN_MONTH_INDEX = new Map(EN_MONTHS.split('|').map((m, i) => [m, i + 1]));
const RU_GEN_INDEX = new Map(RU_MONTHS_GEN.split('|').map((m, i) => [m, i + 1]));
const RU_PREP_INDEX = new Map(RU_MONTHS_PREP.split('|').map((m, i) => [m, i + 1]));
const EN_WEEKDAY_INDEX = new Map(EN_WEEKDAYS.split('|').map((d, i) => [d, i]));
const RU_WEEKDAY_INDEX = new Map(RU_WEEKDAYS_ACC.split('|').map((d, i) => [d, i]));

/**
 * Reads the common date forms of `text` against the publication day `refDay`. Forms without a year (and
 * weekdays) are taken as the last such day on or before publication; with no publication day, only forms
 * that carry their year are read. The caller leaves the future ("will meet on Monday") to chrono-node.
 */
export function readCommonDates(text: string, refDay: number | null): CommonDate[] {
  const out: CommonDate[] = [];
  FORMS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FORMS.exec(text)) !== null) {
    const d = readMatch(m, refDay);
    if (d) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...d });
  }
  return out;
}

type Value = Omit<CommonDate, 'start' | 'end' | 'text'>;

function readMatch(m: RegExpExecArray, ref: number | null): Value | null {
  if (m[1] !== undefined) return dayMonth(Number(m[2]), EN_MONTH_INDEX.get(m[3])!, m[4], ref);
  if (m[5] !== undefined) return dayMonth(Number(m[7]), EN_MONTH_INDEX.get(m[6])!, m[8], ref);
  if (m[17] !== undefined) return dayMonth(Number(m[18]), RU_GEN_INDEX.get(m[19])!, m[20], ref);
  if (m[25] !== undefined) return monthOf(Number(m[27]), RU_PREP_INDEX.get(m[26])!);
  // The rest counts from the publication day.
  if (ref === null) return null;
  if (m[9] !== undefined) return weekday(EN_WEEKDAY_INDEX.get(m[10])!, ref);
  if (m[11] !== undefined) {
    const shift = ({ yesterday: -1, today: 0, tomorrow: 1 } as Record<string, number>)[m[11].toLowerCase()];
    return { day: ref + shift, dayEnd: null, precision: 'day' };
  }
  if (m[12] !== undefined)
    return relativePeriod(m[13] === 'week' ? 'week' : 'month', /^last/i.test(m[12]), ref);
  if (m[14] !== undefined) {
    const n = NUMBERS[m[15].toLowerCase()] ?? Number(m[15]);
    if (m[16].startsWith('day')) return { day: ref - n, dayEnd: null, precision: 'day' };
    const monday = mondayOf(ref - 7 * n);
    return { day: monday, dayEnd: monday + 6, precision: 'week' };
  }
  if (m[21] !== undefined) return weekday(RU_WEEKDAY_INDEX.get(m[22])!, ref);
  if (m[23] !== undefined) {
    const shift = ({ вчера: -1, сегодня: 0, завтра: 1, позавчера: -2 } as Record<string, number>)[
      m[23].toLowerCase()
    ];
    return { day: ref + shift, dayEnd: null, precision: 'day' };
  }
  if (m[24] !== undefined)
    return relativePeriod(/недел/.test(m[24]) ? 'week' : 'month', /прошл/.test(m[24]), ref);
  return null;
}

/** A day of a month, with or without the year; without it, the last such day on or before publication. */
function dayMonth(d: number, month: number, yearText: string | undefined, ref: number | null): Value | null {
  let year: number;
  if (yearText) year = Number(yearText);
  else if (ref === null) return null;
  else {
    year = ymdOf(ref).year;
    if (d <= daysInMonth(year, month) && dayOf(year, month, d) > ref) year--;
  }
  if (d < 1 || d > daysInMonth(year, month)) return null;
  return { day: dayOf(year, month, d), dayEnd: null, precision: 'day' };
}

/** The last given weekday on or before publication. */
function weekday(wd: number, ref: number): Value {
  return { day: ref - ((weekdayOf(ref) - wd + 7) % 7), dayEnd: null, precision: 'day' };
}

function relativePeriod(unit: 'week' | 'month', last: boolean, ref: number): Value {
  if (unit === 'week') {
    const monday = mondayOf(ref) - (last ? 7 : 0);
    const end = last ? monday + 6 : ref;
    return { day: monday, dayEnd: end > monday ? end : null, precision: 'week' };
  }
  const { year, month } = ymdOf(ref);
  const y = last && month === 1 ? year - 1 : year;
  const mo = last ? ((month + 10) % 12) + 1 : month;
  return { day: dayOf(y, mo, 1), dayEnd: dayOf(y, mo, daysInMonth(y, mo)), precision: 'month' };
}

function monthOf(year: number, month: number): Value {
  return {
    day: dayOf(year, month, 1),
    dayEnd: dayOf(year, month, daysInMonth(year, month)),
    precision: 'month',
  };
}
