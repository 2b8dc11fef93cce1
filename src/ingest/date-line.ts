/**
 * Parsing of the date lines at the top of an article ("Published 14:43 IST, October 31st 2020",
 * "Published on 10/10/2020 at 10:54", "Saturday, 10 October 2020", "2020-10-22T10:00:00+04:00",
 * "Опубликовано 12 октября 2020, 10:00 МСК").
 *
 * chrono-node reads these too, but it silently drops what it cannot read: "October 31st 20202" comes back
 * as 31 October 2020 followed by a stray "2". A header date is the anchor of every relative date in the
 * article, so this parser is strict: it reads the whole year as written and says why a value cannot be right.
 */
import { dayOf, daysInMonth, formatDay, formatInstant, MONTH_NAMES_EN, pad2, weekdayOf } from './calendar';

/** Time-zone abbreviations seen in datelines, in minutes east of UTC. */
export const TIME_ZONES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  МСК: 180,
  TRT: 180,
  // Armenia and Azerbaijan time (AMT is also Amazon Time elsewhere; in this corpus it is Armenia).
  AMT: 240,
  AMST: 300,
  AZT: 240,
  AZST: 300,
  GET: 240,
  IRST: 210,
  // India Standard Time: the outlets of this corpus that write IST are Indian (Republic World, The Hindu).
  IST: 330,
  PKT: 300,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const MONTHS: Record<string, number> = {};
MONTH_NAMES_EN.forEach((name, i) => {
  MONTHS[name.toLowerCase()] = i + 1;
  MONTHS[name.slice(0, 3).toLowerCase()] = i + 1;
});
MONTHS['sept'] = 9;
// Russian month names: genitive ("31 октября"), nominative ("октябрь 2020") and common abbreviations.
[
  ['января', 'январь', 'янв'],
  ['февраля', 'февраль', 'фев'],
  ['марта', 'март', 'мар'],
  ['апреля', 'апрель', 'апр'],
  ['мая', 'май'],
  ['июня', 'июнь', 'июн'],
  ['июля', 'июль', 'июл'],
  ['августа', 'август', 'авг'],
  ['сентября', 'сентябрь', 'сен', 'сент'],
  ['октября', 'октябрь', 'окт'],
  ['ноября', 'ноябрь', 'ноя'],
  ['декабря', 'декабрь', 'дек'],
].forEach((forms, i) => forms.forEach((f) => (MONTHS[f] = i + 1)));

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  воскресенье: 0,
  понедельник: 1,
  вторник: 2,
  среда: 3,
  четверг: 4,
  пятница: 5,
  суббота: 6,
};

const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY_RE = Object.keys(WEEKDAYS).join('|');
const TZ_RE = Object.keys(TIME_ZONES)
  .sort((a, b) => b.length - a.length)
  .join('|');

const ISO_RE =
  /(?<![\d-])(\d{4,6})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d])/;
const NUMERIC_RE = /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{2,6})(?![\d])/;
const MONTH_FIRST_RE = new RegExp(
  `(?<![\\p{L}])(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{1,6})(?![\\d])`,
  'iu',
);
const DAY_FIRST_RE = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})\\.?,?\\s+(\\d{1,6})(?![\\d])(?:\\s*(?:года|г\\.))?`,
  'iu',
);
const TIME_RE = /(?<![\d:.])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*(a\.?m\.?|p\.?m\.?))?(?![\d])/i;
const TZ_AFTER_RE = new RegExp(
  `^\\s*\\(?(?:(${TZ_RE})(?![\\p{L}])\\s*(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?|([+-])(\\d{1,2}):?(\\d{2}))\\)?`,
  'u',
);
const TZ_ANYWHERE_RE = new RegExp(`(?<![\\p{L}])(${TZ_RE})(?![\\p{L}])`, 'u');
const WEEKDAY_ANY_RE = new RegExp(`(?<![\\p{L}])(${WEEKDAY_RE})(?![\\p{L}])`, 'iu');

/** A date read from a header line. */
export interface ParsedDateLine {
  /** `YYYY-MM-DDTHH:MM:SSZ` when a time was given, else `YYYY-MM-DD`. */
  value: string;
  /** The calendar day as written (the local day of the writer), `YYYY-MM-DD`. */
  localDay: string;
  hasTime: boolean;
  /** True when a time was given without a zone (then read as UTC). */
  zoneMissing: boolean;
  /** Offsets of the date (and time) within the line. */
  start: number;
  end: number;
  /** Notes that do not invalidate the value (weekday mismatch, ambiguous day/month order). */
  notes: string[];
}

/** A date-like text that cannot be right, with the reason in words. */
export interface DateLineProblem {
  problem: string;
  start: number;
  end: number;
}

/**
 * Reads the first date in `line`. Returns null when the line holds no date, a {@link DateLineProblem} when it
 * holds one that cannot be right (year 20202, 31 September, 25:61), else the date.
 */
export function parseDateLine(line: string): ParsedDateLine | DateLineProblem | null {
  const candidates: {
    index: number;
    length: number;
    y: string;
    m: number;
    d: number;
    note?: string;
    iso?: RegExpExecArray;
  }[] = [];
  const iso = ISO_RE.exec(line);
  if (iso)
    candidates.push({ index: iso.index, length: iso[0].length, y: iso[1], m: +iso[2], d: +iso[3], iso });
  const mf = MONTH_FIRST_RE.exec(line);
  if (mf)
    candidates.push({
      index: mf.index,
      length: mf[0].length,
      y: mf[3],
      m: MONTHS[mf[1].toLowerCase()],
      d: +mf[2],
    });
  const df = DAY_FIRST_RE.exec(line);
  if (df)
    candidates.push({
      index: df.index,
      length: df[0].length,
      y: df[3],
      m: MONTHS[df[2].toLowerCase()],
      d: +df[1],
    });
  const num = NUMERIC_RE.exec(line);
  if (num) {
    const a = +num[1];
    const b = +num[3];
    // Day first is the usual order outside the United States; month first only when the day cannot be a month.
    let d = a;
    let m = b;
    let note: string | undefined;
    if (b > 12 && a <= 12) {
      d = b;
      m = a;
    } else if (a <= 12 && b <= 12 && a !== b) {
      note = `"${num[0]}" could be day/month or month/day: read as day/month`;
    }
    const y = num[4].length === 2 ? `20${num[4]}` : num[4];
    candidates.push({ index: num.index, length: num[0].length, y, m, d, note });
  }
  if (candidates.length === 0) return null;
  candidates.sort((p, q) => p.index - q.index);
  const c = candidates[0];
  let start = c.index;
  let end = c.index + c.length;

  const year = Number(c.y);
  if (c.y.length !== 4 || year < 1800 || year > 2100) {
    return { problem: `year ${c.y} cannot be right`, start, end };
  }
  if (c.m < 1 || c.m > 12) return { problem: `month ${c.m} does not exist`, start, end };
  const dim = daysInMonth(year, c.m);
  if (c.d < 1 || c.d > dim) {
    return { problem: `${MONTH_NAMES_EN[c.m - 1]} ${year} has ${dim} days, not ${c.d}`, start, end };
  }
  const notes: string[] = c.note ? [c.note] : [];

  // Time: inside an ISO stamp, or anywhere else on the line ("14:43 IST, October 31st 2020", "at 10:54").
  let hour: number | null = null;
  let minute = 0;
  let second = 0;
  let offset: number | null = null;
  if (c.iso && c.iso[4] !== undefined) {
    hour = +c.iso[4];
    minute = +c.iso[5];
    second = c.iso[6] ? +c.iso[6] : 0;
    const z = c.iso[7];
    if (z) offset = z === 'Z' ? 0 : parseOffset(z[0], z.slice(1, 3), z.slice(3).replace(':', ''));
  } else {
    const rest = line.slice(0, start) + ' '.repeat(c.length) + line.slice(end);
    const t = TIME_RE.exec(rest);
    if (t) {
      hour = +t[1];
      minute = +t[2];
      second = t[3] ? +t[3] : 0;
      const mer = t[4]?.toLowerCase().replace(/\./g, '');
      if (mer) {
        if (hour < 1 || hour > 12)
          return { problem: `time ${t[0]} cannot be right`, start: t.index, end: t.index + t[0].length };
        if (mer === 'pm' && hour < 12) hour += 12;
        if (mer === 'am' && hour === 12) hour = 0;
      }
      start = Math.min(start, t.index);
      end = Math.max(end, t.index + t[0].length);
      const after = TZ_AFTER_RE.exec(rest.slice(t.index + t[0].length));
      if (after) {
        offset = after[1]
          ? TIME_ZONES[after[1].toUpperCase()] +
            (after[2] ? parseOffset(after[2], after[3], after[4] ?? '0') : 0)
          : parseOffset(after[5], after[6], after[7]);
        end = Math.max(end, t.index + t[0].length + after[0].length);
      }
    }
    if (hour !== null && offset === null) {
      const tz = TZ_ANYWHERE_RE.exec(line);
      if (tz) offset = TIME_ZONES[tz[1].toUpperCase()];
    }
  }
  if (hour !== null && (hour > 23 || minute > 59 || second > 59)) {
    return { problem: `time ${pad2(hour)}:${pad2(minute)} cannot be right`, start, end };
  }

  const day = dayOf(year, c.m, c.d);
  const wd = WEEKDAY_ANY_RE.exec(line);
  if (wd && WEEKDAYS[wd[1].toLowerCase()] !== weekdayOf(day)) {
    notes.push(`"${wd[1]}" does not match ${formatDay(day)}, which is a ${weekdayName(weekdayOf(day))}`);
  }
  const localDay = formatDay(day);
  if (hour === null) {
    return { value: localDay, localDay, hasTime: false, zoneMissing: false, start, end, notes };
  }
  const ms = day * 86_400_000 + ((hour * 60 + minute - (offset ?? 0)) * 60 + second) * 1000;
  return {
    value: formatInstant(ms),
    localDay,
    hasTime: true,
    zoneMissing: offset === null,
    start,
    end,
    notes,
  };
}

/** True when `value` is a {@link DateLineProblem}. */
export function isDateLineProblem(value: ParsedDateLine | DateLineProblem | null): value is DateLineProblem {
  return value !== null && 'problem' in value;
}

function parseOffset(sign: string, hours: string, minutes: string): number {
  const v = Number(hours) * 60 + Number(minutes || 0);
  return sign === '-' ? -v : v;
}

function weekdayName(wd: number): string {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][wd];
}
