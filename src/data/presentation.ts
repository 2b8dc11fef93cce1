/**
 * Presentation mode's pure logic: the steps a briefer walks through (a named narrative, or the events of a
 * range in date order), the key → step reducer and what each step does to the view's range. No DOM here:
 * the UI feeds keys in and applies the results.
 */
import type { AtlasEvent, Narrative, NarrativeStep } from './model';

/** One step of a presentation: an event, with the narrative's note and camera when it has them. */
export interface PresentationStep {
  eventId: string;
  /** The event's first day, YYYY-MM-DD: where the step moves the range end. */
  date: string;
  note?: string;
  camera?: NarrativeStep['camera'];
}

/** What is presented: the range's events (`id` `range`) or a narrative (its id). */
export interface PresentationDeck {
  id: string;
  title: string;
  steps: PresentationStep[];
}

/** Id of the deck made of the range's events. */
export const RANGE_DECK_ID = 'range';

/**
 * The steps of a range: its dated events in date order (ties keep their input order, so the deck matches
 * the event list). Undated events have no place on the timeline and are left out.
 */
export function createRangeSteps(events: readonly AtlasEvent[]): PresentationStep[] {
  return events
    .map((event, i) => ({ event, i }))
    .filter((x): x is { event: AtlasEvent & { date: string }; i: number } => x.event.date != null)
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.i - b.i))
    .map(({ event }) => ({ eventId: event.id, date: event.date }));
}

/** A narrative's steps, and the event ids it names that the data lacks (or that have no date). */
export interface NarrativeSteps {
  steps: PresentationStep[];
  missing: string[];
}

/**
 * The steps of a narrative, in the narrative's order (a story may go back in time). A step whose event is
 * not in the data, or is undated, is dropped and reported, so a narrative written for a fuller data set
 * still plays.
 */
export function createNarrativeSteps(
  narrative: Narrative,
  eventsById: ReadonlyMap<string, AtlasEvent>,
): NarrativeSteps {
  const steps: PresentationStep[] = [];
  const missing: string[] = [];
  for (const step of narrative.steps) {
    const event = eventsById.get(step.eventId);
    if (!event?.date) {
      missing.push(step.eventId);
      continue;
    }
    steps.push({
      eventId: step.eventId,
      date: event.date,
      ...(step.note ? { note: step.note } : {}),
      ...(step.camera ? { camera: step.camera } : {}),
    });
  }
  return { steps, missing };
}

/** A step number (1-based, as in the URL's `step`) brought into 1..count; 0 when there are no steps. */
export function clampStep(step: number | null | undefined, count: number): number {
  if (count <= 0) return 0;
  if (step == null || !Number.isFinite(step)) return 1;
  return Math.min(count, Math.max(1, Math.round(step)));
}

/** What a key does in presentation mode. */
export type PresentationAction = { kind: 'go'; step: number } | { kind: 'exit' } | { kind: 'toggle-play' };

/** The key and its modifiers, as a keyboard event gives them. */
export interface KeyPress {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The presentation's keys: → / Space / PageDown next, ← / PageUp back, Home / End first and last, Esc
 * leaves, `p` plays or pauses. Null when the key means nothing here, or when it would not move (next on the
 * last step), so the caller leaves the browser's default alone. Keys with Alt, Ctrl or Meta are the
 * browser's (Alt+← is Back).
 */
export function reducePresentationKey(
  press: KeyPress,
  step: number,
  count: number,
): PresentationAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  const go = (target: number): PresentationAction | null => {
    const next = clampStep(target, count);
    return count > 0 && next !== step ? { kind: 'go', step: next } : null;
  };
  switch (press.key) {
    case 'ArrowRight':
    case ' ':
    case 'Spacebar':
    case 'PageDown':
      return go(step + 1);
    case 'ArrowLeft':
    case 'PageUp':
      return go(step - 1);
    case 'Home':
      return go(1);
    case 'End':
      return go(count);
    case 'Escape':
    case 'Esc':
      return { kind: 'exit' };
    case 'p':
    case 'P':
      return { kind: 'toggle-play' };
    default:
      return null;
  }
}

/** The step after `step` during playback, or null at the end (playback stops there). */
export function nextPlayStep(step: number, count: number): number | null {
  return step < count ? step + 1 : null;
}

/**
 * The range a step shows, in days: its end moves to the step's day (so the territory shading shows that
 * day); its start stays, unless the step lies before it.
 */
export function stepRange(from: number, stepDay: number): [number, number] {
  return [Math.min(from, stepDay), stepDay];
}

/**
 * The last day of the range deck. It is the range's end when presenting starts; a page opened at a step
 * (a reload, a shared link) no longer knows it, because every step moved the range end, so it takes the
 * data's last day. The range's events in date order are a prefix of that longer deck, so step N is still
 * the same event.
 */
export function resolveDeckEnd(rangeEnd: number, openedAtStep: boolean, lastDay: number): number {
  return openedAtStep ? Math.max(rangeEnd, lastDay) : rangeEnd;
}

/** Playback speeds: seconds each step stays on screen. */
export const PLAY_SPEEDS = [
  { label: 'Slow', seconds: 10 },
  { label: 'Normal', seconds: 6 },
  { label: 'Fast', seconds: 3 },
] as const;
