/**
 * Dates written in the body of an article: absolute ("September 27", "August 29, 1997", "27 сентября"),
 * relative to publication ("on Sunday", "yesterday", "last week", "earlier on", "вчера"), ranges, bare years
 * ("in 1994"), and anchors to another event ("a day after ... said").
 *
 * chrono-node does the reading; this module gives it the publication day as reference, moves dates that
 * chrono puts in the future back to the past (news reports what happened), and records the precision.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../data/model';
import { dayOf, daysInMonth, formatDay, mondayOf, ymdOf } from './calendar';
import { readCommonDates } from './common-dates';

/** A date found in the text. */
export interface BodyDate {
  start: number;
  end: number;
  text: string;
  /** First day (day number), and last day for ranges, weeks, months and years. */
  day: number;
  dayEnd: number | null;
  precision: DatePrecision;
  /** True when the value depends on the publication day ("yesterday", "on Sunday", "September 27"). */
  relative: boolean;
}

/** "a day after", "two weeks before", "через день после": the next clause is dated from the previous one. */
export interface DateAnchor {
  start: number;
  end: number;
  /** Days to add to the date of the clause before the anchor to get the date of the clause after it. */
  offsetDays: number;
}

/** Options of {@link findBodyDates}. */
export interface BodyDateOptions {
  /** Move dates chrono puts after the publication day back into the past. @default true */
  pastForcing?: boolean;
  /** Read the common forms directly (see `common-dates.ts`) and leave chrono-node the rest. @default true */
  commonForms?: boolean;
}

const MONTH_WORDS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр';
const WEEKDAY_WORDS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье';

/**
 * Words around which chrono-node is run (it is the slow part): month and weekday names, relative words and
 * numeric dates. chrono reads a window of text around each, not the whole sentence.
 */
const DATE_CUE = new RegExp(
  // English month names end at a word boundary ("Dec", not "decided"); Russian ones are stems of their cases.
  `(?<![\\p{L}])(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![a-z])|(?<![\\p{L}])(?:январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)|(?<![\\p{L}])(?:${WEEKDAY_WORDS})|yesterday|today|tonight|tomorrow|overnight|(?:last|this|next|past|coming) (?:week|month|year)|ago\\b|вчера|сегодня|завтра|позавчера|ночью|недел|месяц|назад|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}`,
  'giu',
);
const YEAR_RE =
  /\b(in|since|by|until|through|of)\s+((?:1[89]|20)\d{2})\b(?![-–]\p{L})|(?:^|\s)(?:в|с|до|к)\s+((?:1[89]|20)\d{2})\s+(?:году|года|г\.)/giu;
const NIGHT_RE = /(?<![\p{L}])(overnight|ночью|этой ночью|минувшей ночью)(?![\p{L}])/giu;
const EARLIER_RE = new RegExp(
  `\\bearlier (?:on|today)\\b(?!\\s+(?:the\\s+)?(?:\\d|${MONTH_WORDS}|${WEEKDAY_WORDS}))|\\bранее сегодня\\b|\\bсегодня утром\\b`,
  'giu',
);
const DAY_RANGE_RE = new RegExp(
  `\\b(?:between\\s+)?(\\d{1,2})\\s*(?:-|–|and|to)\\s*(\\d{1,2})\\s+(${MONTH_WORDS})\\p{L}*(?:,?\\s+(\\d{4}))?|\\b(${MONTH_WORDS})\\p{L}*\\s+(\\d{1,2})\\s*(?:-|–|to)\\s*(\\d{1,2})(?:,?\\s+(\\d{4}))?`,
  'giu',
);

/** Anything that may be a date at all: cues, or a year for the bare-year rule. */
const DATE_HINT = new RegExp(`${DATE_CUE.source}|earlier|ранее|\\b(?:1[89]|20)\\d{2}\\b`, 'iu');

/**
 * chrono-node's reading of a short window, cached by language, reference day and text: the same phrases
 * ("on Sunday the army", "yesterday the ministry") recur across articles of a day. The cache is cleared when
 * it grows past a few thousand entries.
 */
const chronoCache = new Map<string, chrono.ParsedResult[]>();
function parseCached(parser: chrono.Chrono, lang: string, text: string, ref: Date): chrono.ParsedResult[] {
  const key = `${lang}|${ref.getTime()}|${text}`;
  let hit = chronoCache.get(key);
  if (!hit) {
    if (chronoCache.size > 5000) chronoCache.clear();
    hit = parser.parse(text, { instant: ref, timezone: 0 });
    chronoCache.set(key, hit);
  }
  return hit;
}

/**
 * Windows of `slice` around date cues, widened to word boundaries and merged where they meet, each with its
 * cues (offset and length).
 */
function cueWindows(slice: string): [number, number, [number, number][]][] {
  const out: [number, number, [number, number][]][] = [];
  DATE_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_CUE.exec(slice)) !== null) {
    let a = Math.max(0, m.index - 16);
    let b = Math.min(slice.length, m.index + m[0].length + 24);
    while (a > 0 && !/\s/.test(slice[a - 1])) a--;
    while (b < slice.length && !/\s/.test(slice[b])) b++;
    const cue: [number, number] = [m.index, m[0].length];
    const last = out[out.length - 1];
    if (last && a <= last[1]) {
      last[1] = Math.max(last[1], b);
      last[2].push(cue);
    } else out.push([a, b, [cue]]);
  }
  return out;
}

const FUTURE_HINT = /\b(next|coming|upcoming|will|shall)\b|следующ|будет|будут|предстоящ/i;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  день: 1,
  два: 2,
  две: 2,
  три: 3,
};

const ANCHOR_RE =
  /\b(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(day|days|week|weeks)\s+(after|before)\b|(?:через|спустя)\s+(день|два дня|три дня|\d{1,2}\s+дн[яей]+|неделю)\s+после|за\s+(день|два дня|три дня|\d{1,2}\s+дн[яей]+|неделю)\s+до|на следующий день после/giu;

/** Finds anchors such as "just a day after" in `text[from, to)`. */
export function findDateAnchors(text: string, from: number, to: number): DateAnchor[] {
  const out: DateAnchor[] = [];
  const slice = text.slice(from, to);
  if (!/after|before|после|до /i.test(slice)) return out;
  ANCHOR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR_RE.exec(slice)) !== null) {
    let days: number;
    let sign: number;
    if (m[1]) {
      days = (NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1])) * (/week/i.test(m[2]) ? 7 : 1);
      // "X comes a day after Y": Y is a day before X.
      sign = m[3].toLowerCase() === 'after' ? -1 : 1;
    } else {
      const phrase = (m[4] ?? m[5] ?? 'день').toLowerCase();
      const n = /неделю/.test(phrase)
        ? 7
        : (NUMBER_WORDS[phrase.split(/\s+/)[0]] ?? (Number(phrase.split(/\s+/)[0]) || 1));
      days = n;
      sign = m[5] ? 1 : -1;
    }
    out.push({ start: from + m.index, end: from + m.index + m[0].length, offsetDays: sign * days });
  }
  return out;
}

/**
 * Dates in `text[from, to)`, resolved against the publication day `refDay` (a day number; null when the
 * article has none, and then only dates that carry their year are kept).
 */
export function findBodyDates(
  text: string,
  from: number,
  to: number,
  lang: string,
  refDay: number | null,
  options: BodyDateOptions = {},
): BodyDate[] {
  const slice = text.slice(from, to);
  if (!DATE_HINT.test(slice)) return [];
  const pastForcing = options.pastForcing !== false;
  const out: BodyDate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (d: BodyDate) => {
    if (overlaps(d.start, d.end)) return;
    out.push(d);
    taken.push([d.start, d.end]);
  };

  // Anchored spans ("a day after") are not dates of their own.
  for (const a of findDateAnchors(text, from, to)) taken.push([a.start, a.end]);

  const windows = cueWindows(slice);
  // Day ranges need a month name, hence a cue: read them in the cue windows only.
  for (const [a, b] of windows) {
    for (const r of findDayRanges(slice.slice(a, b), refDay))
      add({ ...r, start: from + a + r.start, end: from + a + r.end });
  }

  // The common forms first; chrono-node reads the windows whose cues they leave unexplained. The future
  // ("will meet on Monday") and the raw-chrono evaluation go to chrono-node whole.
  const common =
    pastForcing && options.commonForms !== false && !FUTURE_HINT.test(slice)
      ? readCommonDates(slice, refDay)
      : [];
  for (const c of common) {
    add({ ...c, start: from + c.start, end: from + c.end, relative: !/\d{4}/.test(c.text) });
  }
  const explained = (at: number, length: number) => common.some((c) => at >= c.start && at + length <= c.end);

  const refInstant = new Date(((refDay ?? dayOf(2020, 1, 1)) + 0.5) * 86_400_000);
  const parser = lang === 'ru' ? chrono.ru.casual : chrono.en.casual;
  const results: { r: chrono.ParsedResult; at: number }[] = [];
  for (const [a, b, cues] of windows) {
    if (cues.every(([at, length]) => explained(at, length))) continue;
    for (const r of parseCached(parser, lang, slice.slice(a, b), refInstant)) results.push({ r, at: a });
  }
  for (const { r, at } of results) {
    const start = from + at + r.index;
    const end = start + r.text.length;
    // "held for 26 years", "in 10 days": durations, not dates.
    if (
      /^(?:for|over|in|within)?\s*\d+\s+(?:years?|months?|weeks?|days?|hours?)$/i.test(r.text.trim()) ||
      /^\d+\s+(?:years?|days?)$/i.test(r.text.trim())
    )
      continue;
    const d = fromChrono(r, slice, refDay, pastForcing);
    // News does not report what happens more than a year after it is published.
    if (d && refDay !== null && d.day > refDay + 366) continue;
    if (d) {
      add({ ...d, start, end, text: r.text });
      continue;
    }
    // chrono reads "the night of October 10" as a time of today with no date: read what follows "of".
    const of = /\b(?:of|из)\s+/i.exec(r.text);
    if (!of) continue;
    const inner = parser.parse(r.text.slice(of.index + of[0].length), {
      instant: refInstant,
      timezone: 0,
    })[0];
    const d2 = inner && fromChrono(inner, slice, refDay, pastForcing);
    if (d2) {
      const s2 = start + of.index + of[0].length + inner.index;
      add({ ...d2, start: s2, end: s2 + inner.text.length, text: inner.text });
    }
  }

  // Bare years: "in 1994", "since 1988", "в 1997 году" (chrono leaves them out).
  let m: RegExpExecArray | null;
  YEAR_RE.lastIndex = 0;
  // Each rule below first checks, cheaply, that its words are there at all.
  while (/\d{4}/.test(slice) && (m = YEAR_RE.exec(slice)) !== null) {
    const y = Number(m[2] ?? m[3]);
    const yearText = m[2] ?? m[3];
    const s = from + m.index + m[0].indexOf(yearText);
    add({
      start: s,
      end: s + 4,
      text: yearText,
      day: dayOf(y, 1, 1),
      dayEnd: dayOf(y, 12, 31),
      precision: 'year',
      relative: false,
    });
  }

  // "overnight", "ночью": the night before the article (its day, as news reports it).
  if (refDay !== null && /overnight|ночью/i.test(slice)) {
    NIGHT_RE.lastIndex = 0;
    while ((m = NIGHT_RE.exec(slice)) !== null) {
      add({
        start: from + m.index,
        end: from + m.index + m[0].length,
        text: m[0],
        day: refDay,
        dayEnd: null,
        precision: 'day',
        relative: true,
      });
    }
  }

  // "earlier on" alone: earlier on the day of publication.
  if (refDay !== null && /earlier|ранее|сегодня утром/i.test(slice)) {
    EARLIER_RE.lastIndex = 0;
    while ((m = EARLIER_RE.exec(slice)) !== null) {
      add({
        start: from + m.index,
        end: from + m.index + m[0].length,
        text: m[0],
        day: refDay,
        dayEnd: null,
        precision: 'day',
        relative: true,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "between 26 and 28 October", "26-28 October", "October 26-28": chrono reads only one end. */
function findDayRanges(slice: string, refDay: number | null): BodyDate[] {
  const out: BodyDate[] = [];
  const re = DAY_RANGE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const monthWord = (m[3] ?? m[5]).toLowerCase();
    const month = monthIndex(monthWord);
    if (!month) continue;
    const d1 = Number(m[1] ?? m[6]);
    const d2 = Number(m[2] ?? m[7]);
    const yearText = m[4] ?? m[8];
    let year = yearText ? Number(yearText) : refDay !== null ? ymdOf(refDay).year : null;
    if (year === null) continue;
    if (!yearText && refDay !== null && dayOf(year, month, d1) > refDay) year--;
    if (d1 < 1 || d2 > daysInMonth(year, month) || d2 <= d1) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      day: dayOf(year, month, d1),
      dayEnd: dayOf(year, month, d2),
      precision: 'day',
      relative: !yearText,
    });
  }
  return out;
}

function monthIndex(word: string): number | null {
  const names = MONTH_WORDS.split('|');
  const en = names.slice(0, 12).findIndex((n) => word.startsWith(n));
  if (en >= 0) return en + 1;
  const abbr = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
  const ab = abbr.indexOf(word.slice(0, 4) === 'sept' ? 'sept' : word.slice(0, 3));
  if (ab >= 0) return [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][ab];
  const ru = [
    'январ',
    'феврал',
    'март',
    'апрел',
    'ма',
    'июн',
    'июл',
    'август',
    'сентябр',
    'октябр',
    'ноябр',
    'декабр',
  ];
  const r = ru.findIndex((n) => word.startsWith(n));
  return r >= 0 ? r + 1 : null;
}

function fromChrono(
  r: chrono.ParsedResult,
  slice: string,
  refDay: number | null,
  pastForcing: boolean,
): Omit<BodyDate, 'start' | 'end' | 'text'> | null {
  const text = r.text.toLowerCase();
  const s = r.start;
  const certain = (c: chrono.Component) => s.isCertain(c);
  const hasDayInfo = certain('day') || certain('weekday') || certain('month') || certain('year');
  const relativeWord =
    /yesterday|today|tonight|tomorrow|this|last|ago|вчера|сегодня|завтра|позавчера|назад|прошл|минувш|недел/.test(
      text,
    );
  // Times alone ("at 10:54", "ночью") and chrono's empty readings say nothing about the day.
  if (!hasDayInfo && !relativeWord) return null;
  if (!certain('year') && refDay === null && !/ago|назад/.test(text)) return null;

  const date = s.date();
  let day = Math.floor(date.getTime() / 86_400_000);
  let dayEnd: number | null = r.end ? Math.floor(r.end.date().getTime() / 86_400_000) : null;
  let precision: DatePrecision = 'day';
  let relative = !certain('year') || relativeWord;

  if (/week|недел/.test(text) && !certain('weekday')) {
    // "last week", "this week", "на прошлой неделе": a Monday-to-Sunday week (chrono's weeks start on Sunday).
    precision = 'week';
    relative = true;
    if (/this|эт/.test(text) && refDay !== null) {
      day = mondayOf(refDay);
      dayEnd = refDay;
    } else if (/last|прошл|минувш/.test(text) && refDay !== null) {
      day = mondayOf(refDay) - 7;
      dayEnd = day + 6;
    } else {
      day = mondayOf(day);
      dayEnd = day + 6;
    }
  } else if ((certain('month') || /month|месяц/.test(text)) && !certain('day') && !certain('weekday')) {
    // chrono reads "last month" on 31 October as 1 October: count months from the publication day instead.
    if (refDay !== null && /month|месяц/.test(text)) {
      const ref = ymdOf(refDay);
      const back = /last|прошл|минувш/.test(text) ? 1 : 0;
      day = dayOf(ref.month - back < 1 ? ref.year - 1 : ref.year, ((ref.month - back + 11) % 12) + 1, 1);
    }
    const { year, month } = ymdOf(day);
    day = dayOf(year, month, 1);
    dayEnd = dayOf(year, month, daysInMonth(year, month));
    precision = 'month';
  } else if (certain('year') && !certain('month') && !certain('day')) {
    const { year } = ymdOf(day);
    day = dayOf(year, 1, 1);
    dayEnd = dayOf(year, 12, 31);
    precision = 'year';
  }

  // Past-tense news resolves to the past: "on Sunday" is the Sunday before publication, "September 27"
  // without a year is the last September 27 before it.
  if (pastForcing && refDay !== null && !certain('year') && day > refDay && !FUTURE_HINT.test(slice)) {
    if (certain('weekday') && !certain('day')) {
      day -= 7;
      if (dayEnd !== null) dayEnd -= 7;
    } else if (certain('month') || certain('day')) {
      const shift = (d: number) => {
        const { year, month, day: dd } = ymdOf(d);
        return dayOf(year - 1, month, Math.min(dd, daysInMonth(year - 1, month)));
      };
      day = shift(day);
      if (dayEnd !== null) dayEnd = shift(dayEnd);
    }
  }
  if (dayEnd !== null && dayEnd <= day) dayEnd = null;
  return { day, dayEnd, precision, relative };
}

/** `YYYY-MM-DD` of a body date's first and last day. */
export function formatBodyDate(d: BodyDate): { date: string; dateEnd: string | null } {
  return { date: formatDay(d.day), dateEnd: d.dayEnd === null ? null : formatDay(d.dayEnd) };
}
