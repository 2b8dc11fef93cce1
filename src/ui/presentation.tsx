import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasStore } from '../data/atlas-store';
import { formatDay, parseDay } from '../data/dates';
import { eventPosition } from '../data/event-columns';
import { EVENT_TYPE_STYLES } from '../data/event-style';
import { formatEventDate } from '../data/format-event-date';
import type { AtlasEvent } from '../data/model';
import { formatPlaceName, type NameStyle } from '../data/place-names';
import {
  PLAY_SPEEDS,
  RANGE_DECK_ID,
  clampStep,
  createNarrativeSteps,
  createRangeSteps,
  nextPlayStep,
  reducePresentationKey,
  resolveDeckEnd,
  stepRange,
  type PresentationDeck,
} from '../data/presentation';
import { selectEventsInRange, type EventFilters } from '../data/time-index';
import { TypeMark } from './type-mark';
import './share.css';

/**
 * Zoom of a step whose narrative gives no camera: close enough to see the place with its neighbours in the
 * South Caucasus; wider elsewhere (Brussels, Moscow), where the offline base map has little detail.
 */
function stepZoom(lon: number, lat: number): number {
  const inRegion = lon >= 43 && lon <= 51 && lat >= 38 && lat <= 42.5;
  return inRegion ? 8 : 5;
}

/** What a step asks of the app. */
export interface PresentationChange {
  /** 1-based, as in the URL. */
  step: number;
  /** YYYY-MM-DD: the range whose end is the step's day. */
  from: string;
  to: string;
  eventId: string;
}

export interface PresentationProps {
  store: AtlasStore;
  /** The committed range, in days, when presenting starts: the range deck's events. */
  range: [number, number];
  /** Filters the range deck's events pass (frozen when presenting starts). */
  filters: EventFilters;
  /** The URL's `step` (1-based) or null. */
  step: number | null;
  names: NameStyle;
  /** Move the range, select the event and write `step` to the URL. */
  onStep: (change: PresentationChange) => void;
  /** Fly the map to a step. */
  onCamera: (camera: { lon: number; lat: number; zoom: number }) => void;
  onExit: () => void;
}

/** Whether a key press belongs to the control that has focus rather than to the presentation. */
function isOwnedByControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return true;
  if (target.getAttribute('role') === 'slider') return true;
  // Space and Enter press a focused button; the button does its own thing.
  return target.tagName === 'BUTTON' && (event.key === ' ' || event.key === 'Enter');
}

/**
 * Presentation mode: full screen (Fullscreen API, else the window), large type and high contrast
 * (share.css), stepping through the range's events or a narrative. Each step moves the range end to the
 * event's day, so the territory shading shows that day, selects the event and flies the map to it.
 */
export function Presentation({
  store,
  range,
  filters,
  step,
  names,
  onStep,
  onCamera,
  onExit,
}: PresentationProps) {
  // The deck is fixed when presenting starts: each step moves the range, which must not reshuffle it.
  const [deckRange] = useState<[number, number]>(() => [
    range[0],
    resolveDeckEnd(range[1], step != null, store.index.lastDay ?? range[1]),
  ]);
  const [frozenFilters] = useState(filters);
  const [deckId, setDeckId] = useState(RANGE_DECK_ID);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement != null);

  const decks = useMemo<PresentationDeck[]>(() => {
    const inRange = selectEventsInRange(store.index, deckRange[0], deckRange[1], frozenFilters);
    const byId = new Map(store.sorted.map((e) => [e.id, e]));
    return [
      { id: RANGE_DECK_ID, title: 'Events in the range', steps: createRangeSteps(inRange) },
      ...(store.doc.narratives ?? []).map((n) => ({
        id: n.id,
        title: n.title,
        steps: createNarrativeSteps(n, byId).steps,
      })),
    ];
  }, [store, deckRange, frozenFilters]);
  const deck = decks.find((d) => d.id === deckId) ?? decks[0];
  const count = deck.steps.length;
  const current = clampStep(step, count);
  const currentStep = count > 0 ? deck.steps[current - 1] : null;
  const event: AtlasEvent | undefined = currentStep
    ? store.sorted[store.positionById.get(currentStep.eventId) ?? -1]
    : undefined;

  // The app's callbacks change on every render; steps and the playback timer must not.
  const callbacks = useRef({ onStep, onCamera, onExit });
  useEffect(() => {
    callbacks.current = { onStep, onCamera, onExit };
  });

  const go = useCallback(
    (n: number) => {
      const { onStep, onCamera } = callbacks.current;
      const target = deck.steps[n - 1];
      const day = target ? parseDay(target.date) : null;
      const e = target && store.sorted[store.positionById.get(target.eventId) ?? -1];
      if (!target || day == null || !e) return;
      const [a, b] = stepRange(deckRange[0], day);
      onStep({ step: n, from: formatDay(a), to: formatDay(b), eventId: target.eventId });
      const position = eventPosition(e, store.places);
      if (target.camera) onCamera(target.camera);
      else if (position)
        onCamera({ lon: position[0], lat: position[1], zoom: stepZoom(position[0], position[1]) });
    },
    [deck, deckRange, store],
  );

  // The latest values for the listeners bound once below.
  const latest = useRef({ go, current, count });
  useEffect(() => {
    latest.current = { go, current, count };
  });

  // Opening shows the URL's step, else the first; switching decks starts the new one at its first step.
  const initialStep = useRef(step);
  useEffect(() => {
    const { go, count } = latest.current;
    go(clampStep(initialStep.current, count));
    initialStep.current = null;
  }, [deckId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isOwnedByControl(e)) return;
      const { go, current, count } = latest.current;
      const action = reducePresentationKey(e, current, count);
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'go') go(action.step);
      else if (action.kind === 'exit') callbacks.current.onExit();
      else setPlaying((p) => !p);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Full screen where the browser allows it (it needs a recent click); else the layout fills the window.
  // Leaving full screen (the browser's own Esc) leaves the presentation.
  const entered = useRef(false);
  const requestFullscreen = useCallback(() => {
    const root = document.documentElement;
    if (!root.requestFullscreen || document.fullscreenElement) return;
    root
      .requestFullscreen()
      .then(() => {
        entered.current = true;
      })
      .catch(() => {
        entered.current = false;
      });
  }, []);
  // Keyboard users start on Next: Space and Enter press it, the arrows and Page keys work from there too.
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);

  useEffect(() => {
    const onChange = () => {
      const on = document.fullscreenElement != null;
      setFullscreen(on);
      if (!on && entered.current) {
        entered.current = false;
        callbacks.current.onExit();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    requestFullscreen();
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      entered.current = false;
    };
  }, [requestFullscreen]);

  // Hands-free: each step stays for the chosen time, then the next; playback stops on the last step.
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(() => {
      const next = nextPlayStep(current, count);
      if (next == null) setPlaying(false);
      else go(next);
    }, PLAY_SPEEDS[speed].seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [playing, speed, current, count, go]);

  const style = event ? EVENT_TYPE_STYLES.find((s) => s.type === event.type) : undefined;
  const place = event?.placeId ? store.places.get(event.placeId) : undefined;
  const outlets = event ? [...new Set(event.sources.flatMap((s) => (s.outlet ? [s.outlet] : [])))] : [];

  return (
    <section className="presentation" aria-label="Presentation">
      <div className="presentation-card" aria-live="polite" aria-atomic="true">
        {deck.id !== RANGE_DECK_ID && <p className="presentation-deck">{deck.title}</p>}
        {event && currentStep ? (
          <>
            <p className="presentation-meta">
              <span className="presentation-count">
                Step {current} of {count}
              </span>
              {' · '}
              <time dateTime={currentStep.date}>{formatEventDate(event)}</time>
              {style && (
                <>
                  {' · '}
                  <TypeMark type={event.type} size={18} /> {style.label}
                </>
              )}
              {place && ` · ${formatPlaceName(place, names)}`}
            </p>
            <h2 className="presentation-summary">{event.summary}</h2>
            {currentStep.note && <p className="presentation-note">{currentStep.note}</p>}
            <p className="presentation-sources">
              {outlets.length > 0 ? `Reported by ${outlets.join(', ')}` : `${event.sources.length} source(s)`}
            </p>
          </>
        ) : (
          <p className="presentation-summary">There are no dated events in the range to present.</p>
        )}
      </div>
      <div className="presentation-bar" role="toolbar" aria-label="Presentation controls">
        <label>
          <span className="visually-hidden">Steps</span>
          <select
            value={deck.id}
            onChange={(e) => {
              setPlaying(false);
              setDeckId(e.target.value);
              // The arrow keys are the presentation's again, not the list's.
              nextRef.current?.focus();
            }}
          >
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.steps.length})
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => go(current - 1)} disabled={current <= 1}>
          ← Previous
        </button>
        <button type="button" ref={nextRef} onClick={() => go(current + 1)} disabled={current >= count}>
          Next →
        </button>
        <button
          type="button"
          aria-pressed={playing}
          onClick={() => setPlaying((p) => !p)}
          disabled={count < 2}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          <span className="visually-hidden">Speed</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {PLAY_SPEEDS.map((s, i) => (
              <option key={s.label} value={i}>
                {s.label} ({s.seconds} s a step)
              </option>
            ))}
          </select>
        </label>
        {!fullscreen && (
          <button type="button" onClick={requestFullscreen}>
            Full screen
          </button>
        )}
        <button type="button" onClick={onExit}>
          Exit <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
