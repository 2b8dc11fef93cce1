/**
 * Claims: numbers of dead, wounded, displaced, fighters, captured or missing, with who asserts them. A claim
 * stays a claim: it is recorded as written, with its qualifier ("more than", "over"), and never becomes a
 * fact of an event.
 */
import type { Claim } from '../data/model';
import type { BodyDate } from './body-dates';
import { stableId } from './hash';
import type { FoundMention } from './mentions';
import type { Sentence, Token } from './text';

type Quantity = Claim['quantity'];

/** A claim with the sentence it was read from (for linking it to an event). */
export interface FoundClaim extends Claim {
  sentence: number;
}

/** What the claim reader works on. */
export interface ClaimInput {
  text: string;
  articleId: string;
  tokens: Token[];
  sentences: Sentence[];
  mentions: FoundMention[];
  dates: BodyDate[];
}

const QUANTITY_WORDS: [Quantity, RegExp][] = [
  [
    'killed',
    /^(killed|dead|died|deaths?|toll|lives|fatalities|lost|погиб\p{L}*|убит\p{L}*|жертв\p{L}*|смерт\p{L}*)$/u,
  ],
  ['wounded', /^(wounded|injured|injuries|hurt|ранен\p{L}*|пострадал\p{L}*|пострадавш\p{L}*)$/u],
  [
    'displaced',
    /^(displaced|refugees|fled|evacuated|homeless|беженц\p{L}*|переселен\p{L}*|эвакуирован\p{L}*|покинул\p{L}*)$/u,
  ],
  ['captured', /^(captured|prisoners|pows|detained|captives|пленн\p{L}*|захвачен\p{L}*|задержан\p{L}*)$/u],
  ['missing', /^(missing|пропавш\p{L}*|пропал\p{L}*)$/u],
  [
    'fighters',
    /^(fighters|mercenaries|militants|troops|soldiers|servicemen|peacekeepers|personnel|militiamen|volunteers|боевик\p{L}*|наемник\p{L}*|наёмник\p{L}*|военнослужащ\p{L}*|миротворц\p{L}*|военных|солдат\p{L}*|добровол\p{L}*)$/u,
  ],
];

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
  два: 2,
  двое: 2,
  три: 3,
  трое: 3,
  четыре: 4,
  пять: 5,
  десять: 10,
  сотни: 200,
  тысячи: 2000,
};

const QUALIFIERS =
  /(more than a|more than|over|at least|about|around|nearly|almost|up to|some|approximately|roughly|fewer than|less than|as many as|in excess of|более чем|более|свыше|около|почти|не менее|по меньшей мере|порядка|до)\s*$/iu;

const SPEECH =
  /^(said|says|say|claimed|claims|claiming|reported|reports|reporting|stated|states|told|announced|announces|estimated|estimates|put|puts|putting|counted|confirmed|confirms|заявил\p{L}*|сообщ\p{L}*|утвержда\p{L}*|подсчитал\p{L}*|оценил\p{L}*)$/u;

/** Finds the claims of an article. */
export function findClaims(input: ClaimInput): FoundClaim[] {
  const out: FoundClaim[] = [];
  const { text, tokens } = input;
  const numberRe =
    /(?<![\d.,:\p{L}])(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|тыс\.?|тысяч\p{L}*|млн))?(?![\d\p{L}%])|(?<![\p{L}])(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens|hundreds|thousands|hundred|thousand|dozen|два|двое|три|трое|четыре|пять|десять|сотни|тысячи)(?![\p{L}])/giu;
  for (const s of input.sentences) {
    const body = text.slice(s.start, s.end);
    if (
      !/\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozen|hundred|thousand|два|двое|три|трое|четыре|пять|десять|сотни|тысячи/i.test(
        body,
      )
    )
      continue;
    numberRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = numberRe.exec(body)) !== null) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (input.dates.some((d) => start < d.end && end > d.start)) continue;
      const value = m[3] ? NUMBER_WORDS[m[3].toLowerCase()] : parseNumber(m[1], m[2]);
      if (!Number.isFinite(value) || value <= 0) continue;
      // Years, article numbers, times and ordinals are not counts.
      if (m[1] && /^(1[89]|20)\d{2}$/.test(m[1]) && !m[2]) continue;
      const before = body.slice(Math.max(0, m.index - 12), m.index);
      if (/(article|no\.|№|статьи|статья|#|\$|€|£)\s*$/i.test(before)) continue;
      const after = body.slice(m.index + m[0].length);
      if (/^\s*[:.]\d/.test(after)) continue;
      // Times, distances, durations and shares are not counts of people.
      if (
        /^\s*(am|pm|a\.m\.|p\.m\.|gmt|utc|h\b|hours?|o'clock|km|kilomet|miles?|met(re|er)s?|percent|per cent|years?|days?|weeks?|months?|км|час|лет|год|дн|процент)/iu.test(
          after,
        )
      )
        continue;

      const ti = tokens.findIndex((t) => t.start >= start && t.sentence === s.index);
      if (ti < 0) continue;
      const lastNumberToken = lastTokenBefore(tokens, end, ti);
      const q = findQuantity(tokens, s, ti, lastNumberToken);
      if (!q) continue;

      // The qualifier ends where the number starts: look at the few words before it only.
      const lead = Math.max(0, m.index - 24);
      const qual = QUALIFIERS.exec(body.slice(lead, m.index));
      const qualifier = qual ? qual[1] : undefined;
      const spanStart = Math.min(qual ? s.start + lead + qual.index : start, q.token.start);
      const spanEnd = Math.max(end, q.token.end);
      const claimant = findClaimant(input, s, start, end);
      const claim: FoundClaim = {
        id: stableId('cl-', `${input.articleId}|${spanStart}|${spanEnd}`),
        actorId: claimant,
        quantity: q.quantity,
        value,
        ...(qualifier ? { qualifier } : {}),
        articleId: input.articleId,
        start: spanStart,
        end: spanEnd,
        text: text.slice(spanStart, spanEnd),
        sentence: s.index,
      };
      out.push(claim);
    }
  }
  return out;
}

function parseNumber(digits: string, scale: string | undefined): number {
  const v = Number(digits.replace(/[,\u00a0 ]/g, ''));
  if (!scale) return v;
  return /^(million|млн)/i.test(scale) ? v * 1_000_000 : v * 1000;
}

function lastTokenBefore(tokens: Token[], end: number, from: number): number {
  let k = from;
  while (k + 1 < tokens.length && tokens[k + 1].end <= end) k++;
  return k;
}

/**
 * The quantity of a number: the nearest casualty word up to 8 words after it, else up to 15 before it; a
 * word for fighters counts only where no casualty word is near ("16 servicemen were killed" is a toll).
 */
function findQuantity(
  tokens: Token[],
  s: Sentence,
  first: number,
  last: number,
): { quantity: Quantity; token: Token } | null {
  const window: Token[] = [];
  for (let k = last + 1; k < Math.min(s.tokenEnd, last + 9); k++) window.push(tokens[k]);
  for (let k = first - 1; k >= Math.max(s.tokenStart, first - 15); k--) window.push(tokens[k]);
  let fighters: { quantity: Quantity; token: Token } | null = null;
  for (const t of window) {
    const q = quantityOf(t);
    if (q === 'fighters') fighters ??= { quantity: q, token: t };
    else if (q) return { quantity: q, token: t };
  }
  return fighters;
}

function quantityOf(t: Token): Quantity | null {
  for (const [q, re] of QUANTITY_WORDS) if (re.test(t.norm)) return q;
  return null;
}

/**
 * Who asserts the number: "according to X" / "по данным X", else the nearest actor named just before a
 * verb of saying in the sentence ("with Putin claiming it be over 50,000", "the ministry said"); null for
 * "have been reported" with no one named.
 */
function findClaimant(input: ClaimInput, s: Sentence, start: number, end: number): string | null {
  const { tokens, mentions } = input;
  const actors = mentions.filter(
    (m) => m.sentence === s.index && m.kind === 'actor' && m.match !== 'fallback' && !m.modifier,
  );
  const sentenceText = input.text.slice(s.start, s.end);
  const according = /(according to|citing|по данным|по словам|по информации|согласно)\s/giu;
  let m: RegExpExecArray | null;
  while ((m = according.exec(sentenceText)) !== null) {
    const at = s.start + m.index + m[0].length;
    const who = actors.find((a) => a.start >= at && a.start - at <= 20);
    if (who) return who.id;
  }
  const speakers = actors.filter((a) => {
    const next = tokens.slice(a.t1, Math.min(a.t1 + 4, s.tokenEnd));
    const prev = tokens[a.t0 - 1];
    return (
      next.some((t) => SPEECH.test(t.norm)) || (prev && prev.sentence === s.index && SPEECH.test(prev.norm))
    );
  });
  if (speakers.length === 0) return null;
  const before = speakers.filter((a) => a.end <= start);
  if (before.length > 0) return before[before.length - 1].id;
  // ", the ministry said" after the number, in the same clause.
  const after = speakers.find((a) => a.start >= end && a.start - end <= 80);
  if (after && !/\bbut\b|;|\bно\b/iu.test(input.text.slice(end, after.start))) return after.id;
  return null;
}
