/**
 * Dev-only harness for the timeline adapter (not imported by the app): synthetic events around the 2020
 * war, wired the way the app is meant to wire it. `?theme=dark` switches the theme.
 */
import { formatDay, parseDay } from '../../data/dates';
import { EVENT_TYPES, type AtlasEvent } from '../../data/model';
import { binsInRange, countInRange, createTimeIndex } from '../../data/time-index';
import { Timeline, type RangePhase } from '../timeline';
import type { DayRange } from '../range';

// Seeded generator so that every screenshot shows the same bars.
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(42);
const first = parseDay('2020-09-20')!;
const last = parseDay('2020-11-20')!;
const events: AtlasEvent[] = [];
for (let i = 0; i < 900; i++) {
  // More events during the war (27 Sep - 10 Nov) than around it.
  const inWar = random() < 0.85;
  const day = inWar
    ? parseDay('2020-09-27')! + Math.floor(random() * 45)
    : first + Math.floor(random() * (last - first + 1));
  events.push({
    id: `e${i}`,
    date: formatDay(day),
    dateEnd: null,
    datePrecision: 'day',
    type: EVENT_TYPES[Math.floor(random() ** 2 * EVENT_TYPES.length)],
    summary: `event ${i}`,
    placeId: null,
    actorIds: [],
    targetActorIds: [],
    sources: [],
  });
}

const theme = new URLSearchParams(location.search).get('theme') === 'dark' ? 'dark' : 'light';
document.documentElement.dataset.theme = theme;
const index = createTimeIndex(events);
const domain: DayRange = [first, last];
const bins = binsInRange(index, first, last);
let range: DayRange = [parseDay('2020-10-01')!, parseDay('2020-10-10')!];
const log: string[] = [];
const out = document.getElementById('log')!;
const label = document.getElementById('range')!;

const timeline = new Timeline(document.getElementById('timeline')!, {
  onRangeChange(from: number, to: number, phase: RangePhase) {
    log.push(`${phase} ${formatDay(from)} ${formatDay(to)}`);
    out.textContent = log.slice(-12).join('\n');
    range = [from, to];
    render();
  },
});

function render() {
  label.textContent = `${formatDay(range[0])} to ${formatDay(range[1])}: ${countInRange(index, range[0], range[1])} events`;
  timeline.update({ domain, range, bins, theme });
}

document.getElementById('play')!.addEventListener('click', () => {
  range = [range[0] + 1, range[1] + 1];
  render();
});

render();
Object.assign(window, { __timelineLog: log, __timeline: timeline });
