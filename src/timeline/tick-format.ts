/**
 * Axis labels in the reader's language. d3-time-format's default multi-scale format is English-only and
 * knows no day-month order, so the labels come from `Intl.DateTimeFormat` instead, in UTC.
 */
import { DEFAULT_LOCALE } from '../data/dates';

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  } catch {
    return new Intl.DateTimeFormat(DEFAULT_LOCALE, { ...options, timeZone: 'UTC' });
  }
}

/**
 * A label for each tick at a UTC midnight: the year on 1 January ("2020"), the month on the 1st ("Oct"),
 * else day and month ("12 Oct").
 * @param locale BCP 47 tag. @default 'en-GB'
 */
export function createTickFormat(locale: string = DEFAULT_LOCALE): (date: Date) => string {
  const year = formatter(locale, { year: 'numeric' });
  const month = formatter(locale, { month: 'short' });
  const dayMonth = formatter(locale, { day: 'numeric', month: 'short' });
  return (date) => {
    if (date.getUTCDate() !== 1) return dayMonth.format(date);
    return date.getUTCMonth() === 0 ? year.format(date) : month.format(date);
  };
}

/** Keeps the ticks that fall on a UTC midnight: a day is the finest unit the timeline shows. */
export function dayTicks(ticks: readonly Date[]): Date[] {
  return ticks.filter((t) => t.getTime() % 86_400_000 === 0);
}

/** Keeps every second, third... tick so that at most `max` remain (d3's tick count is only a hint). */
export function thinTicks<T>(ticks: readonly T[], max: number): T[] {
  const every = Math.max(1, Math.ceil(ticks.length / Math.max(1, max)));
  return ticks.filter((_, i) => i % every === 0);
}
