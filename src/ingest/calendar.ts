/**
 * Calendar arithmetic on whole days. A day is an integer: days since 1970-01-01 in the proleptic Gregorian
 * calendar, with no time zone attached, so that "the calendar day an article was written" never shifts.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date. Months are 1-based. */
export function dayOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/** Calendar date of a day number. */
export function ymdOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const { year, month, day: dd } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dd)}`;
}

/** Day number of a `YYYY-MM-DD` string (or of the date part of an ISO instant); null when malformed. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayOf(y, mo, d);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/** Monday of the ISO week that holds `day`. */
export function mondayOf(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** `YYYY-MM-DDTHH:MM:SSZ` for a time in milliseconds since the epoch (no fraction: articles give minutes). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
