/**
 * Scoring of the reader against hand-annotated articles (see `fixtures/articles/README.md`): precision and
 * recall of place and actor mentions (span and id), of events (type and actors), of event dates, and of
 * claims.
 */
import type { AtlasEvent, Claim, Mention } from '../data/model';

/** A place or actor the annotator marked. */
export interface ExpectedMention {
  text: string;
  kind: 'place' | 'actor';
  id: string;
  /** Which whole-word occurrences of `text` (0-based, among those not inside a longer expected text). */
  at?: number[];
}

/** An event the annotator marked. */
export interface ExpectedEvent {
  type: AtlasEvent['type'];
  date: string | null;
  dateEnd?: string | null;
  datePrecision?: AtlasEvent['datePrecision'];
  placeId: string | null;
  actorIds: string[];
  targetActorIds?: string[];
}

/** The annotation of one fixture article. */
export interface ExpectedArticle {
  published: string | null;
  lang: string;
  mentions: ExpectedMention[];
  unknown?: string[];
  events: ExpectedEvent[];
  claims: { quantity: Claim['quantity']; value: number; actorId: string | null }[];
}

/** True and false positives and false negatives, with the ratios. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Scores of one article, or summed over several. */
export interface ArticleScore {
  places: Counts;
  actors: Counts;
  events: Counts;
  eventDates: Counts;
  claims: Counts;
  /** Claims found with the right claimant, over claims found that the annotation has. */
  claimants: { right: number; of: number };
  /** Unknown names kept as fallback mentions, over unknown names annotated. */
  fallback: { found: number; of: number };
  header: { right: number; of: number };
  /** What went wrong, in words, for the eval report. */
  misses: string[];
}

interface Span {
  start: number;
  end: number;
  kind: 'place' | 'actor';
  id: string;
  text: string;
}

/** Spans of the expected mentions in `text` (longest texts first, so "Armenia's defence ministry" wins). */
export function resolveExpectedMentions(text: string, expected: ExpectedMention[]): Span[] {
  const spans: Span[] = [];
  const taken: [number, number][] = [];
  const byLength = [...expected].sort((a, b) => b.text.length - a.text.length);
  const occurrences = new Map<string, [number, number][]>();
  for (const e of byLength) {
    if (!occurrences.has(e.text)) {
      const list: [number, number][] = [];
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(e.text)}(?![\\p{L}\\p{N}])`, 'gu');
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const s = m.index;
        const t = s + m[0].length;
        if (!taken.some(([a, b]) => s < b && t > a)) list.push([s, t]);
      }
      occurrences.set(e.text, list);
    }
    const list = occurrences.get(e.text)!;
    const picks = e.at ?? list.map((_, i) => i);
    for (const i of picks) {
      const occ = list[i];
      if (!occ) throw new Error(`expected mention "${e.text}" has no occurrence ${i}`);
      spans.push({ start: occ[0], end: occ[1], kind: e.kind, id: e.id, text: e.text });
    }
    for (const occ of list) taken.push(occ);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Scores the reader's output for one article against its annotation. */
export function scoreArticle(
  text: string,
  expected: ExpectedArticle,
  found: {
    published: string | null;
    lang: string;
    mentions: Mention[];
    events: AtlasEvent[];
    claims: Claim[];
  },
): ArticleScore {
  const misses: string[] = [];
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const score: ArticleScore = {
    places: zero(),
    actors: zero(),
    events: zero(),
    eventDates: zero(),
    claims: zero(),
    claimants: { right: 0, of: 0 },
    fallback: { found: 0, of: 0 },
    header: { right: 0, of: 2 },
    misses,
  };
  if (found.published === expected.published) score.header.right++;
  else misses.push(`published: ${found.published} instead of ${expected.published}`);
  if (found.lang === expected.lang) score.header.right++;

  // Mentions: a found mention is right when it overlaps an expected one of the same kind and id.
  const spans = resolveExpectedMentions(text, expected.mentions);
  const matched = new Set<Span>();
  for (const m of found.mentions) {
    if (m.match === 'fallback') continue;
    const hit = spans.find(
      (s) => !matched.has(s) && s.kind === m.kind && s.id === m.id && m.start < s.end && m.end > s.start,
    );
    const counts = m.kind === 'place' ? score.places : score.actors;
    if (hit) {
      matched.add(hit);
      counts.tp++;
    } else {
      counts.fp++;
      const other = spans.find((s) => m.start < s.end && m.end > s.start);
      misses.push(
        `mention "${m.text}" -> ${m.kind} ${m.id}${other ? ` (expected ${other.kind} ${other.id})` : ' (not expected)'}`,
      );
    }
  }
  for (const s of spans) {
    if (matched.has(s)) continue;
    (s.kind === 'place' ? score.places : score.actors).fn++;
    misses.push(`missed "${s.text}" (${s.kind} ${s.id})`);
  }
  for (const name of expected.unknown ?? []) {
    score.fallback.of++;
    if (found.mentions.some((m) => m.match === 'fallback' && m.text.includes(name))) score.fallback.found++;
  }

  // Events: same type and compatible actors; the best date match first.
  const used = new Set<AtlasEvent>();
  const sameDate = (e: ExpectedEvent, f: AtlasEvent) =>
    e.date === f.date && (e.date === null || (e.dateEnd ?? null) === f.dateEnd);
  for (const e of expected.events) {
    const candidates = found.events.filter((f) => !used.has(f) && f.type === e.type && actorsAgree(e, f));
    const f = candidates.find((c) => sameDate(e, c)) ?? candidates[0];
    if (!f) {
      score.events.fn++;
      if (e.date !== null) score.eventDates.fn++;
      misses.push(`missed event ${e.type} ${e.date ?? 'undated'} [${e.actorIds.join(', ')}]`);
      continue;
    }
    used.add(f);
    score.events.tp++;
    if (e.date !== null || f.date !== null) {
      if (sameDate(e, f)) score.eventDates.tp++;
      else {
        if (e.date !== null) score.eventDates.fn++;
        if (f.date !== null) score.eventDates.fp++;
        misses.push(
          `event ${e.type} [${e.actorIds.join(', ')}] dated ${f.date}..${f.dateEnd} instead of ${e.date}..${e.dateEnd ?? null}`,
        );
      }
    }
  }
  for (const f of found.events) {
    if (used.has(f)) continue;
    score.events.fp++;
    if (f.date !== null) score.eventDates.fp++;
    misses.push(
      `extra event ${f.type} ${f.date ?? 'undated'} [${f.actorIds.join(', ')}]: ${f.summary.slice(0, 70)}`,
    );
  }

  // Claims: quantity and value; the claimant is scored apart.
  const claimUsed = new Set<Claim>();
  for (const c of expected.claims) {
    const f = found.claims.find((x) => !claimUsed.has(x) && x.quantity === c.quantity && x.value === c.value);
    if (!f) {
      score.claims.fn++;
      misses.push(`missed claim ${c.quantity} ${c.value}`);
      continue;
    }
    claimUsed.add(f);
    score.claims.tp++;
    score.claimants.of++;
    if (f.actorId === c.actorId) score.claimants.right++;
    else misses.push(`claim ${c.quantity} ${c.value} attributed to ${f.actorId} instead of ${c.actorId}`);
  }
  for (const f of found.claims) {
    if (claimUsed.has(f)) continue;
    score.claims.fp++;
    misses.push(`extra claim ${f.quantity} ${f.value}: "${f.text}"`);
  }
  return score;
}

/** Same actors, or one side names none and the places agree (or one is unknown). */
function actorsAgree(e: ExpectedEvent, f: AtlasEvent): boolean {
  if (e.actorIds.some((a) => f.actorIds.includes(a))) return true;
  if (e.actorIds.length === 0 && f.actorIds.length === 0) return true;
  if (e.actorIds.length === 0 || f.actorIds.length === 0) {
    return e.placeId === null || f.placeId === null || e.placeId === f.placeId;
  }
  return false;
}

/** Sums scores. */
export function sumScores(scores: ArticleScore[]): ArticleScore {
  const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
  return scores.reduce(
    (acc, s) => ({
      places: add(acc.places, s.places),
      actors: add(acc.actors, s.actors),
      events: add(acc.events, s.events),
      eventDates: add(acc.eventDates, s.eventDates),
      claims: add(acc.claims, s.claims),
      claimants: { right: acc.claimants.right + s.claimants.right, of: acc.claimants.of + s.claimants.of },
      fallback: { found: acc.fallback.found + s.fallback.found, of: acc.fallback.of + s.fallback.of },
      header: { right: acc.header.right + s.header.right, of: acc.header.of + s.header.of },
      misses: [...acc.misses, ...s.misses],
    }),
    {
      places: { tp: 0, fp: 0, fn: 0 },
      actors: { tp: 0, fp: 0, fn: 0 },
      events: { tp: 0, fp: 0, fn: 0 },
      eventDates: { tp: 0, fp: 0, fn: 0 },
      claims: { tp: 0, fp: 0, fn: 0 },
      claimants: { right: 0, of: 0 },
      fallback: { found: 0, of: 0 },
      header: { right: 0, of: 0 },
      misses: [] as string[],
    },
  );
}

/** Precision, recall and F1 of counts (1 when there is nothing to find and nothing was found). */
export function ratios(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
