import type { Actor } from '../src/data/model';
import data from './actors.json' with { type: 'json' };

/**
 * The actor catalogue: persons, governments, ministries, armed forces, armed groups, international bodies and
 * media outlets of the Armenia–Azerbaijan conflict (1988–2024). Pure data (no fs), so the Node CLI and the
 * browser import the same module. See docs/actors.md for fields, conventions and sources.
 */
export const actors: Actor[] = data as Actor[];

/** Actors by id, built once. */
export const actorIndex: ReadonlyMap<string, Actor> = new Map(actors.map((a) => [a.id, a]));

/** The actor with this id (`nikol-pashinyan`, `gov-ru`), or undefined when the catalogue has none. */
export function actorById(id: string): Actor | undefined {
  return actorIndex.get(id);
}

/**
 * The key a name or alias is compared by: Unicode NFC, lower case, one space between words, typographic
 * apostrophes as `'`. Matching ignores case, so two actors must never share a key.
 */
export function aliasKey(text: string): string {
  return text.normalize('NFC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Actors by the key of their name and of each alias (`aliasKey`), built once. */
export const aliasIndex: ReadonlyMap<string, Actor> = new Map(
  actors.flatMap((a) => [a.name, ...a.aliases].map((text) => [aliasKey(text), a] as const)),
);

/**
 * The actor a name, alias or metonym stands for, as written in an article ("Pashinian", "the Kremlin",
 * "Quai d'Orsay", "Песков"), or undefined. Exact up to case, spacing and apostrophes; no fuzzy matching.
 */
export function resolveActor(text: string): Actor | undefined {
  return aliasIndex.get(aliasKey(text));
}

/** A surname that several persons of the catalogue share, and who, if anyone, gets it as a bare alias. */
export interface SharedSurname {
  /** Ids of the persons who carry the surname (in any common transliteration). */
  holders: string[];
  /** The holder that reporting means by the bare surname, or null when the bare form is left unmatched. */
  givenTo: string | null;
  /** Why. */
  why: string;
}

/**
 * Surnames shared within the catalogue. The ingest matches surnames alone, so a bare surname is an alias of at
 * most one person, and only where one holder dominates the reporting by a wide margin.
 */
export const SHARED_SURNAMES: Readonly<Record<string, SharedSurname>> = {
  Aliyev: {
    holders: ['ilham-aliyev', 'heydar-aliyev'],
    givenTo: 'ilham-aliyev',
    why: 'Ilham Aliyev is the incumbent president; reporting names his late father in full.',
  },
  Sargsyan: {
    holders: ['serzh-sargsyan', 'vazgen-sargsyan', 'armen-sarkissian'],
    givenTo: 'serzh-sargsyan',
    why: 'Reporting calls Armen Sarkissian "Sarkissian" and names Vazgen Sargsyan in full; "Sargsyan" alone is Serzh.',
  },
  Vardanyan: {
    holders: ['ruben-vardanyan', 'kamo-vardanyan'],
    givenTo: 'ruben-vardanyan',
    why: 'Ruben Vardanyan (State Minister, then detained in Baku) dominates; reporting names the general "Kamo Vardanyan".',
  },
  Aliyeva: {
    holders: ['mehriban-aliyeva', 'sabina-aliyeva'],
    givenTo: null,
    why: 'The First Vice-President and the ombudsman both appear in war reporting.',
  },
  Harutyunyan: {
    holders: ['arayik-harutyunyan', 'jalal-harutyunyan', 'vagharshak-harutyunyan'],
    givenTo: null,
    why: 'A president, a commander and a defence minister, all reported in 2020.',
  },
  Grigoryan: {
    holders: ['armen-grigoryan', 'mher-grigoryan', 'kristinne-grigoryan'],
    givenTo: null,
    why: 'Three Armenian officials of the same years.',
  },
  Babayan: {
    holders: ['davit-babayan', 'samvel-babayan'],
    givenTo: null,
    why: 'Both were Nagorno-Karabakh officials in 2020.',
  },
  Stepanyan: {
    holders: ['shushan-stepanyan', 'gegham-stepanyan'],
    givenTo: null,
    why: 'The Armenian defence spokeswoman and the Nagorno-Karabakh ombudsman.',
  },
  Eyvazov: {
    holders: ['anar-eyvazov', 'vilayat-eyvazov'],
    givenTo: null,
    why: 'The defence ministry spokesman and the interior minister.',
  },
};

/** Persons whose surname alone is an ordinary English word or too common a name to match, by id. */
export const UNMATCHED_SURNAMES: Readonly<Record<string, string>> = {
  'ned-price': '"price" is an ordinary word.',
  'matthew-miller': '"Miller" is a very common name and an ordinary word.',
  'samantha-power': '"power" is an ordinary word.',
};
