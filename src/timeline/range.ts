/**
 * The timeline's arithmetic, apart from the DOM so that it can be tested in Node.
 *
 * Two units: a *day* is a day number (`src/data/dates.ts`); a *boundary* `b` is the instant day `b` starts
 * (UTC midnight), so day `d` occupies `[d, d + 1)` on the axis. A range `[from, to]` is inclusive of both
 * days and is drawn from boundary `from` to boundary `to + 1`: a one-day range still has a width.
 */

/** An inclusive pair of day numbers, `from <= to`. */
export type DayRange = readonly [from: number, to: number];

/** Which handle a key or a drag moves. */
export type RangeHandle = 'start' | 'end';

/** The visible part of the axis, in boundaries: `[start, end)` with `start < end`, fractional when zoomed. */
export type ViewWindow = readonly [start: number, end: number];

/** Zoom presets of the timeline's buttons. */
export type ZoomPreset = 'all' | 'month' | 'week';

/** Days shown by the zoom presets (a "month" is 30 days around the range, not a calendar month). */
export const PRESET_DAYS: Record<Exclude<ZoomPreset, 'all'>, number> = { month: 30, week: 7 };

/** The fewest days the axis may be zoomed in to: one week, so that every day stays a readable bar. */
export const MIN_VIEW_DAYS = 7;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Puts a range inside the domain with `from <= to`; the ends are swapped when given the wrong way round. */
export function clampRange(range: DayRange, domain: DayRange): DayRange {
  const [a, b] = range[0] <= range[1] ? range : [range[1], range[0]];
  const from = clamp(Math.round(a), domain[0], domain[1]);
  const to = clamp(Math.round(b), from, domain[1]);
  return [from, to];
}

const STEPS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: -7,
  PageUp: 7,
};

/** Whether `applyRangeKey` acts on `key` (a `KeyboardEvent.key`). */
export function isRangeKey(key: string): boolean {
  return key in STEPS || key === 'Home' || key === 'End';
}

/**
 * The range after a key press on one handle, as a slider does it: ← ↓ one day back, → ↑ one day on,
 * PageDown / PageUp a week, Home / End to the domain's ends. The start never passes the end nor the end
 * the start: they stop on the same day. Returns `range` itself for keys it does not handle and when the
 * handle cannot move, so callers can compare by reference.
 */
export function applyRangeKey(range: DayRange, domain: DayRange, key: string, which: RangeHandle): DayRange {
  if (!isRangeKey(key)) return range;
  const [from, to] = range;
  const current = which === 'start' ? from : to;
  const target = key === 'Home' ? domain[0] : key === 'End' ? domain[1] : current + STEPS[key];
  const next =
    which === 'start'
      ? clamp(target, domain[0], Math.min(to, domain[1]))
      : clamp(target, Math.max(from, domain[0]), domain[1]);
  if (next === current) return range;
  return which === 'start' ? [next, to] : [from, next];
}

/**
 * The range while a handle is dragged to `boundary` (fractional; rounded to the nearest day boundary):
 * the start handle sits on boundary `from`, the end handle on boundary `to + 1`.
 */
export function dragHandle(
  range: DayRange,
  domain: DayRange,
  which: RangeHandle,
  boundary: number,
): DayRange {
  const b = Math.round(boundary);
  const [from, to] = range;
  if (which === 'start') return [clamp(b, domain[0], Math.min(to, domain[1])), to];
  return [from, clamp(b - 1, Math.max(from, domain[0]), domain[1])];
}

/** The range moved by `days` (rounded), same width, stopping at the domain's ends. */
export function panRange(range: DayRange, domain: DayRange, days: number): DayRange {
  const [from, to] = range;
  const delta = clamp(Math.round(days), domain[0] - from, domain[1] - to);
  return delta === 0 ? range : [from + delta, to + delta];
}

/** The range of the same width centred on `day` (the earlier day of the two middles), inside the domain. */
export function centerRangeOn(range: DayRange, domain: DayRange, day: number): DayRange {
  const [from, to] = range;
  const start = Math.round(day) - Math.floor((to - from) / 2);
  return panRange(range, domain, start - from);
}

/** The whole domain as a view window. */
export function fullView(domain: DayRange): ViewWindow {
  return [domain[0], domain[1] + 1];
}

/** Moves a view window by as little as possible to lie inside the domain (narrowing it only if wider). */
export function clampView(view: ViewWindow, domain: DayRange): ViewWindow {
  const [lo, hi] = fullView(domain);
  const width = Math.min(view[1] - view[0], hi - lo);
  const start = clamp(view[0], lo, hi - width);
  return [start, start + width];
}

/**
 * The view a zoom button asks for: the whole domain, or a month or a week centred on the range's middle.
 * A domain shorter than the preset is shown whole.
 */
export function presetView(preset: ZoomPreset, range: DayRange, domain: DayRange): ViewWindow {
  if (preset === 'all') return fullView(domain);
  const days = PRESET_DAYS[preset];
  const middle = (range[0] + range[1] + 1) / 2;
  return clampView([middle - days / 2, middle + days / 2], domain);
}

/**
 * The view moved by as little as possible so that boundaries `[a, b]` are visible; when they do not fit,
 * `b` is kept in view (the range's end is the date the map shows). Returns `view` itself when no move is
 * needed, so callers can compare by reference.
 */
export function panViewToShow(view: ViewWindow, domain: DayRange, a: number, b: number): ViewWindow {
  const width = view[1] - view[0];
  const lo = Math.max(a, b - width);
  if (lo >= view[0] && b <= view[1]) return view;
  const start = b > view[1] ? b - width : lo;
  return clampView([start, start + width], domain);
}

/** How many axis ticks fit in `width` pixels without labels colliding ("12 Oct" or "2020" at ~11 px). */
export function tickCountForWidth(width: number): number {
  return Math.max(2, Math.floor(width / 90));
}
