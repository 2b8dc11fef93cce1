/**
 * Events: each reported happening, read clause by clause. A clause holds an event when it has a trigger
 * word ("sent a letter", "said", "shelled", "ceasefire", "обстрел"); the actors are the names before the
 * trigger (or after "by"), the targets the names it is directed at, the place where it happened (for a
 * statement or an appeal, the speaker's seat) and the date from the clause, an anchor ("a day after"), the
 * tense (present perfect: the publication day), or an earlier report of the same happening.
 */
import type { AtlasEvent, EventType } from '../data/model';
import { formatDay } from './calendar';
import type { BodyDate, DateAnchor } from './body-dates';
import type { FoundMention } from './mentions';
import type { ReferenceIndex } from './reference';
import { stableId } from './hash';
import type { Sentence, Token } from './text';
import { DOCUMENT_WORDS } from './lexicon';

/** What the event reader works on. */
export interface EventInput {
  text: string;
  articleId: string;
  tokens: Token[];
  sentences: Sentence[];
  mentions: FoundMention[];
  dates: BodyDate[];
  anchors: DateAnchor[];
  /** Publication day (day number) or null. */
  refDay: number | null;
  /** Line numbers of the headline and standfirst: written in the present tense about the day's news. */
  leadLines: ReadonlySet<number>;
  /** Spans of sentences that hold a casualty or force claim (no event is made of a bare claim). */
  claimSpans: readonly [number, number][];
}

/** An event with where in the article it was read (for linking claims). */
export interface FoundEvent extends AtlasEvent {
  /** Sentences the event was read from. */
  sentenceIndexes: number[];
}

/** Options of {@link findEvents}. */
export interface EventOptions {
  /** Date a clause from an anchor ("a day after X said"). @default true */
  anchors?: boolean;
  /** Date present-tense clauses on the publication day. @default true */
  tense?: boolean;
}

const EN_TRIGGERS: [EventType, string][] = [
  [
    'diplomacy',
    '(?:sent|sends|send|addressed|addresses|wrote|writes) (?:(?:a|an|his|her|their|the) )?(?:letter|message|appeal)',
  ],
  ['diplomacy', 'letter(?= (?:to|comes|was sent|has been sent) )'],
  [
    'statement',
    '(?:published|released|issued) (?:(?:a|the) )?statement|statement (?:published|released|issued)',
  ],
  ['diplomacy', 'called (?:on|upon)|calls (?:on|upon)'],
  ['diplomacy', 'urged|urges|asked|asks|appealed|appeals|requested|requests|invited|invites'],
  [
    'diplomacy',
    'met|meets|held talks|holds talks|talks|talked|phoned|phone call|spoke by phone|telephone (?:conversation|call)',
  ],
  ['diplomacy', 'negotiated|negotiations|visited|visits|hosted|hosts|signed|signs|summit|mediated'],
  ['ceasefire', 'ceasefire|cease fire|truce|armistice|brokered'],
  ['attack', 'launched (?:(?:an|a) )?(?:offensive|attack|assault|counteroffensive|counter offensive)'],
  ['attack', 'shot down|opened fire|fired (?:on|at)|war (?:began|broke out|started)'],
  [
    'attack',
    'attacked|attacks|attack|shelled|shelling|shells|struck|strikes|strike|bombed|bombing|bombardment|offensive|fighting|clashes|clashed|hostilities|hit|targeted',
  ],
  [
    'territorial change',
    'took control|taken control|takes control|lost control|handed over|hand over|fell to|returned to',
  ],
  [
    'territorial change',
    'captured|capture|seized|recaptured|retook|retaken|liberated|liberation|handover|withdrew|withdrawal',
  ],
  [
    'deployment',
    'sent troops|began deploying|deployed|deploy|deploys|deployment|stationed|arrived|entered|dispatched',
  ],
  [
    'protest',
    'protest|protests|protested|protesters|protestors|rally|rallies|rallied|demonstration|demonstrations|demonstrators|stormed',
  ],
  [
    'humanitarian',
    'humanitarian aid|aid convoy|exchange of (?:bodies|prisoners|remains)|evacuated|evacuation|refugees|fled|displaced|exchanged',
  ],
  ['casualties', 'killed|died|dead|wounded|injured|casualties|death toll|lost their lives'],
  [
    'statement',
    'said|says|say|stated|states|told|tells|announced|announces|declared|declares|denied|denies|rejected|rejects|claimed|insisted|insists|asserted|asserts|stressed|stresses|warned|warns|accused|accuses|condemned|condemns|confirmed|confirms|noted|added|invoked|invokes|reiterated|reiterates|argued|admitted|commented|responded|replied|blamed|blames|dismissed|criticised|criticized',
  ],
];

const RU_TRIGGERS: [EventType, string][] = [
  [
    'diplomacy',
    'письм|направил|обратил|призвал|призывает|попросил|встрет|встреч|переговор|телефонн разговор|подписал|визит|посетил',
  ],
  ['ceasefire', 'перемири|прекращени огня|режим тишины'],
  ['attack', 'обстрел|атак|удар|бомб|бои|боев|сбил|сбит|наступлен|столкновен'],
  [
    'territorial change',
    'взял под контроль|взяли под контроль|взят под контроль|освобод|освобожд|захват|занял|отвод|передач|передан|вернул',
  ],
  ['deployment', 'развернут|разверты|ввод|прибыл|вошл|размещ'],
  ['protest', 'протест|митинг|демонстрац'],
  ['humanitarian', 'беженц|эвакуац|эвакуир|гуманитарн|обмен'],
  ['casualties', 'погиб|убит|ранен|жертв'],
  ['statement', 'заяв|сообщ|отмет|подчеркн|опроверг|отверг|обвин|предупред|осуд|подтверд|указал|утвержда'],
];

const EN_RE = new RegExp(
  EN_TRIGGERS.map(([, src], k) => `(?<t${k}>(?<![\\p{L}\\d])(?:${src})(?![\\p{L}\\d]))`).join('|'),
  'gu',
);
// Russian triggers are stems: the word may continue ("заявил", "заявила", "заявлении").
const RU_RE = new RegExp(
  RU_TRIGGERS.map(
    ([, src], k) =>
      `(?<t${k}>(?<![\\p{L}\\d])(?:${src
        .split('|')
        .map((w) => w.split(' ').join('\\p{L}* '))
        .join('|')})\\p{L}*)`,
  ).join('|'),
  'gu',
);

/** Verbs of the present (or the present perfect's auxiliaries): the clause reports the day's news. */
const PRESENT = new Set(
  `has have is are says asks urges comes calls warns denies accuses claims insists sends announces confirms rejects
  meets visits signs tells states declares appeals`.split(/\s+/),
);
const MODALS = new Set([
  'can',
  'could',
  'would',
  'will',
  'may',
  'might',
  'should',
  'must',
  'cannot',
  'shall',
]);
const NEGATIONS = new Set(['not', 'never', 'no', 't', 'не']);
const HYPOTHETICAL = new Set(['if', 'unless', 'whether', 'если', 'чтобы']);
const PRONOUNS_PERSON = new Set(['he', 'she', 'his', 'her', 'он', 'она', 'его', 'ее']);
const PRONOUNS_ANY = new Set(['they', 'their', 'it', 'its', 'они', 'их']);
const CONFLICT_TYPES = new Set<EventType>([
  'attack',
  'casualties',
  'ceasefire',
  'territorial change',
  'deployment',
  'humanitarian',
]);
const TARGETED_STATEMENTS = /^(accus|warn|urg|criticis|criticiz|condemn|told|tell|blam)/;

interface Clause {
  sentence: Sentence;
  start: number;
  end: number;
  t0: number;
  t1: number;
  /** Anchor that ends where this clause starts: its date is the previous clause's plus `offsetDays`. */
  anchor?: DateAnchor;
}

interface Draft {
  type: EventType;
  actorIds: string[];
  targetActorIds: string[];
  placeId: string | null;
  day: number | null;
  dayEnd: number | null;
  precision: AtlasEvent['datePrecision'];
  /** Where the date came from: inherited events merge into the first report. */
  dateFrom: 'text' | 'anchor' | 'tense' | 'none';
  summary: string;
  sentence: Sentence;
}

/** Reads the events of one article; events reported twice in it come out once, with both sources. */
export function findEvents(
  input: EventInput,
  index: ReferenceIndex,
  options: EventOptions = {},
): FoundEvent[] {
  const drafts: Draft[] = [];
  const theatre = findTheatre(input, index);
  const lastSubject: { person: string | null; any: string | null } = { person: null, any: null };

  for (const s of input.sentences) {
    const clauses = splitClauses(input, s);
    const quotes = quotedRanges(input.text, s.start, s.end);
    let previous: Draft | null = null;
    for (const clause of clauses) {
      const draft = readClause(input, index, clause, quotes, theatre, lastSubject, options, previous);
      if (draft) {
        drafts.push(draft);
        previous = draft;
      } else {
        previous = null;
      }
    }
    for (const d of findDocumentEvents(input, s)) drafts.push(d);
  }
  return mergeDrafts(input, drafts);
}

// --- clauses ---------------------------------------------------------------------------------------------

const SPLIT_RE =
  /;|\s[—–]\s|,\s+(?:but|while|whereas|although|though|and then|но|а|однако)\s|\s(?:since|after|before|when|while|whereas|although|because|после того как|когда)\s(?!(?:the\s+)?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|that|this|last|early|late)(?![\p{L}]))/giu;
const LEADING_SUBORDINATE =
  /^(?:while|although|though|when|after|as(?!\s+per\b)|since|if|whereas|после того как|когда|хотя)(?![\p{L}])/iu;

function splitClauses(input: EventInput, s: Sentence): Clause[] {
  const { text, tokens } = input;
  const body = text.slice(s.start, s.end);
  const cuts: { at: number; next: number }[] = [];
  SPLIT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPLIT_RE.exec(body)) !== null)
    cuts.push({ at: s.start + m.index, next: s.start + m.index + m[0].length });
  if (LEADING_SUBORDINATE.test(body)) {
    const comma = body.indexOf(',');
    if (comma > 0) cuts.push({ at: s.start + comma, next: s.start + comma + 1 });
  }
  cuts.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  let start = s.start;
  for (const c of [...cuts, { at: s.end, next: s.end }]) {
    if (c.at <= start) {
      start = Math.max(start, c.next);
      continue;
    }
    clauses.push(makeClause(tokens, s, start, c.at));
    start = c.next;
  }
  for (const clause of clauses) {
    clause.anchor = input.anchors.find(
      (a) => a.end >= clause.start - 2 && a.end <= clause.start + 1 && a.start >= s.start,
    );
  }
  return clauses;
}

function makeClause(tokens: Token[], s: Sentence, start: number, end: number): Clause {
  let t0 = s.tokenStart;
  while (t0 < s.tokenEnd && tokens[t0].start < start) t0++;
  let t1 = t0;
  while (t1 < s.tokenEnd && tokens[t1].end <= end) t1++;
  return { sentence: s, start, end, t0, t1 };
}

/** Spans inside quotation marks: speech, whose words and dates are not the clause's own. */
function quotedRanges(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const body = text.slice(from, to);
  const re = /“[^”]*”?|«[^»]*»?|"[^"]*"?|(?<![\p{L}\d])'(?=\p{L})[^']*'(?![\p{L}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out.push([from + m.index, from + m.index + m[0].length]);
  return out;
}

const inside = (ranges: [number, number][], a: number, b: number) =>
  ranges.some(([s, e]) => a >= s && b <= e);

// --- one clause ------------------------------------------------------------------------------------------

function readClause(
  input: EventInput,
  index: ReferenceIndex,
  clause: Clause,
  quotes: [number, number][],
  theatre: string | null,
  lastSubject: { person: string | null; any: string | null },
  options: EventOptions,
  previous: Draft | null,
): Draft | null {
  const { tokens } = input;
  if (clause.t1 <= clause.t0) return null;
  const trigger = findTrigger(input, clause, quotes);
  if (!trigger) return null;
  const { type, t0: trig0, t1: trig1 } = trigger;

  // A number of dead or of fighters is a claim, not a happening.
  if (
    (type === 'casualties' || type === 'statement') &&
    input.claimSpans.some(([a, b]) => a < clause.end && b > clause.start)
  ) {
    return null;
  }

  const mentions = input.mentions.filter((m) => m.start >= clause.start && m.end <= clause.end);
  const actorMentions = mentions.filter((m) => m.kind === 'actor' && m.match !== 'fallback' && !m.modifier);

  // Actors: the nearest names before the trigger, with those listed with them; else "by X"; else "said X".
  let subjects = groupBefore(input, actorMentions, tokens[trig0].start);
  if (subjects.length === 0) {
    const by = tokens.slice(trig1, clause.t1).findIndex((t) => t.norm === 'by');
    if (by >= 0) subjects = groupFrom(input, actorMentions, tokens[trig1 + by].end);
  }
  if (subjects.length === 0 && type === 'statement') {
    const next = actorMentions.find((m) => m.t0 >= trig1 && m.t0 <= trig1 + 1);
    if (next) subjects = [next];
  }
  let actorIds = unique(subjects.map((m) => m.id));
  if (actorIds.length === 0) {
    const pronoun = tokens
      .slice(clause.t0, trig0)
      .find((t) => PRONOUNS_PERSON.has(t.norm) || PRONOUNS_ANY.has(t.norm));
    const ref = pronoun ? (PRONOUNS_PERSON.has(pronoun.norm) ? lastSubject.person : lastSubject.any) : null;
    if (ref) actorIds = [ref];
  }

  // Targets: who the act is directed at.
  let targets: FoundMention[] = [];
  const targeted =
    type === 'diplomacy' ||
    type === 'attack' ||
    (type === 'statement' && TARGETED_STATEMENTS.test(tokens[trig0].norm)) ||
    type === 'ceasefire';
  if (targeted) {
    const after = actorMentions.filter((m) => m.t0 >= trig1);
    const first = after.find((m) => {
      const between = tokens.slice(trig1, m.t0);
      return (
        between.length <= 4 &&
        between.every(
          (t) =>
            /^(to|with|on|upon|against|at|towards|a|an|the|his|her|s|letter|message|appeal|treaty|deal|agreement|ceasefire|truce|and|к|с|на|против)$/.test(
              t.norm,
            ) ||
            t.sentence !== m.sentence ||
            isPlaceToken(mentions, t),
        )
      );
    });
    if (first) targets = groupFrom(input, actorMentions, first.start);
  }
  const targetActorIds = unique(targets.map((m) => m.id)).filter((id) => !actorIds.includes(id));

  // Place.
  let placeId: string | null = null;
  const placeMentions = mentions.filter((m) => m.kind === 'place');
  if (type === 'statement' || type === 'diplomacy') {
    const where = placeMentions.find(
      (m) => m.t0 > trig0 && /^(in|at|в|во)$/.test(tokens[m.t0 - 1]?.norm ?? ''),
    );
    if (where) placeId = where.id;
    else {
      // The speaker's seat; a capital written for its government is that seat.
      const seat = actorIds[0] ? index.actorById.get(actorIds[0])?.seat : undefined;
      placeId = seat ?? subjects[0]?.placeId ?? null;
    }
  } else {
    const local = (list: FoundMention[]) => list.filter((m) => index.placeById.get(m.id)?.kind !== 'country');
    const candidates = local(placeMentions);
    const sentencePlaces = local(
      input.mentions.filter((m) => m.kind === 'place' && m.sentence === clause.sentence.index),
    );
    placeId =
      candidates.find((m) =>
        /^(in|at|near|on|into|over|around|of|outside|в|во|на|под|около)$/.test(tokens[m.t0 - 1]?.norm ?? ''),
      )?.id ??
      candidates[0]?.id ??
      sentencePlaces[0]?.id ??
      (CONFLICT_TYPES.has(type) ? theatre : null) ??
      placeMentions[0]?.id ??
      null;
  }

  // Date.
  const dates = input.dates.filter(
    (d) => d.start >= clause.start && d.end <= clause.end && !inside(quotes, d.start, d.end),
  );
  let day: number | null = null;
  let dayEnd: number | null = null;
  let precision: AtlasEvent['datePrecision'] = 'day';
  let dateFrom: Draft['dateFrom'] = 'none';
  if (dates.length > 0) {
    const d = dates[0];
    day = d.day;
    dayEnd = d.dayEnd;
    precision = d.precision;
    dateFrom = 'text';
  } else if (options.anchors !== false && clause.anchor && previous && previous.day !== null) {
    day = previous.day + clause.anchor.offsetDays;
    dateFrom = 'anchor';
  } else if (options.tense !== false && input.refDay !== null && isPresent(input, clause, trig0)) {
    day = input.refDay;
    dateFrom = 'tense';
  }

  if (actorIds.length > 0) {
    const a = index.actorById.get(actorIds[0]);
    lastSubject.any = actorIds[0];
    if (a?.kind === 'person') lastSubject.person = actorIds[0];
  }

  return {
    type,
    actorIds,
    targetActorIds,
    placeId,
    day,
    dayEnd,
    precision,
    dateFrom,
    summary: summarize(input.text, clause.start, clause.end),
    sentence: clause.sentence,
  };
}

function findTrigger(
  input: EventInput,
  clause: Clause,
  quotes: [number, number][],
): { type: EventType; t0: number; t1: number } | null {
  const { tokens } = input;
  const norms = tokens.slice(clause.t0, clause.t1).map((t) => t.norm);
  const joined = norms.join(' ');
  const offsets: number[] = [];
  let pos = 0;
  for (const n of norms) {
    offsets.push(pos);
    pos += n.length + 1;
  }
  const cyrillic = norms.some((n) => /[а-я]/.test(n));
  const re = cyrillic ? RU_RE : EN_RE;
  const table = cyrillic ? RU_TRIGGERS : EN_TRIGGERS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(joined)) !== null) {
    const k = Object.keys(m.groups!).findIndex((g) => m!.groups![g] !== undefined);
    const type = table[k][0];
    const first = offsets.findIndex((o) => o === m!.index);
    if (first < 0) continue;
    const last = offsets.findIndex((o) => o >= m!.index + m![0].length);
    const t0 = clause.t0 + first;
    const t1 = last < 0 ? clause.t1 : clause.t0 + last;
    if (inside(quotes, tokens[t0].start, tokens[t1 - 1].end)) continue;
    const before = tokens.slice(Math.max(clause.t0, t0 - 2), t0).map((t) => t.norm);
    if (before[before.length - 1] === 'to' && type !== 'casualties') continue;
    if (before.some((w) => MODALS.has(w) || NEGATIONS.has(w))) continue;
    if (tokens.slice(clause.t0, t0).some((t) => HYPOTHETICAL.has(t.norm))) continue;
    return { type, t0, t1 };
  }
  return null;
}

function isPlaceToken(mentions: FoundMention[], t: Token): boolean {
  return mentions.some((m) => m.kind === 'place' && m.start <= t.start && m.end >= t.end);
}

/** The actor mentions that end nearest before `pos`, with those listed with them ("A, B and C"). */
function groupBefore(input: EventInput, mentions: FoundMention[], pos: number): FoundMention[] {
  const before = mentions.filter((m) => m.end <= pos);
  if (before.length === 0) return [];
  const group = [before[before.length - 1]];
  let sawAnd = false;
  for (let k = before.length - 2; k >= 0; k--) {
    const sep = joinKind(input.text, before[k].end, group[0].start);
    // Walking backwards, the "and" comes first: "A, B and C" joins B by "and", then A by a comma.
    if (sep === null || (sep === 'comma' && !sawAnd)) break;
    if (sep === 'and') sawAnd = true;
    group.unshift(before[k]);
  }
  return group;
}

/** The first actor mention at or after `pos`, with those listed after it ("A, B and C"). */
function groupFrom(input: EventInput, mentions: FoundMention[], pos: number): FoundMention[] {
  const after = mentions.filter((m) => m.start >= pos);
  if (after.length === 0) return [];
  const group = [after[0]];
  const seps: ('comma' | 'and')[] = [];
  for (let k = 1; k < after.length; k++) {
    const sep = joinKind(input.text, group[group.length - 1].end, after[k].start);
    if (sep === null) break;
    seps.push(sep);
    group.push(after[k]);
    if (sep === 'and') break;
  }
  // A list is "A, B and C": members joined only by commas, with no "and" to close the list, are not in it.
  while (seps.length > 0 && seps[seps.length - 1] === 'comma') {
    seps.pop();
    group.pop();
  }
  return group;
}

function joinKind(text: string, a: number, b: number): 'comma' | 'and' | null {
  const gap = text.slice(a, b);
  if (/^\s*,?\s+(and|or|и)\s+$/iu.test(gap)) return 'and';
  if (/^\s*,\s*$/.test(gap)) return 'comma';
  return null;
}

function isPresent(input: EventInput, clause: Clause, trig0: number): boolean {
  if (input.leadLines.has(clause.sentence.line)) return true;
  const { tokens } = input;
  const t = tokens[trig0];
  if (PRESENT.has(t.norm)) return true;
  if (t.cyrillic && /(ет|ит|ют|ят)(ся)?$/.test(t.norm)) return true;
  // The auxiliary before the trigger ("has sent"), or the verb after a noun trigger ("his letter comes").
  const end = Math.min(clause.t1, trig0 + 3);
  for (let k = clause.t0; k < end; k++)
    if (PRESENT.has(tokens[k].norm) || tokens[k].norm === 'now') return true;
  return false;
}

/** The place most often named as a place (not a capital acting as its government): where the war is. */
function findTheatre(input: EventInput, index: ReferenceIndex): string | null {
  const counts = new Map<string, number>();
  for (const m of input.mentions) {
    if (m.kind !== 'place') continue;
    const p = index.placeById.get(m.id);
    if (!p || p.kind === 'country' || index.governmentBySeat.has(p.id) || p.country === 'INT') continue;
    counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [id, c] of counts) {
    if (c > n) {
      best = id;
      n = c;
    }
  }
  return best;
}

// --- documents ("Treaty ... of August 29, 1997") -------------------------------------------------------

function findDocumentEvents(input: EventInput, s: Sentence): Draft[] {
  const { tokens, text } = input;
  const out: Draft[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (!t.cap || !DOCUMENT_WORDS.has(t.norm) || t.norm === 'article' || t.norm === 'statement') continue;
    // The title runs over capitalised words and small function words, then "of <date>" or "signed on <date>".
    let j = i + 1;
    while (
      j < s.tokenEnd &&
      (tokens[j].cap || /^(on|of|and|for|the|between|in|и|о|об|между)$/.test(tokens[j].norm))
    ) {
      if (input.dates.some((d) => d.start === tokens[j].start)) break;
      j++;
    }
    const date = input.dates.find(
      (d) => d.start >= tokens[j - 1].end && d.start - tokens[j - 1].end <= 20 && d.end <= s.end,
    );
    if (!date) continue;
    const link = text.slice(tokens[j - 1].end, date.start);
    if (
      !/^\s*(,?\s*(of|from|dated|signed(\s+(on|in))?|от|подписанн\p{L}*)\s*)$/iu.test(link) &&
      link.trim() !== ''
    )
      continue;
    const govs = input.mentions.filter(
      (m) => m.sentence === s.index && m.kind === 'actor' && input.tokens[m.t0] && m.match !== 'fallback',
    );
    const between = tokens
      .slice(s.tokenStart, s.tokenEnd)
      .findIndex((x) => x.norm === 'between' || x.norm === 'между');
    const parties = (between >= 0 ? govs.filter((m) => m.t0 > s.tokenStart + between) : govs).filter(
      (m) => m.id.startsWith('gov-') || m.roleClass === 'government',
    );
    out.push({
      type: 'diplomacy',
      actorIds: unique(parties.map((m) => m.id)).slice(0, 4),
      targetActorIds: [],
      placeId: null,
      day: date.day,
      dayEnd: date.dayEnd,
      precision: date.precision,
      dateFrom: 'text',
      summary: summarize(text, t.start, date.end),
      sentence: s,
    });
    i = j;
  }
  return out;
}

// --- merging and output ----------------------------------------------------------------------------------

/**
 * One happening reported twice in an article becomes one event: same type, same date and place, shared
 * actors; a report without a date of its own joins an earlier report of the same type by the same actor.
 */
function mergeDrafts(input: EventInput, drafts: Draft[]): FoundEvent[] {
  const events: { draft: Draft; sentences: Sentence[]; actors: Set<string>; targets: Set<string> }[] = [];
  for (const d of drafts) {
    const overlap = (e: (typeof events)[number]) =>
      d.actorIds.some((a) => e.actors.has(a)) || (d.actorIds.length === 0 && e.actors.size === 0);
    let host = events.find(
      (e) =>
        e.draft.type === d.type &&
        d.day !== null &&
        e.draft.day === d.day &&
        e.draft.dayEnd === d.dayEnd &&
        e.draft.placeId === d.placeId &&
        overlap(e),
    );
    if (!host && d.dateFrom === 'none' && d.actorIds.length > 0) {
      host = [...events].reverse().find((e) => e.draft.type === d.type && overlap(e));
    }
    if (host) {
      if (!host.sentences.includes(d.sentence)) host.sentences.push(d.sentence);
      d.actorIds.forEach((a) => host!.actors.add(a));
      d.targetActorIds.forEach((a) => host!.targets.add(a));
      if (host.draft.placeId === null) host.draft.placeId = d.placeId;
      continue;
    }
    events.push({
      draft: d,
      sentences: [d.sentence],
      actors: new Set(d.actorIds),
      targets: new Set(d.targetActorIds),
    });
  }
  return events.map(({ draft, sentences, actors, targets }) => {
    const actorIds = [...actors];
    const targetActorIds = [...targets].filter((t) => !actors.has(t));
    const date = draft.day === null ? null : formatDay(draft.day);
    const dateEnd = draft.dayEnd === null ? null : formatDay(draft.dayEnd);
    const key = [
      draft.type,
      date ?? '',
      dateEnd ?? '',
      draft.placeId ?? '',
      [...actorIds].sort().join(','),
      [...targetActorIds].sort().join(','),
    ];
    // Undated reports cannot be told apart by their content alone: the first sentence makes them unique.
    if (date === null) key.push(input.articleId, String(sentences[0].start));
    return {
      id: stableId('ev-', key.join('|')),
      date,
      dateEnd,
      datePrecision: draft.precision,
      type: draft.type,
      summary: draft.summary,
      placeId: draft.placeId,
      actorIds,
      targetActorIds,
      sources: sentences.map((s) => ({
        articleId: input.articleId,
        start: s.start,
        end: s.end,
        quote: input.text.slice(s.start, s.end),
      })),
      origin: 'article' as const,
      sentenceIndexes: sentences.map((s) => s.index),
    };
  });
}

function summarize(text: string, start: number, end: number): string {
  let s = text
    .slice(start, end)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
    .replace(/^(?:and|but|however|meanwhile|while|although|since|after|when)\b[\s,]*/i, '');
  if (s.length > 160) s = s.slice(0, 157).replace(/\s+\S*$/, '') + '…';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
