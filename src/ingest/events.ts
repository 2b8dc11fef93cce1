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
  [
    'ceasefire',
    'ceasefire|cease fire|truce|armistice|brokered|(?:ends|ended|end|ending) (?:the )?(?:fighting|hostilities|war)',
  ],
  ['attack', 'launched (?:(?:an|a) )?(?:offensive|attack|assault|counteroffensive|counter offensive)'],
  [
    'attack',
    'shot down|opened fire|fired|(?:war|fighting|clashes)(?: [\\p{L}\\d]+){0,4} (?:began|broke out|started|erupted|resumed)',
  ],
  [
    'attack',
    'attacked|attacks|attack|shelled|shelling|shells|struck|strikes|strike|bombed|bombing|bombardment|counter offensive|offensive|fighting|clashes|clashed|hostilities|battle|battles|hit|targeted',
  ],
  [
    'territorial change',
    'took control|taken control|takes control|lost control|handed over|hand over|fell to|returned to|(?:had|has|have) taken(?! (?:off|part|place|effect|over|steps|measures|note))',
  ],
  [
    'territorial change',
    'captured|capture|seized|recaptured|retook|retaken|liberated|liberation|handover|withdrew|withdrawal',
  ],
  [
    'deployment',
    'sent troops|began deploying|deployed|deploy|deploys|deployment|stationed|arrived|arrives|entered|dispatched|left for',
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
    'said|says|say|stated|states|told|tells|wrote|writes|reported|reports|welcomed|welcomes|called|announced|announces|declared|declares|denied|denies|rejected|rejects|claimed|insisted|insists|asserted|asserts|stressed|stresses|warned|warns|accused|accuses|condemned|condemns|confirmed|confirms|noted|added|invoked|invokes|reiterated|reiterates|argued|admitted|commented|responded|replied|blamed|blames|dismissed|criticised|criticized',
  ],
];

/** Russian triggers are stems: the word may go on ("заявил", "заявила", "заявлении"). */
const RU_TRIGGERS: [EventType, string][] = [
  [
    'diplomacy',
    'письм|направил|обратил|призвал|призывает|попросил|встрет|встреч|переговор|телефонн разговор|подписал|визит|посетил|обсуждал|обсудил',
  ],
  ['ceasefire', 'перемири|прекращени огня|режим тишины'],
  ['attack', 'обстрел|атак|удар|бомб|бои|боев|сбил|сбит|наступлен|столкновен'],
  [
    'territorial change',
    'взял под контроль|взяли под контроль|взят под контроль|освобод|освобожд|захват|занял|отвод|передач|передан|вернула(?!сь)|вернули(?!сь)|вернул(?![аи]|ся)',
  ],
  ['deployment', 'развернут|разверты|ввод|прибыл|вошл|размещ'],
  ['protest', 'протест|митинг|демонстрац'],
  ['humanitarian', 'беженц|эвакуац|эвакуир|гуманитарн|обмен'],
  ['casualties', 'погиб|убит|ранен|жертв'],
  [
    'statement',
    'заяв|сообщ|отмет|подчеркн|опроверг|отверг|обвин|предупред|осуд|подтверд|указал|утвержда|сказал',
  ],
];

// One capturing group per trigger row (the rows use only non-capturing groups inside), with the word
// boundaries outside the alternation so that they are checked once per position.
const EN_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${EN_TRIGGERS.map(([, src]) => `(${src})`).join('|')})(?![\\p{L}\\d])`,
  'gu',
);
const RU_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${RU_TRIGGERS.map(
    ([, src]) =>
      `((?:${src
        .split('|')
        .map((w) => w.split(' ').join('\\p{L}* '))
        .join('|')})\\p{L}*)`,
  ).join('|')})`,
  'gu',
);

/** Every word that some English trigger can start with (or be): the quick test of `findTrigger`. */
const EN_TRIGGER_WORDS: ReadonlySet<string> = new Set(
  EN_TRIGGERS.flatMap(([, src]) => src.replace(/\(\?[=!:][^)]*\)|[()?:]/g, ' ').split(/[|\s]+/))
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter((w) => w.length >= 2),
);

/** Verbs of the present (or the present perfect's auxiliaries): the clause reports the day's news. */
const PRESENT = new Set(
  `has have is are says asks urges comes calls warns denies accuses claims insists sends announces confirms rejects
  meets visits signs tells states declares appeals`.split(/\s+/),
);
const PAST = new Set(['was', 'were', 'had', 'held', 'began', 'froze', 'fought', 'took', 'fell', 'did']);
const DOCUMENT_DATE =
  /(?:statement|agreement|treaty|protocol|declaration|deal|resolution|заявлени\p{L}*|соглашени\p{L}*|договор\p{L}*|протокол\p{L}*|декларац\p{L}*)\s+(?:of|dated|from|от)\s*$/iu;
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
const APPEALS =
  /^(urged|urges|urge|asked|asks|appealed|appeals|requested|requests|called|calls|призвал\p{L}*|призывает|попросил\p{L}*|обратил\p{L}*)$/u;

interface Clause {
  sentence: Sentence;
  start: number;
  end: number;
  t0: number;
  t1: number;
  /** Anchor that ends where this clause starts: its date is the previous clause's plus `offsetDays`. */
  anchor?: DateAnchor;
  /** The clause is what the previous clause reports ("X said that <clause>"): it takes that clause's date. */
  complement?: boolean;
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
  dateFrom: 'text' | 'anchor' | 'tense' | 'reported' | 'earlier' | 'none';
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

  // Each sentence is read with only its own mentions, dates and claims: linear in the article's length.
  const bySentence = <T>(list: readonly T[], at: (x: T) => number) => {
    // The lists come in text order (mentions, dates and claims are found sentence by sentence).
    const map = new Map<number, T[]>();
    let k = 0;
    for (const s of input.sentences) {
      while (k < list.length && at(list[k]) < s.start) k++;
      const from = k;
      while (k < list.length && at(list[k]) < s.end) k++;
      map.set(s.index, list.slice(from, k));
    }
    return map;
  };
  const mentions = bySentence(input.mentions, (m) => m.start);
  const dates = bySentence(input.dates, (d) => d.start);
  const anchors = bySentence(input.anchors, (a) => a.start);
  const claims = bySentence(input.claimSpans, (c) => c[0]);

  for (const s of input.sentences) {
    const local: EventInput = {
      ...input,
      mentions: mentions.get(s.index)!,
      dates: dates.get(s.index)!,
      anchors: anchors.get(s.index)!,
      claimSpans: claims.get(s.index)!,
    };
    const clauses = splitClauses(local, s);
    const quotes = quotedRanges(input.text, s.start, s.end);
    let previous: Draft | null = null;
    for (const clause of clauses) {
      const draft = readClause(local, index, clause, quotes, theatre, lastSubject, options, previous, drafts);
      if (draft) {
        drafts.push(draft);
        previous = draft;
      } else {
        previous = null;
      }
    }
    for (const d of findDocumentEvents(local, s)) drafts.push(d);
  }
  return mergeDrafts(input, drafts);
}

// --- clauses ---------------------------------------------------------------------------------------------

const SPLIT_RE =
  /;|\s[—–]\s|,\s+(?:but|while|whereas|although|though|and then|но|а|однако)\s|,\s+and\s+(?=\p{Ll})|,\s+(?:о котором|о которой|которое|который|которая|где)\s|\s(?:since|after|before|when|while|whereas|although|because|после того как|когда)\s(?!(?:the\s+)?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|that|this|last|early|late)(?![\p{L}]))/giu;
/** A sentence without these words reports nothing ("said", "заявил", "a statement that"). */
const REPORTING_HINT =
  /said|says|say|stated|states|announce|report|claim|confirm|added|wrote|writes|insist|warn|statement|deal|agreement|document|заявил|сообщ|сказал|отметил|подтвердил|заявляет|утверждает/i;
const SPEECH_VERBS =
  'said|says|say|stated|states|announced|announces|reported|reports|claimed|claims|confirmed|confirms|added|wrote|writes|insisted|insists|warned|warns';
const MONTHS_AND_DAYS =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December';
/** Where a reported clause starts: its separator is the last capture group that matched. */
const COMPLEMENT_RE = new RegExp(
  [
    // "said that", "said on Sunday that", "wrote on Facebook that"
    `(?<![\\p{L}])(?:${SPEECH_VERBS})(?:\\s+(?!that\\b)[\\p{L}\\d]+){0,3}?(,?\\s+that\\s+)`,
    // "said the ...", "said it had ...", "said Armenian forces ..." (not "said Saturday")
    `(?<![\\p{L}])(?:${SPEECH_VERBS})(\\s+)(?=(?:the|its|his|her|their|a|an)\\s|(?:it|he|she|they)\\s+(?:had|has|have|was|were|is|are|would|will|could|did|\\p{L}+ed)\\b|(?!(?:${MONTHS_AND_DAYS})\\b)\\p{Lu})`,
    // "a statement overnight that ends the fighting"
    `(?<![\\p{L}])(?:statement|deal|agreement|document)(?:\\s+(?!that\\b)[\\p{L}\\d]+){0,2}?(\\s+that\\s+)`,
    // "заявил, что", "сказал, что"
    `(?<![\\p{L}])(?:заявил|сообщил|сказал|отметил|подтвердил|сообщает|заявляет|утверждает)\\p{L}*(,\\s+что\\s+)`,
  ].join('|'),
  'gu',
);
// "... and that its troops had begun": a second thing reported by the same speaker.
const AND_THAT_RE = /(,?\s+and\s+that\s+)/gu;
const LEADING_SUBORDINATE =
  /^(?:while|although|though|when|after|as(?!\s+per\b)|since(?!\s+then\b)|if|whereas|после того как|когда|хотя)(?![\p{L}])/iu;

function splitClauses(input: EventInput, s: Sentence): Clause[] {
  const { text, tokens } = input;
  const body = text.slice(s.start, s.end);
  const cuts: { at: number; next: number; complement?: boolean }[] = [];
  SPLIT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPLIT_RE.exec(body)) !== null)
    cuts.push({ at: s.start + m.index, next: s.start + m.index + m[0].length });
  // "X said that Y", "X заявил, что Y": Y is a clause of its own, reported by X.
  COMPLEMENT_RE.lastIndex = 0;
  const reports = REPORTING_HINT.test(body);
  while (reports && (m = COMPLEMENT_RE.exec(body)) !== null) {
    const sep = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const at = s.start + m.index + m[0].length - sep.length;
    cuts.push({ at, next: s.start + m.index + m[0].length, complement: true });
  }
  AND_THAT_RE.lastIndex = 0;
  while (reports && (m = AND_THAT_RE.exec(body)) !== null) {
    cuts.push({ at: s.start + m.index, next: s.start + m.index + m[0].length, complement: true });
  }
  if (LEADING_SUBORDINATE.test(body)) {
    const comma = body.indexOf(',');
    if (comma > 0) cuts.push({ at: s.start + comma, next: s.start + comma + 1 });
  }
  cuts.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  let start = s.start;
  let complement = false;
  for (const c of [...cuts, { at: s.end, next: s.end, complement: false }]) {
    if (c.at <= start) {
      start = Math.max(start, c.next);
      complement ||= c.complement === true;
      continue;
    }
    const clause = makeClause(tokens, s, start, c.at);
    if (complement) clause.complement = true;
    clauses.push(clause);
    start = c.next;
    complement = c.complement === true;
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
  theatre: Theatre,
  lastSubject: { person: string | null; any: string | null },
  options: EventOptions,
  previous: Draft | null,
  earlier: readonly Draft[],
): Draft | null {
  const { tokens } = input;
  if (clause.t1 <= clause.t0) return null;
  const trigger = findTrigger(input, clause, quotes);
  if (!trigger) return null;
  const { t0: trig0, t1: trig1 } = trigger;
  let type = trigger.type;

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
  // "Fahrettin Altun, the communications director of President Erdogan, called ...": the one who acts is
  // the unlisted name before the aside, not the name inside it.
  const firstComma = input.text.indexOf(',', clause.start);
  if (
    subjects.length === 1 &&
    firstComma > 0 &&
    firstComma < subjects[0].start &&
    /^\s*,\s*$/.test(input.text.slice(subjects[0].end, tokens[trig0].start)) &&
    mentions.some((m) => m.match === 'fallback' && m.end <= firstComma)
  ) {
    subjects = [];
  }
  if (subjects.length === 0) {
    const by = tokens.slice(trig1, clause.t1).findIndex((t) => t.norm === 'by');
    if (by >= 0) subjects = groupFrom(input, actorMentions, tokens[trig1 + by].end);
  }
  if (subjects.length === 0 && type === 'statement') {
    const next = actorMentions.find((m) => m.t0 >= trig1 && m.t0 <= trig1 + 1);
    if (next) subjects = [next];
  }
  // "The ministry said that its troops ...": in a reported clause, "its" is the speaker's.
  if (clause.complement && previous && previous.actorIds.length > 0 && subjects.length === 1) {
    const m = subjects[0];
    const owner = index.actorById.get(previous.actorIds[0]);
    if (m.roleClass && owner && /^(its|his|her|their)$/.test(tokens[m.t0 - 1]?.norm ?? '')) {
      const id = index.actorsByRole.get(`${owner.affiliation}|${m.roleClass}`)?.[0];
      if (id) subjects = [{ ...m, id }];
    }
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

  // "talks with X and Y" with no one before them: X and Y take part.
  if (type === 'diplomacy' && actorIds.length === 0 && targetActorIds.length > 0) {
    actorIds = targetActorIds.splice(0);
  }
  // An appeal to a government is diplomacy; one to "residents" or "both sides" is a statement.
  if (type === 'diplomacy' && APPEALS.test(tokens[trig0].norm) && targetActorIds.length === 0)
    type = 'statement';
  // An army that enters a district takes it; peacekeepers that enter it deploy.
  if (type === 'deployment' && /^(entered|вошл\p{L}*)$/u.test(tokens[trig0].norm)) {
    const a = actorIds[0] ? index.actorById.get(actorIds[0]) : undefined;
    const into = mentions.find((m) => m.kind === 'place' && m.t0 > trig0);
    const intoKind = into ? index.placeById.get(into.id)?.kind : undefined;
    if (!(a && /peacekeep/i.test(a.role)) && intoKind && /district|town|city|village/.test(intoKind))
      type = 'territorial change';
  }
  // People who arrive somewhere are visiting; troops and their commanders deploy.
  if (type === 'deployment' && /^(arrived|arrives|прибыл\p{L}*)$/u.test(tokens[trig0].norm)) {
    const a = actorIds[0] ? index.actorById.get(actorIds[0]) : undefined;
    if (a && a.kind !== 'military' && !/command|general|troops|peacekeep/i.test(a.role)) type = 'diplomacy';
  }

  // Place.
  let placeId: string | null = null;
  let fromTheatre = false;
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
      // The object of the act ("hits Ganja", "shelled Stepanakert"), then a place after a preposition.
      candidates.find((m) => m.t0 >= trig1 && m.t0 <= trig1 + 1)?.id ??
      candidates.find((m) =>
        /^(in|at|near|on|into|over|around|of|outside|в|во|на|под|около|по)$/.test(
          tokens[m.t0 - 1]?.norm ?? '',
        ),
      )?.id ??
      candidates[0]?.id ??
      // A truce holds where the war is, not in the town its talks were held in.
      (type === 'ceasefire' ? null : sentencePlaces[0]?.id) ??
      null;
    if (placeId === null) fromTheatre = true;
  }

  // Date.
  const dates = input.dates.filter(
    (d) =>
      d.start >= clause.start &&
      d.end <= clause.end &&
      !inside(quotes, d.start, d.end) &&
      // "under the terms of the statement of 10 November": the date of a document, not of this clause.
      !DOCUMENT_DATE.test(input.text.slice(Math.max(clause.start, d.start - 40), d.start)),
  );
  let day: number | null = null;
  let dayEnd: number | null = null;
  let precision: AtlasEvent['datePrecision'] = 'day';
  let dateFrom: Draft['dateFrom'] = 'none';
  let hostPlace: string | null = null;
  if (dates.length > 0) {
    const d = dates[0];
    day = d.day;
    dayEnd = d.dayEnd;
    precision = d.precision;
    dateFrom = 'text';
  } else if (options.anchors !== false && clause.anchor && previous && previous.day !== null) {
    day = previous.day + clause.anchor.offsetDays;
    dateFrom = 'anchor';
  } else if (
    clause.complement &&
    previous &&
    previous.day !== null &&
    previous.sentence === clause.sentence
  ) {
    // What a dated statement reports took place by then: "Azerbaijan said on Sunday that ... fired".
    day = previous.day;
    dayEnd = previous.dayEnd;
    precision = previous.precision;
    dateFrom = 'reported';
  } else if (options.tense !== false && input.refDay !== null && isPresent(input, clause, trig0)) {
    day = input.refDay;
    dateFrom = 'tense';
  } else {
    // A later report of a happening already dated in the article ("Pescov denied...", "The strike came...").
    // The same actor's earlier report of this kind; else, when all earlier dated reports of this kind share
    // one day, the latest of them.
    const dated = earlier.filter((d) => d.type === type && d.day !== null);
    // Else, for happenings (not what people say), when all earlier dated reports of the kind share a day.
    const host =
      [...dated].reverse().find((d) => actorIds.some((a) => d.actorIds.includes(a))) ??
      (type !== 'statement' &&
      type !== 'diplomacy' &&
      new Set(dated.map((d) => d.day)).size === 1 &&
      (actorIds.length === 0 || dated.some((d) => d.actorIds.length === 0))
        ? dated[dated.length - 1]
        : undefined);
    if (host) {
      day = host.day;
      dayEnd = host.dayEnd;
      precision = host.precision;
      dateFrom = 'earlier';
      hostPlace = host.placeId;
    }
  }

  // No place of its own: the place of the earlier report it repeats, else where the article's war is.
  if (fromTheatre) {
    placeId =
      hostPlace ??
      (type === 'ceasefire'
        ? (theatre.region ?? theatre.place)
        : CONFLICT_TYPES.has(type)
          ? (theatre.place ?? theatre.region)
          : null) ??
      mentions.find((m) => m.kind === 'place')?.id ??
      null;
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
  const cyrillic = norms.some((n) => n.charCodeAt(0) >= 0x400 && n.charCodeAt(0) <= 0x4ff);
  // Most clauses hold no trigger word: a set lookup per word spares them the large regular expression.
  if (!cyrillic && !norms.some((n) => EN_TRIGGER_WORDS.has(n))) return null;
  const joined = norms.join(' ');
  const offsets: number[] = [];
  let pos = 0;
  for (const n of norms) {
    offsets.push(pos);
    pos += n.length + 1;
  }
  const re = cyrillic ? RU_RE : EN_RE;
  const table = cyrillic ? RU_TRIGGERS : EN_TRIGGERS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(joined)) !== null) {
    let k = 0;
    while (m[k + 1] === undefined) k++;
    const type = table[k][0];
    const first = offsets.findIndex((o) => o === m!.index);
    if (first < 0) continue;
    const last = offsets.findIndex((o) => o >= m!.index + m![0].length);
    const t0 = clause.t0 + first;
    const t1 = last < 0 ? clause.t1 : clause.t0 + last;
    if (inside(quotes, tokens[t0].start, tokens[t1 - 1].end)) continue;
    const before = tokens.slice(Math.max(clause.t0, t0 - 2), t0).map((t) => t.norm);
    if (before[before.length - 1] === 'to' && type !== 'casualties') continue;
    if (before.some((w) => NEGATIONS.has(w))) continue;
    // "would take part in monitoring the truce", "will deploy": what may happen has not happened.
    if (tokens.slice(clause.t0, t0).some((t) => MODALS.has(t.norm) && !t.cap)) continue;
    // A word of a name is no trigger ("United States", "Security Council").
    if (input.mentions.some((x) => x.start <= tokens[t0].start && x.end >= tokens[t0].end)) continue;
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
  // "Hikmet Hajiyev, aide to President Ilham Aliyev, called ...", "the OSCE Minsk Group, co-chaired by
  // France, Russia and the United States, has mediated ...": the name before the aside acts.
  let last = before.length - 1;
  if (
    /^\s*,\s*(?:(?:has|have|had|was|were|is|are|also|then|later)\s+)*$/.test(
      input.text.slice(before[last].end, pos),
    )
  ) {
    const head = before.findIndex(
      (m, k) => k < last && /^\s*,/.test(input.text.slice(m.end, before[k + 1].start)),
    );
    if (head >= 0) last = head;
  }
  const group = [before[last]];
  let sawAnd = false;
  for (let k = last - 1; k >= 0; k--) {
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
  if (/^\s*,?\s+(and|or|и)\s+(the\s+)?$/iu.test(gap)) return 'and';
  if (/^\s*,\s*$/.test(gap)) return 'comma';
  return null;
}

function isPresent(input: EventInput, clause: Clause, trig0: number): boolean {
  const { tokens } = input;
  // Headlines and standfirsts tell the day's news in the present, unless they say it is past.
  if (input.leadLines.has(clause.sentence.line)) {
    return !tokens
      .slice(clause.t0, clause.t1)
      .some((t) => PAST.has(t.norm) || (t !== tokens[trig0] && /^[a-z]{3,}ed$/.test(t.norm)));
  }
  const t = tokens[trig0];
  if (PRESENT.has(t.norm)) return true;
  if (t.cyrillic && /(ет|ит|ют|ят)(ся)?$/.test(t.norm)) return true;
  // The auxiliary before the trigger ("has sent"), or the verb after a noun trigger ("his letter comes").
  const end = Math.min(clause.t1, trig0 + 3);
  for (let k = clause.t0; k < end; k++)
    if (PRESENT.has(tokens[k].norm) || tokens[k].norm === 'now') return true;
  return false;
}

/** Where the article's war is: the place most named, and the region most places lie in. */
interface Theatre {
  place: string | null;
  region: string | null;
}

/**
 * The place most often named as a place (not a capital acting as its government, not a country), and the
 * region (Nagorno-Karabakh) that the most named places lie in: where undated, unplaced fighting goes.
 */
function findTheatre(input: EventInput, index: ReferenceIndex): Theatre {
  const places = new Map<string, number>();
  const regions = new Map<string, number>();
  const placeRegion = new Map<string, string | null>();
  for (const m of input.mentions) {
    if (m.kind !== 'place') continue;
    const p = index.placeById.get(m.id);
    if (!p || p.kind === 'country' || p.country === 'INT' || p.country === 'ZZ') continue;
    let region: string | null = null;
    for (
      let q: typeof p | undefined = p, guard = 0;
      q && guard < 5;
      q = q.parent ? index.placeById.get(q.parent) : undefined, guard++
    ) {
      if (q.kind === 'region') {
        region = q.id;
        break;
      }
    }
    if (region) regions.set(region, (regions.get(region) ?? 0) + 1);
    if (!index.governmentBySeat.has(p.id) && p.kind !== 'region') {
      places.set(m.id, (places.get(m.id) ?? 0) + 1);
      placeRegion.set(m.id, region);
    }
  }
  const region = mostFrequent(regions);
  // A place outside the war's region (Bishkek, where a truce was signed) is not where the fighting is.
  if (region) for (const id of [...places.keys()]) if (placeRegion.get(id) !== region) places.delete(id);
  return { place: mostFrequent(places), region };
}

function mostFrequent(counts: Map<string, number>): string | null {
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
        // In one article, "a missile struck Ganja" and "Armenian forces fired at Ganja" are one strike; a
        // report that names no place joins one by the same actors.
        ((e.draft.placeId === d.placeId && (overlap(e) || e.actors.size === 0 || d.actorIds.length === 0)) ||
          ((e.draft.placeId === null || d.placeId === null) && overlap(e))),
    );
    if (!host && d.dateFrom === 'none' && d.actorIds.length > 0) {
      host = [...events].reverse().find((e) => e.draft.type === d.type && overlap(e));
    }
    if (host) {
      if (!host.sentences.includes(d.sentence)) host.sentences.push(d.sentence);
      // The summary of the first report that names who acted.
      if (host.actors.size === 0 && d.actorIds.length > 0) host.draft.summary = d.summary;
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
    .replace(/^(?:and|but|however|meanwhile|while|although|since then|since|after|when)\b[\s,]*/i, '');
  if (s.length > 160) s = s.slice(0, 157).replace(/\s+\S*$/, '') + '…';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
