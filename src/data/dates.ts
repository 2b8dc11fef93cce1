/**
 * Calendar days in UTC, as day numbers: whole days since 1970-01-01 (day 0). Integers compare, subtract
 * and index arrays cheaply, which is why the time index and the timeline work in them rather than in
 * `Date`s or strings. Nothing here depends on the machine's time zone.
 */

/** Milliseconds in one UTC day. */
export const DAY_MS = 86_400_000;

/** The earliest year `parseDay` accepts (the URL schema uses the same bounds). */
export const MIN_YEAR = 1000;
/** The latest year `parseDay` accepts: anything later is a typo such as "20202". */
export const MAX_YEAR = 2999;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` into a day number. Returns null for anything that is not a real calendar day
 * between years {@link MIN_YEAR} and {@link MAX_YEAR}: `2020-02-30`, `2020-13-01`, `20202-01-01`,
 * `2020-1-5`, or a full timestamp.
 */
export function parseDay(text: string): number | null {
  const m = DAY_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 30 February over into March; a real day survives the round trip unchanged.
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** True when `text` is a valid `YYYY-MM-DD` day (see {@link parseDay}). */
export function isValidDay(text: string): boolean {
  return parseDay(text) !== null;
}

/** The UTC midnight that starts `day`. */
export function dayToDate(day: number): Date {
  return new Date(day * DAY_MS);
}

/** The UTC day that contains the instant `date` (times of day are dropped, not rounded). */
export function dateToDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: number, n: number): number {
  return day + n;
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  const d = dayToDate(day);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

/** The locale used when none is given: day, month name, year ("31 October 2020"). */
export const DEFAULT_LOCALE = 'en-GB';

const longFormats = new Map<string, Intl.DateTimeFormat>();

function longFormat(locale: string): Intl.DateTimeFormat {
  let format = longFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    } catch {
      // A malformed locale tag (it may come from a URL or a browser setting) must not break the page.
      format = longFormat(DEFAULT_LOCALE);
    }
    longFormats.set(locale, format);
  }
  return format;
}

/**
 * Formats a day for people, in the reader's language: "31 October 2020" in `en-GB`, "October 31, 2020"
 * in `en-US`, "31 октября 2020 г." in `ru`. An invalid locale falls back to {@link DEFAULT_LOCALE}.
 * @param locale BCP 47 tag. @default 'en-GB'
 */
export function formatDayLong(day: number, locale: string = DEFAULT_LOCALE): string {
  return longFormat(locale).format(dayToDate(day));
}
