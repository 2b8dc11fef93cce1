/**
 * Finds the places and actors an article names: listed names and aliases (any case ending in Russian),
 * role phrases ("Russian President", "Azerbaijani forces", "МИД Армении"), metonyms ("Moscow urged"),
 * misspellings (fuzzy), and, as `fallback`, capitalised names that are in neither list.
 */
import type { Mention } from '../data/model';
import { damerauLevenshtein, jaroWinkler } from './fuzzy';
import {
  AGENT_VERBS,
  COUNTRY_ADJECTIVES,
  DEMONYMS,
  DOCUMENT_WORDS,
  NAME_CONNECTORS,
  NOT_NAMES,
  ROLE_ADJECTIVE_NOUNS,
  ROLE_TERMS,
  RU_AGENT_WORDS,
  RU_COUNTRY_ADJECTIVES,
  RU_ROLE_TERMS,
  TARGET_VERBS,
  TITLES,
  type RoleClass,
} from './lexicon';
import { heldIn, type Form, type FormTarget, type ReferenceIndex } from './reference';
import { fold, ruStem, slugify, type Sentence, type Token } from './text';

/** A mention with what the event and claim readers need to know about it. */
export interface FoundMention extends Mention {
  sentence: number;
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  /** The role class, for role phrases and actors that hold one. */
  roleClass?: RoleClass;
  /** For metonyms: the place that was written ("Moscow" in "Moscow urged"). */
  placeId?: string;
  /** True when the mention only qualifies the next name ("Kremlin" in "Kremlin spokesman Dmitry Peskov"). */
  modifier?: boolean;
  /** For fallback mentions: whether the name looks like a place or an actor. */
  guess?: 'place' | 'actor';
  /** True when the words differ from the listed form by a case ending ("Москве" for "Москва"). */
  inflected?: boolean;
}

/** Options of the mention finder; the switches exist so that `npm run eval` can measure each part. */
export interface MentionOptions {
  /** Resolve misspellings by string similarity. @default true */
  fuzzy?: boolean;
  /** Which similarity decides: both (Damerau-Levenshtein distance and Jaro-Winkler), or one. @default 'both' */
  fuzzyMethod?: 'both' | 'jaro-winkler' | 'damerau-levenshtein';
  /** Keep unknown capitalised names as `fallback` mentions. @default true */
  fallback?: boolean;
}

/** The tokenised article the finder works on. */
export interface MentionInput {
  text: string;
  articleId: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Sentences of a title-case headline: no fallback names there, stricter fuzzy matching. */
  titleCaseSentences: ReadonlySet<number>;
  /** Year of publication: "the Armenian President" of 2020 is not the one of 1995. */
  year?: number | null;
}

/** Words that may stand between a Russian subject and its verb: "Азербайджан в свою очередь заявил". */
const RU_FILLERS = new Set([
  'в',
  'свою',
  'очередь',
  'также',
  'же',
  'тоже',
  'вновь',
  'снова',
  'уже',
  'ранее',
  'вчера',
  'сегодня',
]);
/** Russian verbs whose object is the actor acted upon: "призвала Армению". */
const RU_TARGET_VERBS = /^(призвал|призывает|обвинил|обвиняет|попросил|предупредил|поддержал)\p{L}*$/u;

/** Jaro-Winkler score a misspelling needs; stricter at the start of a sentence and in title-case lines. */
const FUZZY_MIN = 0.88;
const FUZZY_MIN_STRICT = 0.92;

const RU_ROLE_KEYS: [string[], RoleClass][] = RU_ROLE_TERMS.map(([words, c]) => [
  words.map((w) => ruStem(w, true)),
  c,
]);

/** Role terms by their first word (longest first), so that each token is checked against a few. */
function byFirstWord(terms: readonly [string[], RoleClass][]): Map<string, [string[], RoleClass][]> {
  const map = new Map<string, [string[], RoleClass][]>();
  for (const term of terms) {
    if (!map.has(term[0][0])) map.set(term[0][0], []);
    map.get(term[0][0])!.push(term);
  }
  for (const list of map.values()) list.sort((a, b) => b[0].length - a[0].length);
  return map;
}
const ROLES_BY_FIRST = byFirstWord(ROLE_TERMS);
const RU_ROLES_BY_FIRST = byFirstWord(RU_ROLE_KEYS);

/** Finds all mentions of an article, in text order. */
export function findMentions(
  input: MentionInput,
  index: ReferenceIndex,
  options: MentionOptions = {},
): FoundMention[] {
  const finder = new Finder(input, index, options);
  return finder.run();
}

/** What qualifies a role word: a country adjective, a country, or a government ("Kremlin"). */
interface Modifier {
  code: string;
  t0: number;
  t1: number;
  adjective: boolean;
}

interface FuzzyHit {
  form: Form;
  score: number;
}

const fuzzyCaches = new WeakMap<ReferenceIndex, Map<string, FuzzyHit | null>>();

class Finder {
  private readonly out: FoundMention[] = [];
  /** Ids seen so far in the article, for choosing between targets of one form. */
  private readonly seen = new Set<string>();
  /** Actor mentions so far, for "the ministry said". */
  private readonly actorHistory: FoundMention[] = [];
  /** Words written capitalised somewhere inside a sentence (not first): real names, not sentence starts. */
  private readonly midCaps = new Set<string>();
  private readonly fuzzyCache: Map<string, FuzzyHit | null>;
  private covered: Uint8Array;
  /** Index in `out` of the current sentence's first mention: lookups stay inside the sentence. */
  private sentenceFrom = 0;

  constructor(
    private readonly input: MentionInput,
    private readonly index: ReferenceIndex,
    private readonly options: MentionOptions,
  ) {
    this.covered = new Uint8Array(input.tokens.length);
    for (const s of input.sentences) {
      for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) {
        const t = input.tokens[i];
        if (t.cap && !input.titleCaseSentences.has(s.index)) this.midCaps.add(t.norm);
      }
    }
    const key = `${options.fuzzyMethod ?? 'both'}`;
    let caches = fuzzyCaches.get(index);
    if (!caches) {
      caches = new Map();
      fuzzyCaches.set(index, caches);
    }
    // One cache per index and method; the key is folded into the cached word below.
    this.fuzzyCache = caches;
    this.fuzzyKeyPrefix = key;
  }

  private readonly fuzzyKeyPrefix: string;

  run(): FoundMention[] {
    for (const s of this.input.sentences) {
      const start = this.out.length;
      this.sentenceFrom = start;
      this.matchForms(s);
      this.matchRoles(s);
      this.resolveMetonyms(s, start);
      if (this.options.fuzzy !== false) this.matchFuzzy(s);
      if (this.options.fallback !== false && !this.input.titleCaseSentences.has(s.index))
        this.matchFallback(s);
      // Keep text order inside the sentence, and drop a mention that repeats the next one's actor.
      const part = this.out.splice(start).sort((a, b) => a.start - b.start);
      for (let k = 0; k < part.length; k++) {
        const m = part[k];
        const next = part[k + 1];
        if (
          next &&
          m.kind === 'actor' &&
          next.kind === 'actor' &&
          m.id === next.id &&
          /^\s*$/.test(this.input.text.slice(m.end, next.start))
        ) {
          continue;
        }
        this.out.push(m);
        this.seen.add(m.id);
        if (m.kind === 'actor' && m.match !== 'fallback') this.actorHistory.push(m);
      }
    }
    return this.out;
  }

  // --- 1. Names and aliases of the lists -------------------------------------------------------------

  private matchForms(s: Sentence): void {
    const { tokens, text } = this.input;
    for (let i = s.tokenStart; i < s.tokenEnd;) {
      const t = tokens[i];
      const forms = t.cap || /^\d/.test(t.text) ? this.formsFor(t) : undefined;
      let matched = 0;
      if (forms) {
        for (const form of forms) {
          const n = form.keys.length;
          if (i + n > s.tokenEnd) continue;
          let ok = true;
          for (let k = 1; k < n && ok; k++) {
            ok =
              sharesKey(tokens[i + k].keys, form.variants[k]) &&
              gapJoinsName(text, tokens[i + k - 1].end, tokens[i + k].start);
          }
          if (ok && form.caseSensitive) {
            for (let k = 0; k < n && ok; k++) ok = tokens[i + k].upper || tokens[i + k].text.length === 1;
          }
          if (!ok) continue;
          const target = this.chooseTarget(form.targets);
          // "the Azerbaijani-Turkish military alliance": an actor's name used as an adjective names no actor.
          const following = tokens[i + n];
          if (
            target.kind === 'actor' &&
            following &&
            following.sentence === s.index &&
            ROLE_ADJECTIVE_NOUNS.has(following.norm) &&
            this.roleAt(i + n - 1, i + n) !== null
          ) {
            continue;
          }
          const words = literalOf(form);
          let literal = words.length === n;
          for (let k = 0; k < n && literal; k++) literal = tokens[i + k].norm === words[k];
          const exact = target.exact && literal;
          if (target.kind === 'actor' && n === 1 && this.otherFirstName(i, target.id)) continue;
          this.push({
            kind: target.kind,
            id: target.id,
            start: t.start,
            end: tokens[i + n - 1].end,
            match: exact ? 'exact' : 'alias',
            score: exact ? 1 : literal ? 0.95 : 0.9,
            sentence: s.index,
            t0: i,
            t1: i + n,
            inflected: !literal,
          });
          if (target.kind === 'actor' && form.keys.length === 1) this.extendFirstName(i);
          matched = n;
          break;
        }
      }
      i += matched || 1;
    }
  }

  /** The mentions found so far in the current sentence. */
  private current(): FoundMention[] {
    return this.out.slice(this.sentenceFrom);
  }

  /** The first mention of the current sentence that `test` accepts (no copy of the list). */
  private findCurrent(test: (m: FoundMention) => boolean): FoundMention | undefined {
    for (let k = this.sentenceFrom; k < this.out.length; k++) if (test(this.out[k])) return this.out[k];
    return undefined;
  }

  /** The forms whose first word may be this token, longest first. */
  private formsFor(t: Token): Form[] | undefined {
    if (t.keys.length === 1) return this.index.formsByFirstKey.get(t.keys[0]);
    const all = new Set<Form>();
    for (const k of t.keys) for (const f of this.index.formsByFirstKey.get(k) ?? []) all.add(f);
    return [...all].sort((a, b) => b.keys.length - a.keys.length);
  }

  /**
   * Among the targets of one form: places before actors (a capital that acts becomes its government later,
   * see `resolveMetonyms`), then one already named in the article, then names before aliases.
   */
  private chooseTarget(targets: FormTarget[]): FormTarget {
    if (targets.length === 1) return targets[0];
    const places = targets.filter((t) => t.kind === 'place');
    const pool = places.length > 0 ? places : targets;
    const seen = pool.find((t) => this.seen.has(t.id));
    if (seen) return seen;
    return pool.find((t) => t.exact) ?? pool[0];
  }

  /**
   * "Kamran Aliyev" is not Ilham Aliyev: a surname alone does not match when an unknown first name stands
   * before it.
   */
  private otherFirstName(i: number, actorId: string): boolean {
    const actor = this.index.actorById.get(actorId);
    const prev = this.input.tokens[i - 1];
    if (!actor || actor.kind !== 'person' || !prev || !prev.cap || this.covered[i - 1]) return false;
    if (prev.sentence !== this.input.tokens[i].sentence || i - 1 < 0) return false;
    if (!/^\s+$/.test(this.input.text.slice(prev.end, this.input.tokens[i].start))) return false;
    if (
      NOT_NAMES.has(prev.norm) ||
      DEMONYMS.has(prev.norm) ||
      COUNTRY_ADJECTIVES.has(prev.norm) ||
      prev.upper
    )
      return false;
    if (this.roleAt(i - 1, i)) return false;
    const firsts = [actor.name, ...actor.aliases]
      .map((n) => n.split(/\s+/))
      .filter((w) => w.length > 1)
      .map((w) => fold(w[0]));
    return !firsts.some((f) => jaroWinkler(prev.norm, f) >= 0.85);
  }

  /** "Nicol Pashinyan": a first name spelled unlike the list's joins the surname's mention. */
  private extendFirstName(i: number): void {
    const m = this.out[this.out.length - 1];
    const actor = this.index.actorById.get(m.id);
    const prev = this.input.tokens[i - 1];
    if (!actor || actor.kind !== 'person' || !prev || this.covered[i - 1] || !prev.cap) return;
    if (prev.sentence !== this.input.tokens[i].sentence) return;
    if (!/^\s+$/.test(this.input.text.slice(prev.end, this.input.tokens[i].start))) return;
    const first = fold(actor.name.split(/\s+/)[0]);
    if (jaroWinkler(prev.norm, first) < 0.85) return;
    m.start = prev.start;
    m.t0 = i - 1;
    m.text = this.input.text.slice(m.start, m.end);
    this.covered[i - 1] = 1;
  }

  // --- 2. Role phrases ---------------------------------------------------------------------------------

  private matchRoles(s: Sentence): void {
    const { tokens } = this.input;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (this.covered[i]) continue;
      if (tokens[i].norm === 'republic' && i > s.tokenStart && tokens[i - 1].cap && !this.covered[i - 1]) {
        // "the Armenian Republic" is the country.
        const code = COUNTRY_ADJECTIVES.get(tokens[i - 1].norm);
        const placeId = code ? this.index.placeByCode.get(code) : undefined;
        if (placeId) {
          this.push({
            kind: 'place',
            id: placeId,
            start: tokens[i - 1].start,
            end: tokens[i].end,
            match: 'alias',
            score: 0.85,
            sentence: s.index,
            t0: i - 1,
            t1: i + 1,
          });
        }
        continue;
      }
      const role = this.roleAt(i, s.tokenEnd);
      if (!role) continue;
      const [n, cls] = role;
      // "Arayik Harutyunyan, the leader of the Karabakh authorities": an aside about the name before it.
      const before = tokens.slice(Math.max(s.tokenStart, i - 2), i).map((t) => t.norm);
      const named = this.findCurrent(
        (x) => x.kind === 'actor' && x.t1 === i - (before[before.length - 1] === 'the' ? 1 : 0),
      );
      if (
        named &&
        /,\s*(the\s+)?$/.test(this.input.text.slice(named.end, tokens[i].start)) &&
        this.index.actorById.get(named.id)?.kind === 'person'
      ) {
        continue;
      }
      const after = i + n;
      // "military alliance", "army base": the role word is an adjective here.
      if (after < s.tokenEnd && ROLE_ADJECTIVE_NOUNS.has(tokens[after].norm)) continue;
      const filters = tokens.slice(Math.max(s.tokenStart, i - 1), after).map((t) => t.norm);
      const appositive = after < s.tokenEnd && this.personAt(after);

      // Modifiers before the role: "Armenian", "Armenia", "Armenia's", "Kremlin", "армянские",
      // or a list of them ("Armenian and Azerbaijani forces").
      const mods = this.modifiersBefore(i, s.tokenStart);
      // Or a country after it: "Foreign Ministry of Armenia", "президент России", "МИД Азербайджана".
      const post = mods.length === 0 ? this.countryAfter(after, s.tokenEnd) : null;

      if (mods.length > 0) {
        for (const mod of mods) {
          if (appositive && mod === mods[mods.length - 1]) {
            // "Kremlin spokesman Dmitry Peskov": the Kremlin qualifies Peskov; it does not act itself.
            const qualifier = this.findCurrent((x) => x.t0 === mod.t0 && x.kind === 'actor');
            if (qualifier) qualifier.modifier = true;
            continue;
          }
          const id = this.resolveRole(mod.code, cls, filters);
          if (!id) continue;
          const last = mod === mods[mods.length - 1];
          this.replaceRange(mod.t0, last ? after : mod.t1);
          this.push({
            kind: 'actor',
            id,
            start: tokens[mod.t0].start,
            end: tokens[(last ? after : mod.t1) - 1].end,
            match: 'alias',
            score: 0.85,
            sentence: s.index,
            t0: mod.t0,
            t1: last ? after : mod.t1,
            roleClass: cls,
          });
        }
        if (!appositive) i = after - 1;
      } else if (post) {
        if (appositive || (post.t1 < s.tokenEnd && this.personAt(post.t1))) continue;
        const id = this.resolveRole(post.code, cls, filters);
        if (!id) continue;
        this.replaceRange(i, post.t1);
        this.push({
          kind: 'actor',
          id,
          start: tokens[i].start,
          end: tokens[post.t1 - 1].end,
          match: 'alias',
          score: 0.85,
          sentence: s.index,
          t0: i,
          t1: post.t1,
          roleClass: cls,
        });
        i = post.t1 - 1;
      } else if (!appositive && i > s.tokenStart && /^(his|her|their|its)$/.test(tokens[i - 1].norm)) {
        // "his forces", "its troops": the role of the last named actor's country.
        const owner = this.corefer(null, tokens[i].start);
        const code = owner ? this.index.actorById.get(owner)?.affiliation : undefined;
        const id = code ? this.resolveRole(code, cls, []) : null;
        if (!id || id === owner) continue;
        this.push({
          kind: 'actor',
          id,
          start: tokens[i].start,
          end: tokens[after - 1].end,
          match: 'alias',
          score: 0.7,
          sentence: s.index,
          t0: i,
          t1: after,
          roleClass: cls,
        });
        i = after - 1;
      } else if (
        !appositive &&
        ((i > s.tokenStart && /^(the|этот|эта)$/.test(tokens[i - 1].norm)) ||
          (tokens[i].cyrillic && !tokens[i].cap)) &&
        this.actsNext(after, s.tokenEnd)
      ) {
        // "the ministry said": the last actor of that kind named before.
        const id = this.corefer(cls, tokens[i].start);
        if (!id) continue;
        this.push({
          kind: 'actor',
          id,
          start: tokens[i].start,
          end: tokens[after - 1].end,
          match: 'alias',
          score: 0.7,
          sentence: s.index,
          t0: i,
          t1: after,
          roleClass: cls,
        });
        i = after - 1;
      }
    }
  }

  /**
   * "the ministry said", "the army entered", "the military, which...": the role word is a noun that acts,
   * not an adjective ("the military hostilities").
   */
  private actsNext(i: number, end: number): boolean {
    const t = this.input.tokens[i];
    if (!t || i >= end) return true;
    const gap = this.input.text.slice(this.input.tokens[i - 1].end, t.start);
    if (/[,;:.)»"”']/.test(gap)) return true;
    if (t.cyrillic) return /(л|ла|ли|ло|ет|ит|ют|ят)$/.test(t.norm) || RU_AGENT_WORDS.has(t.norm);
    return (
      AGENT_VERBS.has(t.norm) ||
      /ed$/.test(t.norm) ||
      /^(of|in|on|at|to|from|has|had|is|was|which|who)$/.test(t.norm)
    );
  }

  /** A role term starting at token `i`: [length, class]. */
  private roleAt(i: number, end: number): [number, RoleClass] | null {
    const { tokens } = this.input;
    const t = tokens[i];
    let terms = t.cyrillic ? undefined : ROLES_BY_FIRST.get(t.norm);
    if (t.cyrillic) for (const k of t.keys) terms ??= RU_ROLES_BY_FIRST.get(k);
    if (!terms || terms.length === 0) return null;
    for (const [words, cls] of terms) {
      if (i + words.length > end) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) {
        const tk = tokens[i + k];
        ok = (t.cyrillic ? tk.keys.includes(words[k]) : tk.norm === words[k]) && !this.covered[i + k];
      }
      if (ok) return [words.length, cls];
    }
    return null;
  }

  private personAt(i: number): boolean {
    const m = this.findCurrent((x) => x.t0 === i && x.kind === 'actor');
    if (m) return this.index.actorById.get(m.id)?.kind === 'person';
    // A capitalised pair not yet known ("Defence Minister Zakir Hasanov" before fuzzy matching).
    const t = this.input.tokens[i];
    return t.cap && !NOT_NAMES.has(t.norm) && !t.upper && this.input.tokens[i + 1]?.cap === true;
  }

  private modifiersBefore(i: number, sentenceStart: number): Modifier[] {
    const mods: Modifier[] = [];
    let j = i - 1;
    while (j >= sentenceStart) {
      const mod = this.modifierEndingAt(j, sentenceStart);
      // Only adjectives make a list ("Armenian and Azerbaijani forces"); "Karabakh, Armenian officials" is not one.
      if (!mod || (mods.length > 0 && !mod.adjective)) break;
      mods.unshift(mod);
      j = mod.t0 - 1;
      // Lists of adjectives: "Armenian and Azerbaijani forces", "Armenian, Azerbaijani and Russian officials".
      const sep = this.input.tokens[j];
      if (sep && (sep.norm === 'and' || sep.norm === 'и') && j > sentenceStart) j--;
      else if (!(sep && /,\s*$/.test(this.input.text.slice(sep.end, this.input.tokens[j + 1].start)))) break;
    }
    return mods;
  }

  private modifierEndingAt(j: number, sentenceStart: number): Modifier | null {
    const { tokens, text } = this.input;
    const t = tokens[j];
    if (!t) return null;
    if (t.cyrillic && !t.upper) {
      for (const [stem, code] of RU_COUNTRY_ADJECTIVES) {
        if (t.norm.startsWith(stem)) return { code, t0: j, t1: j + 1, adjective: true };
      }
    }
    // A place or a government already matched: "Armenia PM", "Armenia's foreign ministry", "Kremlin spokesman".
    let k = j;
    if (t.norm === 's' && j > sentenceStart && /^['’]$/.test(text.slice(tokens[j - 1].end, t.start)))
      k = j - 1;
    const m = this.findCurrent((x) => x.t1 === k + 1 && x.t0 <= k);
    if (m && m.match !== 'fallback') {
      const code = this.codeOf(m);
      if (code) return { code, t0: m.t0, t1: j + 1, adjective: false };
    }
    if (t.cap && !this.covered[j]) {
      const code = COUNTRY_ADJECTIVES.get(t.norm);
      if (code) return { code, t0: j, t1: j + 1, adjective: true };
    }
    return null;
  }

  private countryAfter(i: number, end: number): { code: string; t1: number } | null {
    const { tokens } = this.input;
    let j = i;
    if (j < end && (tokens[j].norm === 'of' || tokens[j].norm === 'the')) j++;
    if (j < end && tokens[j].norm === 'the') j++;
    // Russian: "пресс-секретарь президента России" may hold one more role word before the country.
    if (
      j < end &&
      tokens[j].cyrillic &&
      !tokens[j].cap &&
      RU_ROLE_KEYS.some(([w]) => w.length === 1 && w[0] === tokens[j].key)
    ) {
      j++;
    }
    const m = this.findCurrent((x) => x.t0 === j && x.match !== 'fallback');
    if (!m) return null;
    if (!tokens[i].cyrillic && j === i) return null;
    const code = this.codeOf(m);
    return code ? { code, t1: m.t1 } : null;
  }

  /** Affiliation code of a country place or of a government/NK mention. */
  private codeOf(m: FoundMention): string | null {
    if (m.kind === 'place') return this.index.codeByPlace.get(m.id) ?? null;
    const a = this.index.actorById.get(m.id);
    return a && a.kind === 'government' ? a.affiliation : null;
  }

  private resolveRole(code: string, cls: RoleClass, words: string[]): string | null {
    let c = cls;
    if (c === 'leader') c = code === 'AM' ? 'prime-minister' : 'president';
    let ids = this.index.actorsByRole.get(`${code}|${c}`) ?? [];
    if (c === 'spokesperson' || c === 'ministry') {
      const filter = words.some((w) => /^(kremlin|presidential|кремл)/.test(w))
        ? /kremlin|president/
        : words.some((w) => /^(foreign|мид)/.test(w))
          ? /foreign/
          : words.some((w) => /^(defen|минобороны|оборон)/.test(w))
            ? /defen/
            : null;
      if (filter) ids = ids.filter((id) => filter.test(this.index.actorById.get(id)!.role.toLowerCase()));
      else if (ids.length > 1) ids = ids.filter((id) => this.seen.has(id));
    }
    // The office holder of the article's year; without a year, one still in office (no end year).
    const year = this.input.year;
    const role = (id: string) => this.index.actorById.get(id)!.role;
    const current = year
      ? ids.filter((id) => heldIn(role(id), year))
      : ids.filter((id) => !/\d{4}\s*[–-]\s*\d{4}\)/.test(role(id)));
    if (current.length > 0) ids = current;
    if (ids.length === 0) return null;
    return ids.find((id) => this.seen.has(id)) ?? ids[0];
  }

  private corefer(cls: RoleClass | null, before: number): string | null {
    const fits = (m: FoundMention) => {
      const classes = this.index.classesByActor.get(m.id) ?? [];
      return cls === null ? !m.modifier : classes.includes(cls);
    };
    // This sentence first (nearest before), then the sentences before it.
    const current = this.current()
      .filter((m) => m.kind === 'actor' && m.match !== 'fallback' && m.end <= before)
      .sort((a, b) => b.start - a.start);
    for (const m of current) if (fits(m)) return m.id;
    for (let k = this.actorHistory.length - 1; k >= 0; k--)
      if (fits(this.actorHistory[k])) return this.actorHistory[k].id;
    return null;
  }

  // --- 3. Metonyms -------------------------------------------------------------------------------------

  /** "Moscow urged", "urged Moscow, Washington and Paris", "US-brokered": a seat or a country acting is its government. */
  private resolveMetonyms(s: Sentence, from: number): void {
    const { tokens, text } = this.input;
    const places = this.out.slice(from).filter((m) => m.kind === 'place' && this.governmentOfPlace(m.id));
    if (places.length === 0) return;
    const acting = new Set<FoundMention>();
    for (const m of places) {
      const next = tokens[m.t1];
      const prev = tokens[m.t0 - 1];
      const inSentence = (t: Token | undefined) => t !== undefined && t.sentence === s.index;
      let agent = false;
      // "Russia's Putin": a possessive qualifies the next word and is never the object of the verb.
      if (inSentence(next) && next.norm === 's' && /^['’]$/.test(text.slice(m.end, next.start))) continue;
      // "the Prosecutor General of Azerbaijan said": the place qualifies the noun before it.
      if (inSentence(prev) && (prev.norm === 'of' || prev.norm === 'in')) continue;
      // In Russian only the nominative acts ("Москва заявила", not "в Москве прошли"); see `!m.inflected` below.
      if (inSentence(next)) {
        const gap = text.slice(tokens[m.t1 - 1].end, next.start);
        if (/^[-‐‑]$/.test(gap) && /^(brokered|backed|led|mediated|sponsored|supported)$/.test(next.norm))
          agent = true;
        else if (/^\s+$/.test(gap)) {
          const after = next.norm.endsWith('ly') && inSentence(tokens[m.t1 + 1]) ? tokens[m.t1 + 1] : next;
          if (AGENT_VERBS.has(after.norm)) agent = true;
          // Russian: a verb in the past ("заявила") or the present ("ждёт"), perhaps after "в свою очередь".
          let k = m.t1;
          while (k < s.tokenEnd && k < m.t1 + 3 && RU_FILLERS.has(tokens[k].norm)) k++;
          const verb = tokens[k];
          if (
            verb &&
            inSentence(verb) &&
            verb.cyrillic &&
            !verb.cap &&
            !m.inflected &&
            (RU_AGENT_WORDS.has(verb.norm) || /^[а-я]{2,}(л|ла|ли|ло|ет|ит|ют|ят)$/.test(verb.norm))
          ) {
            agent = true;
          }
        }
      }
      if (!agent && inSentence(prev) && /^\s+$/.test(text.slice(prev.end, m.start))) {
        const prev2 = tokens[m.t0 - 2];
        if (TARGET_VERBS.has(prev.norm) || RU_TARGET_VERBS.test(prev.norm)) agent = true;
        if ((prev.norm === 'on' || prev.norm === 'upon') && prev2 && /^call/.test(prev2.norm)) agent = true;
        if (/^(with|between|against|by)$/.test(prev.norm)) agent = true;
      }
      if (agent) acting.add(m);
    }
    // Coordinated names share the role: "urged Moscow, Washington and Paris", "Armenia and Azerbaijan give".
    for (let changed = true; changed;) {
      changed = false;
      for (let q = 1; q < places.length; q++) {
        const a = places[q - 1];
        const b = places[q];
        if (!/^(\s*,\s*|\s*,?\s+(and|or|и)\s+(the\s+)?)$/.test(text.slice(a.end, b.start))) continue;
        if (acting.has(a) !== acting.has(b)) {
          acting.add(a);
          acting.add(b);
          changed = true;
        }
      }
    }
    for (const m of acting) {
      const gov = this.governmentOfPlace(m.id)!;
      m.placeId = m.id;
      m.kind = 'actor';
      m.id = gov;
      m.match = 'alias';
      m.score = 0.9;
    }
  }

  private governmentOfPlace(placeId: string): string | null {
    const seat = this.index.governmentBySeat.get(placeId);
    if (seat) return seat;
    const code = this.index.codeByPlace.get(placeId);
    if (!code) return null;
    const place = this.index.placeById.get(placeId);
    return place?.kind === 'country' ? (this.index.governmentByCode.get(code) ?? null) : null;
  }

  // --- 4. Misspellings ---------------------------------------------------------------------------------

  private matchFuzzy(s: Sentence): void {
    const { tokens } = this.input;
    const strictLine = this.input.titleCaseSentences.has(s.index);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (this.covered[i] || !t.cap || t.upper || t.norm.length < 5) continue;
      if (NOT_NAMES.has(t.norm) || DEMONYMS.has(t.norm) || COUNTRY_ADJECTIVES.has(t.norm)) continue;
      const hit = this.fuzzyLookup(t.key);
      if (!hit) continue;
      const strict = strictLine || i === s.tokenStart;
      if (strict && hit.score < FUZZY_MIN_STRICT) continue;
      const target = this.chooseTarget(hit.form.targets);
      if (target.kind === 'actor' && this.otherFirstName(i, target.id)) continue;
      this.push({
        kind: target.kind,
        id: target.id,
        start: t.start,
        end: t.end,
        match: 'fuzzy',
        score: Math.round(hit.score * 1000) / 1000,
        sentence: s.index,
        t0: i,
        t1: i + 1,
      });
      if (target.kind === 'actor') this.extendFirstName(i);
    }
  }

  private fuzzyLookup(key: string): FuzzyHit | null {
    const cacheKey = `${this.fuzzyKeyPrefix}|${key}`;
    const cached = this.fuzzyCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const method = this.options.fuzzyMethod ?? 'both';
    let best: FuzzyHit | null = null;
    let bestDist = Infinity;
    let ambiguous = false;
    const maxDist = key.length >= 8 ? 2 : 1;
    for (const c of this.index.fuzzyForms.get(key[0]) ?? []) {
      if (Math.abs(c.key.length - key.length) > 2) continue;
      // A prefix is a different word form ("Armenians", "Armenian"), not a misspelling.
      if (c.key.startsWith(key) || key.startsWith(c.key)) continue;
      const dist = method === 'jaro-winkler' ? 0 : damerauLevenshtein(key, c.key, maxDist);
      if (dist > maxDist) continue;
      const jw = jaroWinkler(key, c.key);
      if (method !== 'damerau-levenshtein' && jw < FUZZY_MIN) continue;
      const score = method === 'damerau-levenshtein' ? 1 - dist / Math.max(key.length, c.key.length) : jw;
      if (best === null || dist < bestDist || (dist === bestDist && score > best.score)) {
        ambiguous = false;
        best = { form: c.form, score };
        bestDist = dist;
      } else if (dist === bestDist && score === best.score && !sameTargets(best.form, c.form)) {
        ambiguous = true;
      }
    }
    const result = ambiguous ? null : best;
    this.fuzzyCache.set(cacheKey, result);
    return result;
  }

  // --- 5. Unknown names ----------------------------------------------------------------------------------

  private matchFallback(s: Sentence): void {
    const { tokens, text } = this.input;
    let inTitle = false;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if (DOCUMENT_WORDS.has(t.norm) && t.cap) {
        inTitle = true;
        continue;
      }
      if (inTitle) {
        // A document title runs over capitalised words and small function words.
        if (t.cap || /^(on|of|and|for|the|between|in|и|о|об|между|\d+)$/.test(t.norm)) continue;
        inTitle = false;
      }
      if (this.covered[i] || !t.cap || /^\d/.test(t.text)) continue;
      // A run of capitalised words, allowing "of", "al" and the like inside.
      let j = i + 1;
      while (j < s.tokenEnd && !this.covered[j] && gapJoinsName(text, tokens[j - 1].end, tokens[j].start)) {
        if (tokens[j].cap) j++;
        else if (
          NAME_CONNECTORS.has(tokens[j].norm) &&
          j + 1 < s.tokenEnd &&
          tokens[j + 1].cap &&
          !this.covered[j + 1]
        )
          j += 2;
        else break;
      }
      let a = i;
      let b = j;
      while (
        a < b &&
        (NOT_NAMES.has(tokens[a].norm) ||
          DEMONYMS.has(tokens[a].norm) ||
          COUNTRY_ADJECTIVES.has(tokens[a].norm))
      )
        a++;
      while (
        b > a &&
        // Titles stay at the end of a name ("Prosecutor General"), but not alone.
        ((NOT_NAMES.has(tokens[b - 1].norm) && !(TITLES.has(tokens[b - 1].norm) && b - a > 1)) ||
          NAME_CONNECTORS.has(tokens[b - 1].norm) ||
          DEMONYMS.has(tokens[b - 1].norm))
      ) {
        b--;
      }
      const next = j;
      if (b > a) {
        const single = b - a === 1;
        const first =
          a === s.tokenStart || (a === s.tokenStart + 1 && NOT_NAMES.has(tokens[s.tokenStart].norm));
        const word = tokens[a];
        const keep =
          !(single && first && !this.midCaps.has(word.norm)) &&
          !(single && word.text.length < 3) &&
          !(single && word.upper && word.text.length <= 2);
        if (keep) {
          const name = text.slice(tokens[a].start, tokens[b - 1].end);
          this.push({
            kind: 'actor',
            id: slugify(name),
            start: tokens[a].start,
            end: tokens[b - 1].end,
            match: 'fallback',
            score: 0,
            sentence: s.index,
            t0: a,
            t1: b,
            guess: this.guessKind(a, b, s),
          });
        }
      }
      i = next - 1;
    }
  }

  /** A fallback name after "in", "near", "village of" looks like a place; else like an actor. */
  private guessKind(a: number, b: number, s: Sentence): 'place' | 'actor' {
    const { tokens } = this.input;
    const prev = a > s.tokenStart ? tokens[a - 1].norm : '';
    const next = b < s.tokenEnd ? tokens[b].norm : '';
    if (
      /^(in|at|near|from|outside|into|towards|toward|around|village|town|city|region|district|province|в|во|около|под|из|село|города|района)$/.test(
        prev,
      )
    )
      return 'place';
    if (
      /^(region|district|province|village|city|town|river|valley|mountains|corridor|район|области)$/.test(
        next,
      )
    )
      return 'place';
    return 'actor';
  }

  // --- helpers -----------------------------------------------------------------------------------------

  private push(m: Omit<FoundMention, 'articleId' | 'text'>): void {
    const mention: FoundMention = {
      articleId: this.input.articleId,
      kind: m.kind,
      id: m.id,
      text: this.input.text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      match: m.match,
      score: m.score,
      sentence: m.sentence,
      t0: m.t0,
      t1: m.t1,
      ...(m.roleClass ? { roleClass: m.roleClass } : {}),
      ...(m.guess ? { guess: m.guess } : {}),
      ...(m.modifier ? { modifier: true } : {}),
      ...(m.inflected ? { inflected: true } : {}),
    };
    if (m.kind === 'actor' && !m.roleClass) {
      const classes = this.index.classesByActor.get(m.id);
      if (classes && classes.length > 0) mention.roleClass = classes[0];
    }
    this.out.push(mention);
    for (let k = m.t0; k < m.t1; k++) this.covered[k] = 1;
  }

  /** Removes the mentions inside tokens [t0, t1) (a role phrase swallows its country). */
  private replaceRange(t0: number, t1: number): void {
    for (let k = this.out.length - 1; k >= 0; k--) {
      const m = this.out[k];
      if (m.t0 >= t0 && m.t1 <= t1) {
        this.out.splice(k, 1);
        for (let q = m.t0; q < m.t1; q++) this.covered[q] = 0;
      }
    }
  }
}

/** The characters between two words of one name: a space, a hyphen, an apostrophe or a full stop ("U.S."). */
function gapJoinsName(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (
      c !== ' ' &&
      c !== '-' &&
      c !== '‐' &&
      c !== '‑' &&
      c !== "'" &&
      c !== '’' &&
      c !== '.' &&
      c !== '\u00a0'
    )
      return false;
  }
  return true;
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

const literals = new WeakMap<Form, string[]>();
/** The form's words, folded (cached per form). */
function literalOf(form: Form): string[] {
  let v = literals.get(form);
  if (v === undefined) {
    v = tokenNorms(form.text).split(' ');
    literals.set(form, v);
  }
  return v;
}

function tokenNorms(text: string): string {
  return fold(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

function sameTargets(a: Form, b: Form): boolean {
  return a.targets.length === b.targets.length && a.targets.every((t, k) => t.id === b.targets[k].id);
}
