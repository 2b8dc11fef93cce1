/**
 * Synthetic events for measuring the atlas at scale (10k to 1M events; docs/performance.md). Seeded and
 * deterministic: the same options give the same events, in Node and in the browser, so a benchmark run can
 * be reproduced and the CLI's file equals what the bench page generates in memory.
 *
 * The events are shaped like a large ACLED or GDELT extract of the region: clustered around the
 * gazetteer's places (front-line towns weigh most), spread over years with bursts around the real escalations,
 * with plausible types and actors. They are not reporting: every summary says "Synthetic", the source outlet
 * is `synthetic`, and nothing here may be shown as fact.
 */
import { gazetteer } from '../../geo/gazetteer';
import { formatDay, parseDay } from './dates';
import type { Actor, ActorKind, AtlasDocument, AtlasEvent, EventType, Place } from './model';

/** What to generate. */
export interface SyntheticOptions {
  /** Number of events (a non-negative integer). */
  count: number;
  /** Seed of the pseudo-random generator (any integer); the same seed gives the same events. @default 1 */
  seed?: number;
  /** First day, `YYYY-MM-DD`. @default '2016-01-01' */
  from?: string;
  /** Last day (inclusive), `YYYY-MM-DD`. @default '2024-12-31' */
  to?: string;
  /**
   * Share of located events (not statements or diplomacy) put near their place rather than on it: they get
   * coordinates a few kilometres off and no place id, like an import's villages the gazetteer lacks. @default 0.4
   */
  nearbyShare?: number;
}

export const SYNTHETIC_DEFAULTS = {
  seed: 1,
  from: '2016-01-01',
  to: '2024-12-31',
  nearbyShare: 0.4,
} as const;

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for test data, never for anything secret. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

/** Cumulative weights for sampling by binary search. */
interface Sampler<T> {
  items: T[];
  cumulative: Float64Array;
}

function sampler<T>(entries: Weighted<T>): Sampler<T> {
  const items: T[] = [];
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([item, w], i) => {
    sum += w;
    items.push(item);
    cumulative[i] = sum;
  });
  return { items, cumulative };
}

function pick<T>(s: Sampler<T>, random: () => number): T {
  const x = random() * s.cumulative[s.cumulative.length - 1];
  let lo = 0;
  let hi = s.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s.cumulative[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return s.items[lo];
}

// ---- Actors -------------------------------------------------------------------------------------------

interface ActorSeed {
  id: string;
  name: string;
  kind: ActorKind;
  affiliation: string;
  role: string;
  seat: string;
}

/** The actors synthetic events use: id, name, kind, affiliation, role, seat (where its statements are placed). */
const ACTORS: readonly ActorSeed[] = (
  [
    ['armed-forces-am', 'Armed Forces of Armenia', 'military', 'AM', 'Armed forces', 'yerevan'],
    ['armed-forces-az', 'Azerbaijani Armed Forces', 'military', 'AZ', 'Armed forces', 'baku'],
    ['artsakh-defense-army', 'Artsakh Defense Army', 'military', 'NK', 'NK armed forces', 'stepanakert'],
    ['mod-am', 'Ministry of Defence of Armenia', 'ministry', 'AM', 'Defence ministry', 'yerevan'],
    ['mod-az', 'Ministry of Defence of Azerbaijan', 'ministry', 'AZ', 'Defence ministry', 'baku'],
    ['mfa-am', 'Ministry of Foreign Affairs of Armenia', 'ministry', 'AM', 'Foreign ministry', 'yerevan'],
    ['mfa-az', 'Ministry of Foreign Affairs of Azerbaijan', 'ministry', 'AZ', 'Foreign ministry', 'baku'],
    ['gov-am', 'Government of Armenia', 'government', 'AM', 'Government', 'yerevan'],
    ['gov-az', 'Government of Azerbaijan', 'government', 'AZ', 'Government', 'baku'],
    ['gov-nk', 'Nagorno-Karabakh authorities', 'government', 'NK', 'De facto authorities', 'stepanakert'],
    ['nikol-pashinyan', 'Nikol Pashinyan', 'person', 'AM', 'Prime Minister of Armenia', 'yerevan'],
    ['ilham-aliyev', 'Ilham Aliyev', 'person', 'AZ', 'President of Azerbaijan', 'baku'],
    ['gov-ru', 'Government of Russia', 'government', 'RU', 'Government', 'moscow'],
    ['mfa-ru', 'Ministry of Foreign Affairs of Russia', 'ministry', 'RU', 'Foreign ministry', 'moscow'],
    ['ru-peacekeepers', 'Russian peacekeeping contingent', 'military', 'RU', 'Peacekeepers', 'stepanakert'],
    ['mfa-tr', 'Ministry of Foreign Affairs of Turkey', 'ministry', 'TR', 'Foreign ministry', 'ankara'],
    ['mfa-ir', 'Ministry of Foreign Affairs of Iran', 'ministry', 'IR', 'Foreign ministry', 'tehran'],
    ['state-dept-us', 'US Department of State', 'ministry', 'US', 'Foreign ministry', 'washington'],
    ['mfa-fr', 'Foreign Ministry of France', 'ministry', 'FR', 'Foreign ministry', 'paris'],
    ['osce-minsk-group', 'OSCE Minsk Group', 'organisation', 'INT', 'Mediators', 'vienna'],
    ['icrc', 'International Committee of the Red Cross', 'organisation', 'INT', 'Humanitarian', 'geneva'],
    ['european-union', 'European Union', 'organisation', 'INT', 'Union of states', 'brussels'],
    ['un-security-council', 'UN Security Council', 'organisation', 'INT', 'Security Council', 'new-york'],
  ] as const
).map(([id, name, kind, affiliation, role, seat]) => ({ id, name, kind, affiliation, role, seat }));

const ACTOR_BY_ID = new Map(ACTORS.map((a) => [a.id, a]));

const ARMENIAN_SIDE = ['armed-forces-am', 'artsakh-defense-army'];
const AZERBAIJANI_SIDE = ['armed-forces-az'];
const SPEAKERS = sampler<string>([
  ['mod-am', 4],
  ['mod-az', 4],
  ['mfa-am', 3],
  ['mfa-az', 3],
  ['nikol-pashinyan', 2],
  ['ilham-aliyev', 2],
  ['gov-nk', 1.5],
  ['mfa-ru', 1.5],
  ['mfa-tr', 0.8],
  ['mfa-ir', 0.5],
  ['state-dept-us', 0.8],
  ['mfa-fr', 0.6],
  ['osce-minsk-group', 0.8],
  ['european-union', 0.6],
  ['un-security-council', 0.3],
]);

/** Peacekeepers deployed from 10 November 2020 to June 2024 (docs/control.md). */
const PEACEKEEPERS_FROM = parseDay('2020-11-10')!;
const PEACEKEEPERS_TO = parseDay('2024-06-12')!;

// ---- Places -------------------------------------------------------------------------------------------

const PLACES = new Map(gazetteer.map((p) => [p.id, p]));

const words = (text: string) => text.split(/\s+/);

/** Bigger places see more reported events. */
const KIND_WEIGHT: Partial<Record<Place['kind'], number>> = { city: 3, town: 2 };

/** A weighted pool of places (ids as an array or a space-separated list); `heavy` ones weigh three times more. */
function placePool(ids: string | readonly string[], heavy = ''): Sampler<Place> {
  const heavyIds = new Set(words(heavy));
  return sampler(
    (typeof ids === 'string' ? words(ids) : ids).map((id) => {
      const place = PLACES.get(id);
      if (!place) throw new Error(`synthetic: place "${id}" is not in the gazetteer`);
      return [place, (KIND_WEIGHT[place.kind] ?? 1) * (heavyIds.has(id) ? 3 : 1)] as const;
    }),
  );
}

/** Settlements of Nagorno-Karabakh and of the districts around it: the line of contact until 2020. */
const NK_FRONT = words(
  'stepanakert shusha askeran martakert martuni hadrut khojaly chartar karmir-shuka karin-tak avetaranots azokh togh talish sugovushan chankatagh vank aghdam fuzuli horadiz jabrayil jojug-marjanli zangilan mincivan aghband qubadli lachin zabukh kalbajar dadivank tartar barda beylagan goranboy agjabadi naftalan',
);
/** Towns shelled away from the front in 2020, by the sides' accounts. */
const DEEP = words('ganja mingachevir barda tartar goris kapan vardenis');
/** Villages and towns along the Armenia–Azerbaijan border (incidents from 2020 on). */
const BORDER = words(
  'tovuz dondar-gushchu aghstafa gazakh gadabay dashkasan berd movses nerkin-karmiraghbyur berdavan noyemberyan ijevan chambarak sotk vardenis jermuk goris khndzoresk tegh kornidzor shurnukh kapan sisian agarak meghri yeraskh',
);

// ---- Periods ------------------------------------------------------------------------------------------

/** Relative weights of the event types in a period. */
type TypeMix = Partial<Record<EventType, number>>;

function typeSampler(mix: TypeMix): Sampler<EventType> {
  return sampler(Object.entries(mix) as [EventType, number][]);
}

const MIX_WAR: TypeMix = {
  attack: 45,
  casualties: 15,
  'territorial change': 7,
  statement: 13,
  diplomacy: 5,
  deployment: 5,
  ceasefire: 2,
  humanitarian: 5,
  protest: 1,
  other: 2,
};
const MIX_CLASH: TypeMix = {
  attack: 50,
  casualties: 15,
  'territorial change': 4,
  statement: 15,
  diplomacy: 7,
  ceasefire: 4,
  deployment: 2,
  humanitarian: 2,
  other: 1,
};
const MIX_BLOCKADE: TypeMix = {
  protest: 25,
  humanitarian: 30,
  statement: 20,
  diplomacy: 10,
  attack: 5,
  deployment: 5,
  other: 5,
};
const MIX_CALM: TypeMix = {
  attack: 20,
  statement: 25,
  diplomacy: 18,
  casualties: 5,
  deployment: 7,
  protest: 8,
  humanitarian: 7,
  ceasefire: 2,
  'territorial change': 1,
  other: 7,
};

interface Period {
  /** Inclusive days, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Share of all events (before clipping to the requested dates); the calm baseline takes the rest. */
  share: number;
  types: TypeMix;
  /** Where its located events happen. */
  places: Sampler<Place>;
  /** Source of the dates: the escalation, not its details (the events themselves are invented). */
  source: string;
}

/** Escalations that make the bursts. Shares are made up; only the dates follow the sources. */
const PERIODS: readonly Period[] = [
  {
    // The April 2016 "four-day war" along the line of contact.
    from: '2016-04-01',
    to: '2016-04-05',
    share: 0.03,
    types: MIX_CLASH,
    places: placePool(NK_FRONT, 'talish martakert martuni fuzuli tartar'),
    source: 'https://www.civilnet.am/news/383220/four-day-war-with-azerbaijan-a-day-by-day-timeline/?lang=en',
  },
  {
    // Border clashes in the Tovuz / Tavush direction, July 2020.
    from: '2020-07-12',
    to: '2020-07-16',
    share: 0.02,
    types: MIX_CLASH,
    places: placePool('tovuz dondar-gushchu berd movses nerkin-karmiraghbyur berdavan ijevan'),
    source: 'https://insamer.com/en/two-killed-in-azerbaijan-armenia-border-clashes-july-12-2020_3090.html',
  },
  {
    // The 2020 war: 27 September to the 10 November ceasefire statement.
    from: '2020-09-27',
    to: '2020-11-10',
    share: 0.3,
    types: MIX_WAR,
    places: placePool([...NK_FRONT, ...DEEP], 'stepanakert shusha hadrut fuzuli jabrayil tartar'),
    source: 'https://en.wikipedia.org/wiki/Second_Nagorno-Karabakh_War',
  },
  {
    // Strikes along Armenia's eastern border, 12–14 September 2022.
    from: '2022-09-12',
    to: '2022-09-14',
    share: 0.03,
    types: MIX_CLASH,
    places: placePool('jermuk goris sotk vardenis kapan khndzoresk tegh kalbajar lachin dashkasan gadabay'),
    source: 'https://www.jpost.com/breaking-news/article-717014',
  },
  {
    // The blockade of the Lachin corridor, 12 December 2022 to 30 September 2023.
    from: '2022-12-12',
    to: '2023-09-30',
    share: 0.1,
    types: MIX_BLOCKADE,
    places: placePool(
      'lachin-corridor stepanakert kornidzor goris shusha tegh lachin askeran',
      'lachin-corridor stepanakert',
    ),
    source: 'https://www.missionarmenia.org.au/our-stories/category/fact-sheet/',
  },
  {
    // Azerbaijan's offensive of 19–20 September 2023 and the exodus that followed.
    from: '2023-09-19',
    to: '2023-09-30',
    share: 0.04,
    types: MIX_CLASH,
    places: placePool(
      'stepanakert askeran martakert martuni shusha karin-tak chankatagh sugovushan talish avetaranots karmir-shuka chartar khojaly goris kornidzor',
      'stepanakert goris',
    ),
    source: 'https://newsandtimes.net/2023_nagorno-karabakh_clashes/',
  },
];

const CALM_PLACES = placePool(
  [...new Set([...NK_FRONT, ...BORDER, ...DEEP])],
  'tartar martuni martakert fuzuli tovuz berd',
);
const PROTEST_PLACES = placePool('yerevan baku stepanakert gyumri vanadzor ganja', 'yerevan');
const HUMANITARIAN_PLACES = placePool('stepanakert goris kornidzor barda tartar ganja kapan yerevan');

// ---- Text ---------------------------------------------------------------------------------------------

/** Summary templates and the ACLED-style sub-type each implies. `{p}` is the place name. */
const TEMPLATES: Record<EventType, readonly (readonly [string, string])[]> = {
  attack: [
    ['Shelling reported near {p}', 'shelling'],
    ['Drone strike reported near {p}', 'drone strike'],
    ['Exchange of fire reported near {p}', 'armed clash'],
  ],
  'territorial change': [
    ['Change of control claimed at {p}', 'capture'],
    ['Positions near {p} reported taken', 'capture'],
  ],
  casualties: [['Casualties reported near {p}', 'casualties']],
  ceasefire: [
    ['Ceasefire announced covering {p}', 'ceasefire'],
    ['Ceasefire violation alleged near {p}', 'ceasefire violation'],
  ],
  diplomacy: [['Talks held in {p}', 'talks']],
  statement: [['Statement issued in {p}', 'statement']],
  deployment: [['Troop movement reported near {p}', 'deployment']],
  protest: [['Rally held in {p}', 'rally']],
  humanitarian: [
    ['Aid delivery reported to {p}', 'aid'],
    ['Civilians leave {p}', 'displacement'],
  ],
  other: [['Incident reported near {p}', 'incident']],
};

const STATEMENT_TYPES = new Set<EventType>(['statement', 'diplomacy']);

// ---- Generator ----------------------------------------------------------------------------------------

function gaussian(random: () => number): number {
  // Box–Muller; 1 - random() keeps the logarithm's argument above zero.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function checkedDay(text: string, name: string): number {
  const day = parseDay(text);
  if (day === null) throw new Error(`synthetic: ${name} "${text}" is not a YYYY-MM-DD day`);
  return day;
}

interface Component {
  first: number;
  last: number;
  types: Sampler<EventType>;
  places: Sampler<Place>;
}

/**
 * Generates `count` events between `from` and `to`, in date order, with ids `syn-<seed>-<n>`. Deterministic
 * for its options. About 1 s per million events in V8.
 */
export function generateEvents(options: SyntheticOptions): AtlasEvent[] {
  const { count } = options;
  const seed = options.seed ?? SYNTHETIC_DEFAULTS.seed;
  const nearbyShare = options.nearbyShare ?? SYNTHETIC_DEFAULTS.nearbyShare;
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`synthetic: count must be a whole number ≥ 0, got ${count}`);
  const first = checkedDay(options.from ?? SYNTHETIC_DEFAULTS.from, 'from');
  const last = checkedDay(options.to ?? SYNTHETIC_DEFAULTS.to, 'to');
  if (first > last) throw new Error(`synthetic: from (${options.from}) is after to (${options.to})`);
  const random = mulberry32(seed);

  // The mixture: each escalation inside [from, to] keeps its share in proportion to the days it keeps; the
  // calm baseline over the whole span takes the rest.
  const components: Component[] = [];
  const shares: [number, number][] = [];
  let bursts = 0;
  for (const period of PERIODS) {
    const a = parseDay(period.from)!;
    const b = parseDay(period.to)!;
    const lo = Math.max(a, first);
    const hi = Math.min(b, last);
    if (lo > hi) continue;
    const share = (period.share * (hi - lo + 1)) / (b - a + 1);
    bursts += share;
    shares.push([components.length, share]);
    components.push({ first: lo, last: hi, types: typeSampler(period.types), places: period.places });
  }
  shares.push([components.length, 1 - bursts]);
  components.push({ first, last, types: typeSampler(MIX_CALM), places: CALM_PLACES });
  const componentSampler = sampler(shares);

  // Days first, then a stable counting sort, so that the events come out in date order and their ids follow it.
  const span = last - first + 1;
  const days = new Int32Array(count);
  const comp = new Uint8Array(count);
  const perDay = new Uint32Array(span + 1);
  for (let i = 0; i < count; i++) {
    const c = pick(componentSampler, random);
    const { first: a, last: b } = components[c];
    const day = a + Math.floor(random() * (b - a + 1));
    days[i] = day;
    comp[i] = c;
    perDay[day - first + 1]++;
  }
  for (let d = 0; d < span; d++) perDay[d + 1] += perDay[d];
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[perDay[days[i] - first]++] = i;

  const width = String(count).length;
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let text = dates.get(day);
    if (text === undefined) dates.set(day, (text = formatDay(day)));
    return text;
  };
  // Summaries are shared strings per template and place: a million distinct strings would only cost memory.
  const summaries = new Map<string, string>();
  const summaryOf = (template: string, place: Place) => {
    const key = `${template}|${place.id}`;
    let text = summaries.get(key);
    if (text === undefined) summaries.set(key, (text = `Synthetic: ${template.replace('{p}', place.name)}`));
    return text;
  };
  const side = () => (random() < 0.5 ? ARMENIAN_SIDE : AZERBAIJANI_SIDE);
  const oneOf = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

  const events: AtlasEvent[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const day = days[i];
    const component = components[comp[i]];
    const type = pick(component.types, random);
    let actorIds: string[] = [];
    let targetActorIds: string[] = [];
    let place: Place;
    if (STATEMENT_TYPES.has(type)) {
      const speaker = pick(SPEAKERS, random);
      actorIds = [speaker];
      if (type === 'diplomacy')
        targetActorIds = [
          oneOf(
            speaker.endsWith('-am') || speaker === 'nikol-pashinyan'
              ? ['mfa-az', 'mfa-ru', 'osce-minsk-group']
              : ['mfa-am', 'mfa-ru', 'european-union'],
          ),
        ];
      place = PLACES.get(ACTOR_BY_ID.get(speaker)!.seat)!;
    } else {
      if (type === 'protest') place = pick(PROTEST_PLACES, random);
      else if (type === 'humanitarian' && component.places === CALM_PLACES)
        place = pick(HUMANITARIAN_PLACES, random);
      else place = pick(component.places, random);
      if (type === 'attack' || type === 'territorial change') {
        const attacker = side();
        actorIds = [oneOf(attacker)];
        targetActorIds = [oneOf(attacker === ARMENIAN_SIDE ? AZERBAIJANI_SIDE : ARMENIAN_SIDE)];
      } else if (type === 'casualties') actorIds = [random() < 0.5 ? 'mod-am' : 'mod-az'];
      else if (type === 'deployment') {
        const peacekeepers = day >= PEACEKEEPERS_FROM && day <= PEACEKEEPERS_TO && random() < 0.5;
        actorIds = [peacekeepers ? 'ru-peacekeepers' : oneOf(side())];
      } else if (type === 'ceasefire') actorIds = ['gov-ru', 'gov-am', 'gov-az'];
      else if (type === 'humanitarian') actorIds = ['icrc'];
    }
    const [template, subType] = oneOf(TEMPLATES[type]);
    const nearby = !STATEMENT_TYPES.has(type) && place.kind !== 'region' && random() < nearbyShare;
    // Multi-day events (a siege, a march) are a small minority, as in the sources.
    const end = random() < 0.03 ? Math.min(last, day + 1 + Math.floor(random() * 5)) : day;
    events[k] = {
      id: `syn-${seed}-${String(k + 1).padStart(width, '0')}`,
      date: dateOf(day),
      dateEnd: end > day ? dateOf(end) : null,
      datePrecision: 'day',
      type,
      summary: summaryOf(template, place),
      placeId: nearby ? null : place.id,
      actorIds,
      targetActorIds,
      sources: [{ outlet: 'synthetic' }],
      origin: 'user',
      subType,
      // About 4 km of spread around the place, rounded as an import's coordinates are.
      lat: nearby ? Math.round((place.lat + gaussian(random) * 0.035) * 1e4) / 1e4 : undefined,
      lon: nearby ? Math.round((place.lon + gaussian(random) * 0.045) * 1e4) / 1e4 : undefined,
    };
  }
  return events;
}

/** The places and actors `events` refer to, as records for a document. */
function referenced(events: readonly AtlasEvent[]): { places: Place[]; actors: Actor[] } {
  const placeIds = new Set<string>();
  const actorIds = new Set<string>();
  for (const e of events) {
    if (e.placeId) placeIds.add(e.placeId);
    for (const a of e.actorIds) actorIds.add(a);
    for (const a of e.targetActorIds) actorIds.add(a);
  }
  const actors = ACTORS.filter((a) => actorIds.has(a.id));
  for (const a of actors) placeIds.add(a.seat);
  return {
    places: gazetteer.filter((p) => placeIds.has(p.id)),
    actors: actors.map(({ id, name, kind, affiliation, role, seat }) => ({
      id,
      name,
      aliases: [],
      kind,
      affiliation,
      role,
      seat,
    })),
  };
}

/** An atlas document holding {@link generateEvents}' events and the places and actors they use. */
export function generateAtlasDocument(options: SyntheticOptions): AtlasDocument {
  const events = generateEvents(options);
  return { version: 1, articles: [], ...referenced(events), mentions: [], events, claims: [] };
}

/** The escalations the generator bursts around, with the source of their dates (for docs/performance.md). */
export const SYNTHETIC_PERIODS: readonly { from: string; to: string; share: number; source: string }[] =
  PERIODS.map(({ from, to, share, source }) => ({ from, to, share, source }));
