import { describe, expect, it } from 'vitest';
import type { AtlasEvent, Narrative } from './model';
import {
  clampStep,
  createNarrativeSteps,
  createRangeSteps,
  nextPlayStep,
  reducePresentationKey,
  resolveDeckEnd,
  stepRange,
} from './presentation';

function event(id: string, date: string | null): AtlasEvent {
  return {
    id,
    date,
    dateEnd: null,
    datePrecision: 'day',
    type: 'attack',
    summary: id,
    placeId: null,
    actorIds: [],
    targetActorIds: [],
    sources: [],
  };
}

describe('createRangeSteps', () => {
  it('orders dated events by date, keeps ties in input order and drops undated ones', () => {
    const steps = createRangeSteps([
      event('c', '2020-10-10'),
      event('a', '2020-09-27'),
      event('x', null),
      event('b1', '2020-10-01'),
      event('b2', '2020-10-01'),
    ]);
    expect(steps.map((s) => s.eventId)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(steps[0]).toEqual({ eventId: 'a', date: '2020-09-27' });
  });

  it('gives no steps for no events', () => {
    expect(createRangeSteps([])).toEqual([]);
  });
});

describe('createNarrativeSteps', () => {
  const events = new Map(
    [event('start', '2020-09-27'), event('shusha', '2020-11-08'), event('undated', null)].map((e) => [
      e.id,
      e,
    ]),
  );
  const narrative: Narrative = {
    id: 'n',
    title: 'N',
    steps: [
      { eventId: 'shusha', note: 'Shusha / Shushi', camera: { lon: 46.75, lat: 39.76, zoom: 11 } },
      { eventId: 'gone' },
      { eventId: 'start' },
      { eventId: 'undated' },
    ],
  };

  it("keeps the narrative's order, notes and cameras, with each event's date", () => {
    const { steps } = createNarrativeSteps(narrative, events);
    expect(steps).toEqual([
      {
        eventId: 'shusha',
        date: '2020-11-08',
        note: 'Shusha / Shushi',
        camera: { lon: 46.75, lat: 39.76, zoom: 11 },
      },
      { eventId: 'start', date: '2020-09-27' },
    ]);
  });

  it('reports the events the data lacks or cannot place in time', () => {
    expect(createNarrativeSteps(narrative, events).missing).toEqual(['gone', 'undated']);
  });
});

describe('clampStep', () => {
  it.each([
    [null, 5, 1],
    [3, 5, 3],
    [0, 5, 1],
    [-2, 5, 1],
    [9, 5, 5],
    [2.6, 5, 3],
    [Number.NaN, 5, 1],
    [4, 0, 0],
  ])('step %s of %s steps is %s', (step, count, expected) => {
    expect(clampStep(step, count)).toBe(expected);
  });
});

describe('reducePresentationKey', () => {
  it.each([
    ['ArrowRight', 2, { kind: 'go', step: 3 }],
    [' ', 2, { kind: 'go', step: 3 }],
    ['PageDown', 2, { kind: 'go', step: 3 }],
    ['ArrowLeft', 2, { kind: 'go', step: 1 }],
    ['PageUp', 2, { kind: 'go', step: 1 }],
    ['Home', 4, { kind: 'go', step: 1 }],
    ['End', 2, { kind: 'go', step: 5 }],
    ['Escape', 2, { kind: 'exit' }],
    ['p', 2, { kind: 'toggle-play' }],
  ])('%j on step %i of 5 gives %j', (key, step, expected) => {
    expect(reducePresentationKey({ key }, step, 5)).toEqual(expected);
  });

  it.each([
    ['ArrowRight', 5],
    ['End', 5],
    ['ArrowLeft', 1],
    ['Home', 1],
    ['Enter', 3],
    ['a', 3],
  ])('%j on step %i of 5 does nothing', (key, step) => {
    expect(reducePresentationKey({ key }, step, 5)).toBeNull();
  });

  it("leaves the browser's shortcuts alone", () => {
    expect(reducePresentationKey({ key: 'ArrowLeft', altKey: true }, 3, 5)).toBeNull();
    expect(reducePresentationKey({ key: 'End', ctrlKey: true }, 3, 5)).toBeNull();
    expect(reducePresentationKey({ key: 'ArrowRight', metaKey: true }, 3, 5)).toBeNull();
  });

  it('still leaves with Esc when there are no steps', () => {
    expect(reducePresentationKey({ key: 'ArrowRight' }, 0, 0)).toBeNull();
    expect(reducePresentationKey({ key: 'Escape' }, 0, 0)).toEqual({ kind: 'exit' });
  });
});

describe('playback and ranges', () => {
  it('plays to the last step, then stops', () => {
    expect(nextPlayStep(1, 3)).toBe(2);
    expect(nextPlayStep(3, 3)).toBeNull();
  });

  it("moves the range end to the step's day and the start only when the step is before it", () => {
    expect(stepRange(100, 130)).toEqual([100, 130]);
    expect(stepRange(100, 90)).toEqual([90, 90]);
  });

  it("presents to the range's end, or to the data's end when opened at a step", () => {
    expect(resolveDeckEnd(130, false, 400)).toBe(130);
    expect(resolveDeckEnd(130, true, 400)).toBe(400);
  });
});
