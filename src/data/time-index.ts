/**
 * The time index: events sorted by day once, kept in typed-array columns, so that everything the timeline
 * slider asks for on its hot path (which events are in the range, how many, of which type) is a binary
 * search rather than a scan of every event.
 *
 * Range semantics: a range `[from, to]` is inclusive of both days, and an event is in the range when its
 * own days overlap it (`day <= to && dayEnd >= from`): a three-day battle that started before `from` and
 * ended inside the range is in it, which is what a reader expects. Single-day events (nearly all of them)
 * are simply "on a day within the range". Histogram bins are the one place where an event counts once, on
 * its first day, so that bars add up to the number of events.
 */
import { EVENT_TYPES, type AtlasEvent } from './model';
import { parseDay } from './dates';

/** Number of event types: the length of every per-type `counts` array. */
export const TYPE_COUNT = EVENT_TYPES.length;

const OTHER = EVENT_TYPES.indexOf('other');

/** One day of the histogram: how many events start on `day`, per type in {@link EVENT_TYPES} order. */
export interface TimeBin {
  day: number;
  counts: number[];
}

/** Events sorted by day, in columns. All column arrays are indexed by sorted position. */
export interface TimeIndex {
  /** The events the index was built from, in their original order (`order` points into it). */
  readonly events: readonly AtlasEvent[];
  /** Number of dated events: the length of every column. */
  readonly size: number;
  /** Events left out because their date is null. */
  readonly undated: number;
  /** Events left out because their date is not a valid `YYYY-MM-DD` day (see `parseDay`). */
  readonly invalidDate: number;
  /** First day of each event, ascending (ties keep the original order). */
  readonly day: Int32Array;
  /** Last day of each event (inclusive); equals `day` for single-day events and for unusable ends. */
  readonly dayEnd: Int32Array;
  /** Index into {@link EVENT_TYPES}; unknown types count as `other`. */
  readonly type: Uint8Array;
  /** Original index in `events` of the event at each sorted position. */
  readonly order: Uint32Array;
  /** Running maximum of `dayEnd` over positions `0..i`: lets `rangeIndices` find its lower bound by search. */
  readonly maxDayEnd: Int32Array;
  /** All `dayEnd` values ascending: the second sorted index that makes overlap counts exact. */
  readonly endsSorted: Int32Array;
  /** Per type `t`, `starts`/`ends` hold that type's days in `typeOffsets[t] .. typeOffsets[t + 1]`. */
  readonly typeOffsets: Uint32Array;
  readonly startsByType: Int32Array;
  readonly endsByType: Int32Array;
  /** First day of the earliest event, or null when no event has a date. */
  readonly firstDay: number | null;
  /** Last day of the latest-ending event, or null when no event has a date. */
  readonly lastDay: number | null;
  /**
   * Events per day and type by first day, over `firstDay..lastDay`: `bins[(d - firstDay) * TYPE_COUNT + t]`.
   * Costs 40 bytes per day of the span (15 kB for a year).
   */
  readonly bins: Uint32Array;
}

/** First position whose value is >= `x` in an ascending array. */
export function lowerBound(values: ArrayLike<number>, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > `x` in an ascending array. */
export function upperBound(values: ArrayLike<number>, x: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the index. O(n log n), once per data load; `events` is not modified. */
export function createTimeIndex(events: readonly AtlasEvent[]): TimeIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const kept: number[] = [];
  let undated = 0;
  let invalidDate = 0;
  events.forEach((event, i) => {
    if (event.date == null) {
      undated++;
      return;
    }
    const start = parseDay(event.date);
    if (start === null) {
      invalidDate++;
      return;
    }
    // An end before the start is a data error; the start alone is the conservative reading.
    const end = event.dateEnd == null ? start : (parseDay(event.dateEnd) ?? start);
    starts.push(start);
    ends.push(Math.max(start, end));
    kept.push(i);
  });

  const size = kept.length;
  // Sort positions into `kept`; ties on the day keep the original order so the result is deterministic.
  const byDay = Array.from({ length: size }, (_, k) => k).sort((a, b) => starts[a] - starts[b] || a - b);

  const day = new Int32Array(size);
  const dayEnd = new Int32Array(size);
  const type = new Uint8Array(size);
  const order = new Uint32Array(size);
  const maxDayEnd = new Int32Array(size);
  const typeOffsets = new Uint32Array(TYPE_COUNT + 1);
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  byDay.forEach((k, pos) => {
    const original = kept[k];
    const t = EVENT_TYPES.indexOf(events[original].type);
    day[pos] = starts[k];
    dayEnd[pos] = ends[k];
    type[pos] = t < 0 ? OTHER : t;
    order[pos] = original;
    maxDayEnd[pos] = pos === 0 ? ends[k] : Math.max(maxDayEnd[pos - 1], ends[k]);
    typeOffsets[type[pos] + 1]++;
    firstDay = firstDay === null ? starts[k] : Math.min(firstDay, starts[k]);
    lastDay = lastDay === null ? ends[k] : Math.max(lastDay, ends[k]);
  });
  for (let t = 0; t < TYPE_COUNT; t++) typeOffsets[t + 1] += typeOffsets[t];

  const endsSorted = dayEnd.slice().sort();
  const startsByType = new Int32Array(size);
  const endsByType = new Int32Array(size);
  const fill = typeOffsets.slice(0, TYPE_COUNT);
  for (let pos = 0; pos < size; pos++) {
    const slot = fill[type[pos]]++;
    startsByType[slot] = day[pos];
    endsByType[slot] = dayEnd[pos];
  }
  // Starts are already ascending within each type (they were filled in day order); ends are not.
  for (let t = 0; t < TYPE_COUNT; t++) endsByType.subarray(typeOffsets[t], typeOffsets[t + 1]).sort();

  const spanDays = firstDay === null || lastDay === null ? 0 : lastDay - firstDay + 1;
  const bins = new Uint32Array(spanDays * TYPE_COUNT);
  if (firstDay !== null) {
    for (let pos = 0; pos < size; pos++) bins[(day[pos] - firstDay) * TYPE_COUNT + type[pos]]++;
  }

  return {
    events,
    size,
    undated,
    invalidDate,
    day,
    dayEnd,
    type,
    order,
    maxDayEnd,
    endsSorted,
    typeOffsets,
    startsByType,
    endsByType,
    firstDay,
    lastDay,
    bins,
  };
}

/** Sorted positions `[lo, hi)`; empty when `lo >= hi`. */
export interface IndexRange {
  lo: number;
  hi: number;
}

/**
 * The smallest run of sorted positions `[lo, hi)` that holds every event overlapping `[from, to]`, by
 * binary search (O(log n)). Every event that starts on a day in the range is inside and every event
 * outside the run is out of range; the run is exact (holds only events in range) unless a multi-day event
 * that started before `from` is in it, because then the single-day events between its start and `from` sit
 * in the run too. `countInRange(index, from, to) === hi - lo` tells whether it is exact; where it is not,
 * test each position with {@link isInRange} (a GPU layer can do the same with a `dayEnd` attribute).
 */
export function rangeIndices(index: TimeIndex, from: number, to: number): IndexRange {
  if (from > to) return { lo: 0, hi: 0 };
  const hi = upperBound(index.day, to);
  const lo = lowerBound(index.maxDayEnd, from, 0, hi);
  return { lo, hi };
}

/** Whether the event at sorted position `pos` overlaps `[from, to]`. */
export function isInRange(index: TimeIndex, pos: number, from: number, to: number): boolean {
  return from <= to && index.day[pos] <= to && index.dayEnd[pos] >= from;
}

/**
 * Number of events overlapping `[from, to]` (both days included). O(log n): the events starting on or
 * before `to`, less those that ended before `from` (an event that ended before `from` started before it).
 */
export function countInRange(index: TimeIndex, from: number, to: number): number {
  if (from > to) return 0;
  return upperBound(index.day, to) - lowerBound(index.endsSorted, from);
}

/** Number of events overlapping `[from, to]` per type, in {@link EVENT_TYPES} order. O(types × log n). */
export function countByTypeInRange(index: TimeIndex, from: number, to: number): number[] {
  const counts = new Array<number>(TYPE_COUNT).fill(0);
  if (from > to) return counts;
  const { typeOffsets, startsByType, endsByType } = index;
  for (let t = 0; t < TYPE_COUNT; t++) {
    const a = typeOffsets[t];
    const b = typeOffsets[t + 1];
    counts[t] = upperBound(startsByType, to, a, b) - lowerBound(endsByType, from, a, b);
  }
  return counts;
}

/**
 * One histogram bin per day of `[from, to]` that lies within the data (`firstDay..lastDay`), days with no
 * event included, each counting the events that start that day. O(days), from the precomputed bins.
 */
export function binsInRange(index: TimeIndex, from: number, to: number): TimeBin[] {
  const { firstDay, lastDay, bins } = index;
  if (firstDay === null || lastDay === null) return [];
  const out: TimeBin[] = [];
  for (let d = Math.max(from, firstDay); d <= Math.min(to, lastDay); d++) {
    const base = (d - firstDay) * TYPE_COUNT;
    out.push({ day: d, counts: Array.from(bins.subarray(base, base + TYPE_COUNT)) });
  }
  return out;
}

/**
 * Filters on top of the time range, combined with AND. A missing or null filter lets everything through;
 * a set (even an empty one) keeps the events that match one of its members.
 */
export interface EventFilters {
  /** Event types to keep (values of {@link EVENT_TYPES}). */
  types?: ReadonlySet<string> | null;
  /** Actor ids to keep: an event matches when one of them is among its actors or its targets. */
  actors?: ReadonlySet<string> | null;
  /** Article ids to keep: an event matches when one of its sources comes from one of them. */
  articles?: ReadonlySet<string> | null;
}

/** The type filter as a bit mask over {@link EVENT_TYPES} (bit `t` set: type `t` shown), for a GPU uniform. */
export function typeMask(types: ReadonlySet<string> | null | undefined): number {
  let mask = 0;
  EVENT_TYPES.forEach((t, i) => {
    if (!types || types.has(t)) mask |= 1 << i;
  });
  return mask;
}

function matchesAny(ids: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const id of ids) if (wanted.has(id)) return true;
  return false;
}

interface Memo {
  from: number;
  to: number;
  filters: EventFilters;
  result: AtlasEvent[];
}

const memos = new WeakMap<TimeIndex, Memo>();

function sameSet(a: ReadonlySet<string> | null | undefined, b: ReadonlySet<string> | null | undefined) {
  if (a === b || (a == null && b == null)) return true;
  if (a == null || b == null || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameFilters(a: EventFilters, b: EventFilters): boolean {
  return sameSet(a.types, b.types) && sameSet(a.actors, b.actors) && sameSet(a.articles, b.articles);
}

/**
 * The events overlapping `[from, to]` that pass `filters`, in date order (ties in input order).
 * Memoised on its inputs: called again with the same index, days and filter contents (new `Set`s with the
 * same members count as the same), it returns the same array, so React can compare by reference.
 */
export function selectEventsInRange(
  index: TimeIndex,
  from: number,
  to: number,
  filters: EventFilters = {},
): AtlasEvent[] {
  const memo = memos.get(index);
  if (memo && memo.from === from && memo.to === to && sameFilters(memo.filters, filters)) return memo.result;

  const { lo, hi } = rangeIndices(index, from, to);
  const mask = typeMask(filters.types);
  const { actors, articles } = filters;
  const result: AtlasEvent[] = [];
  for (let pos = lo; pos < hi; pos++) {
    if (index.dayEnd[pos] < from || !(mask & (1 << index.type[pos]))) continue;
    const event = index.events[index.order[pos]];
    if (actors && !matchesAny(event.actorIds, actors) && !matchesAny(event.targetActorIds, actors)) continue;
    if (articles && !event.sources.some((s) => s.articleId != null && articles.has(s.articleId))) continue;
    result.push(event);
  }
  // Copies, so that a caller mutating its sets later cannot make a stale result look current.
  const copy = (set: ReadonlySet<string> | null | undefined) => (set ? new Set(set) : set);
  memos.set(index, {
    from,
    to,
    filters: { types: copy(filters.types), actors: copy(actors), articles: copy(articles) },
    result,
  });
  return result;
}
