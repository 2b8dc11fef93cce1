/**
 * The gazetteer and the actor catalogue, indexed for matching: every name, alias, other-script name and
 * derived surname as a sequence of comparison keys, plus the lookups the reader needs (seats, governments,
 * role holders).
 */
import type { Actor, Place } from '../data/model';
import type { RoleClass } from './lexicon';
import { tokenize } from './text';

/** The lists the reader resolves names against. */
export interface Reference {
  places: readonly Place[];
  actors: readonly Actor[];
}

/** A place or actor a written form can stand for. */
export interface FormTarget {
  kind: 'place' | 'actor';
  id: string;
  /** True for the canonical name (`exact`), false for aliases, other scripts and derived forms (`alias`). */
  exact: boolean;
}

/** One written form of one or more targets. */
export interface Form {
  /** The form as given in the lists. */
  text: string;
  /** Comparison keys of its words. */
  keys: string[];
  /** Every key each word may be compared by (see `Token.keys`). */
  variants: string[][];
  /** Acronyms ("UN", "OSCE", "US") match only when written in capitals. */
  caseSensitive: boolean;
  targets: FormTarget[];
}

/** A single-word form kept for fuzzy matching, grouped by first letter. */
export interface FuzzyForm {
  key: string;
  form: Form;
}

/** {@link Reference} with its lookups. Built once per reference by {@link indexReference}. */
export interface ReferenceIndex {
  reference: Reference;
  placeById: Map<string, Place>;
  actorById: Map<string, Actor>;
  /** Forms by each key of their first word, longest first. */
  formsByFirstKey: Map<string, Form[]>;
  /** Single-word forms of five letters or more, by first letter, for fuzzy matching. */
  fuzzyForms: Map<string, FuzzyForm[]>;
  /** Government actor of an affiliation code (`RU` -> `gov-ru`). */
  governmentByCode: Map<string, string>;
  /** Government actor seated at a place (`moscow` -> `gov-ru`). */
  governmentBySeat: Map<string, string>;
  /** Affiliation code of a country place (`russia` -> `RU`), and `NK` for Nagorno-Karabakh. */
  codeByPlace: Map<string, string>;
  /** Country place of an affiliation code (`RU` -> `russia`). */
  placeByCode: Map<string, string>;
  /** Role classes of each actor (from its kind and role text). */
  classesByActor: Map<string, RoleClass[]>;
  /** Actors by `CODE|class`, current office holders first. */
  actorsByRole: Map<string, string[]>;
}

const cache = new WeakMap<Reference, ReferenceIndex>();

/** Indexes a reference (cached per reference object). */
export function indexReference(reference: Reference): ReferenceIndex {
  const hit = cache.get(reference);
  if (hit) return hit;
  const index = buildIndex(reference);
  cache.set(reference, index);
  return index;
}

function buildIndex(reference: Reference): ReferenceIndex {
  const forms = new Map<string, Form>();
  const add = (text: string, target: FormTarget): void => {
    const clean = text.replace(/^(the|The)\s+/, '').trim();
    if (clean === '') return;
    const tokens = tokenize(clean);
    if (tokens.length === 0) return;
    const caseSensitive = tokens.every((t) => t.upper || (t.text.length === 1 && t.cap)) && clean.length <= 6;
    // Short lower-case-insensitive forms ("Go", "Ur") would match ordinary words.
    if (!caseSensitive && tokens.length === 1 && tokens[0].norm.length < 3) return;
    const keys = tokens.map((t) => t.key);
    const variants = tokens.map((t) => t.keys);
    const id = keys.join(' ') + (caseSensitive ? '|cs' : '');
    let form = forms.get(id);
    if (!form) {
      form = { text: clean, keys, variants, caseSensitive, targets: [] };
      forms.set(id, form);
    }
    const existing = form.targets.find((t) => t.kind === target.kind && t.id === target.id);
    if (existing) existing.exact ||= target.exact;
    else form.targets.push(target);
  };

  const placeById = new Map<string, Place>();
  for (const p of reference.places) {
    placeById.set(p.id, p);
    add(p.name, { kind: 'place', id: p.id, exact: true });
    if (p.names.en) add(p.names.en, { kind: 'place', id: p.id, exact: true });
    for (const lang of ['ru', 'hy', 'az'] as const) {
      const n = p.names[lang];
      if (n) add(n, { kind: 'place', id: p.id, exact: false });
    }
    for (const a of p.aliases ?? []) add(a, { kind: 'place', id: p.id, exact: false });
    if (p.altName) add(p.altName, { kind: 'place', id: p.id, exact: false });
  }

  const actorById = new Map<string, Actor>();
  const surnames = new Map<string, Set<string>>();
  for (const a of reference.actors) {
    actorById.set(a.id, a);
    add(a.name, { kind: 'actor', id: a.id, exact: true });
    for (const alias of a.aliases) add(alias, { kind: 'actor', id: a.id, exact: false });
    if (a.kind === 'person') {
      for (const n of [a.name, ...a.aliases]) {
        const words = n.split(/\s+/);
        if (words.length < 2) continue;
        const last = words[words.length - 1];
        if (!surnames.has(last)) surnames.set(last, new Set());
        surnames.get(last)!.add(a.id);
      }
    }
  }
  // Surnames alone ("Pashinyan", "Песков"), unless two people share one.
  for (const [surname, ids] of surnames) {
    if (ids.size === 1) add(surname, { kind: 'actor', id: [...ids][0], exact: false });
  }

  const formsByFirstKey = new Map<string, Form[]>();
  const fuzzyForms = new Map<string, FuzzyForm[]>();
  for (const form of forms.values()) {
    for (const k of form.variants[0]) {
      if (!formsByFirstKey.has(k)) formsByFirstKey.set(k, []);
      formsByFirstKey.get(k)!.push(form);
    }
    if (form.keys.length === 1 && !form.caseSensitive && form.keys[0].length >= 5) {
      const first = form.keys[0][0];
      if (!fuzzyForms.has(first)) fuzzyForms.set(first, []);
      fuzzyForms.get(first)!.push({ key: form.keys[0], form });
    }
  }
  for (const list of formsByFirstKey.values()) list.sort((a, b) => b.keys.length - a.keys.length);

  const governmentByCode = new Map<string, string>();
  const governmentBySeat = new Map<string, string>();
  for (const a of reference.actors) {
    if (a.kind !== 'government') continue;
    if (!governmentByCode.has(a.affiliation)) governmentByCode.set(a.affiliation, a.id);
    if (!governmentBySeat.has(a.seat)) governmentBySeat.set(a.seat, a.id);
  }
  const codeByPlace = new Map<string, string>();
  const placeByCode = new Map<string, string>();
  for (const p of reference.places) {
    if (p.kind !== 'country') continue;
    codeByPlace.set(p.id, p.country);
    if (!placeByCode.has(p.country)) placeByCode.set(p.country, p.id);
  }
  if (placeById.has('nagorno-karabakh')) {
    codeByPlace.set('nagorno-karabakh', 'NK');
    placeByCode.set('NK', 'nagorno-karabakh');
  }

  const classesByActor = new Map<string, RoleClass[]>();
  const actorsByRole = new Map<string, string[]>();
  for (const a of reference.actors) {
    const classes = roleClassesOf(a);
    classesByActor.set(a.id, classes);
    for (const c of classes) {
      const key = `${a.affiliation}|${c}`;
      if (!actorsByRole.has(key)) actorsByRole.set(key, []);
      actorsByRole.get(key)!.push(a.id);
    }
  }

  return {
    reference,
    placeById,
    actorById,
    formsByFirstKey,
    fuzzyForms,
    governmentByCode,
    governmentBySeat,
    codeByPlace,
    placeByCode,
    classesByActor,
    actorsByRole,
  };
}

/** The role classes an actor answers to, read from its kind and role text. Former office holders get none. */
export function roleClassesOf(a: Actor): RoleClass[] {
  const role = `${a.role} ${a.name}`.toLowerCase();
  if (/\b(former|ex-|acting until)\b/.test(role)) return [];
  const out: RoleClass[] = [];
  switch (a.kind) {
    case 'person':
      if (/spokes|press secretary/.test(role)) out.push('spokesperson');
      else if (/\b(deputy|vice|assistant|adviser|advisor|aide|envoy)\b/.test(role)) break;
      else if (/prime minister/.test(role)) out.push('prime-minister');
      else if (/foreign minister|minister of foreign affairs|secretary of state/.test(role))
        out.push('foreign-minister');
      else if (/defen[cs]e minister|minister of (national )?defen[cs]e/.test(role))
        out.push('defence-minister');
      else if (/^(first )?president\b|\bpresident of\b/.test(a.role.toLowerCase())) out.push('president');
      break;
    case 'government':
      // Parliaments and the Soviet-era bodies are governments of a kind, but not "the government".
      if (!/parliament|legislature|duma|assembly|soviet|council/.test(role)) out.push('government');
      break;
    case 'ministry':
      out.push('ministry');
      if (/foreign|state department|department of state/.test(role)) out.push('foreign-ministry');
      else if (/defen[cs]e/.test(role)) out.push('defence-ministry');
      break;
    case 'military':
      if (/peacekeep/.test(role)) out.push('peacekeepers');
      else if (!/\b(base|border|special)\b/.test(role)) out.push('armed-forces');
      break;
    default:
      break;
  }
  return out;
}

/**
 * Whether the role text says the actor held it in `year`: "(2018–)", "(2008–2018)", "(2000–2008, 2012–)",
 * "(1999)". A role without years is taken as held at any time.
 */
export function heldIn(role: string, year: number): boolean {
  const ranges = [...role.matchAll(/(from\s+)?(\d{4})(\s*[–-]\s*(?:[A-Za-z]+\s+)?(\d{4})?)?/g)];
  if (ranges.length === 0) return true;
  return ranges.some((m) => {
    const from = Number(m[2]);
    const to = m[4] ? Number(m[4]) : m[1] || m[3] ? 9999 : from;
    return year >= from && year <= to;
  });
}
