import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ActorKind } from '../src/data/model';
import { SHARED_SURNAMES, UNMATCHED_SURNAMES, actorById, actors, aliasKey, resolveActor } from './actors';

// Exhaustive over the model's union: adding a kind to the model without listing it here fails to compile.
const KINDS: Record<ActorKind, true> = {
  person: true,
  government: true,
  ministry: true,
  military: true,
  'armed group': true,
  organisation: true,
  media: true,
};

/** Place ids the team conventions name (notes/preamble.md); used with the gazetteer's own ids. */
const CONVENTION_PLACE_IDS = [
  'armenia', 'azerbaijan', 'russia', 'turkey', 'iran', 'georgia', 'united-states', 'france', 'united-kingdom',
  'germany', 'israel', 'syria', 'belgium', 'switzerland', 'austria', 'china', 'ukraine', 'yerevan', 'baku',
  'stepanakert', 'moscow', 'ankara', 'tehran', 'tbilisi', 'washington', 'paris', 'brussels', 'damascus',
  'geneva', 'new-york', 'vienna', 'london', 'berlin', 'strasbourg', 'the-hague', 'beijing', 'kyiv', 'minsk',
  'istanbul', 'jerusalem', 'tel-aviv', 'nakhchivan', 'nagorno-karabakh', 'nakhchivan-ar', 'lachin-corridor',
  'middle-east', 'south-caucasus', 'syunik', 'tavush', 'gegharkunik', 'vayots-dzor', 'shusha', 'hadrut',
  'martakert', 'martuni', 'askeran', 'lachin', 'kalbajar', 'aghdam', 'fuzuli', 'jabrayil', 'zangilan', 'qubadli',
  'talish', 'sugovushan', 'khojaly', 'karin-tak', 'ganja', 'barda', 'tartar', 'mingachevir', 'goranboy',
  'beylagan', 'horadiz', 'tovuz', 'lachin-district', 'kalbajar-district', 'jabrayil-district', 'fuzuli-district',
  'zangilan-district', 'qubadli-district', 'aghdam-district', 'tartar-district', 'goris', 'kapan', 'vardenis',
  'berd', 'jermuk', 'sisian', 'meghri', 'gyumri', 'vanadzor', 'ijevan', 'sotk', 'yeraskh',
]; // prettier-ignore

const GAZETTEER = join(dirname(fileURLToPath(import.meta.url)), 'gazetteer.json');

/** Ids of geo/gazetteer.json; while it does not exist, the conventions' list stands alone. */
function gazetteerIds(): string[] {
  if (!existsSync(GAZETTEER)) return [];
  const places = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as { id: string }[];
  return places.map((p) => p.id);
}

const persons = actors.filter((a) => a.kind === 'person');
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The slug an id is built from: ASCII, lower case, hyphens (Erdoğan -> erdogan). */
function slug(text: string): string {
  return text
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function words(text: string): number {
  return text.split(/\s+/).length;
}

describe('actor catalogue', () => {
  it('holds at least 150 actors, persons and bodies alike', () => {
    expect(actors.length).toBeGreaterThanOrEqual(150);
    expect(persons.length).toBeGreaterThanOrEqual(100);
    for (const kind of Object.keys(KINDS)) {
      expect(
        actors.some((a) => a.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it('has unique ids, found by actorById', () => {
    const ids = actors.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of actors) expect(actorById(a.id)).toBe(a);
    expect(actorById('no-such-actor')).toBeUndefined();
  });

  it('has valid kinds, affiliations, roles and non-empty names', () => {
    for (const a of actors) {
      expect(KINDS[a.kind], `${a.id}: kind ${a.kind}`).toBe(true);
      expect(a.affiliation, a.id).toMatch(/^(?:[A-Z]{2}|INT)$/);
      expect(a.name.trim(), a.id).not.toBe('');
      expect(a.role.trim().length, a.id).toBeGreaterThan(2);
      for (const alias of a.aliases) expect(alias.trim(), a.id).toBe(alias);
    }
  });

  it('follows the id conventions: persons are slugs of their names, ministries carry their country', () => {
    for (const p of persons) expect(p.id, p.name).toBe(slug(p.name));
    for (const a of actors) {
      const m = /^(?:gov|mfa|mod|moi|pgo|ombudsman|parliament)-([a-z]{2})$/.exec(a.id);
      if (m) expect(a.affiliation, a.id).toBe(m[1] === 'nk' ? 'NK' : m[1].toUpperCase());
    }
  });

  it('seats every actor at a place the gazetteer or the conventions name', () => {
    const known = new Set([...CONVENTION_PLACE_IDS, ...gazetteerIds()]);
    const unknown = actors.filter((a) => !known.has(a.seat)).map((a) => `${a.id} -> ${a.seat}`);
    expect(unknown).toEqual([]);
  });

  it('never gives one name or alias to two actors, nor repeats one within an actor (ignoring case)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const a of actors) {
      const mine = new Set<string>();
      for (const text of [a.name, ...a.aliases]) {
        const key = aliasKey(text);
        if (mine.has(key)) clashes.push(`${a.id} repeats "${text}"`);
        mine.add(key);
        const other = owner.get(key);
        if (other && other !== a.id) clashes.push(`"${text}": ${other} and ${a.id}`);
        owner.set(key, a.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('resolves aliases, spellings, scripts and metonyms to the right actor', () => {
    const cases: [string, string][] = [
      ['Pashinyan', 'nikol-pashinyan'],
      ['Pashinian', 'nikol-pashinyan'],
      ['Paşinyan', 'nikol-pashinyan'],
      ['Пашинян', 'nikol-pashinyan'],
      ['Никол Пашинян', 'nikol-pashinyan'],
      ['Փաշինյան', 'nikol-pashinyan'],
      ['Aliyev', 'ilham-aliyev'],
      ['Aliev', 'ilham-aliyev'],
      ['Əliyev', 'ilham-aliyev'],
      ['Алиев', 'ilham-aliyev'],
      ['Heydar Aliyev', 'heydar-aliyev'],
      ['Putin', 'vladimir-putin'],
      ['Путин', 'vladimir-putin'],
      ['Песков', 'dmitry-peskov'],
      ['Лавров', 'sergey-lavrov'],
      ['Захарова', 'maria-zakharova'],
      ['Эрдоган', 'recep-tayyip-erdogan'],
      ['Erdogan', 'recep-tayyip-erdogan'],
      ['Çavuşoğlu', 'mevlut-cavusoglu'],
      ['Le Drian', 'jean-yves-le-drian'],
      ['Sargsyan', 'serzh-sargsyan'],
      ['Sarkissian', 'armen-sarkissian'],
      ['the Kremlin', 'gov-ru'],
      ['Kremlin', 'gov-ru'],
      ['Moscow', 'gov-ru'],
      ['Baku', 'gov-az'],
      ['Yerevan', 'gov-am'],
      ['Ankara', 'gov-tr'],
      ['Tehran', 'gov-ir'],
      ['Washington', 'gov-us'],
      ['the White House', 'gov-us'],
      ['Paris', 'gov-fr'],
      ['the Élysée', 'gov-fr'],
      ['Stepanakert', 'gov-nk'],
      ["Quai d'Orsay", 'mfa-fr'],
      ['Quai d’Orsay', 'mfa-fr'],
      ['State Department', 'state-dept-us'],
      ['Foreign Ministry of Armenia', 'mfa-am'],
      ['Russian peacekeepers', 'ru-peacekeepers'],
      ['Minsk Group', 'osce-minsk-group'],
      ['ICRC', 'icrc'],
      ['RFE/RL', 'rferl'],
      ['Azatutyun', 'rferl'],
      ['Republic World', 'republic-world'],
      ['ТАСС', 'tass'],
      ['Syrian mercenaries', 'syrian-fighters'],
      ['  the   kremlin ', 'gov-ru'],
    ];
    for (const [text, id] of cases) expect(resolveActor(text)?.id, text).toBe(id);
    // Surnames shared by several persons stay unmatched: guessing would put words in the wrong mouth.
    for (const text of [
      'Harutyunyan',
      'Арутюнян',
      'Grigoryan',
      'Babayan',
      'Stepanyan',
      'Aliyeva',
      'Eyvazov',
    ]) {
      expect(resolveActor(text), text).toBeUndefined();
    }
  });

  it('gives every person a surname or short alias, unless the surname is shared or an ordinary word', () => {
    const withheld = new Set([
      ...Object.values(SHARED_SURNAMES).flatMap((s) => s.holders.filter((h) => h !== s.givenTo)),
      ...Object.keys(UNMATCHED_SURNAMES),
    ]);
    const missing = persons
      .filter((p) => !withheld.has(p.id))
      .filter((p) => !p.aliases.some((a) => LATIN.test(a) && words(a) < words(p.name)))
      .map((p) => p.id);
    expect(missing).toEqual([]);
    for (const id of Object.keys(UNMATCHED_SURNAMES)) expect(actorById(id)?.kind, id).toBe('person');
  });

  it('documents every surname two persons share, and gives the bare form to the chosen holder only', () => {
    // Group persons by the last word of their name; any group of two or more must be documented.
    const bySurname = new Map<string, string[]>();
    for (const p of persons) {
      const surname = p.name.split(/\s+/).at(-1)!;
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), p.id]);
    }
    for (const [surname, ids] of bySurname) {
      if (ids.length < 2) continue;
      expect(SHARED_SURNAMES[surname]?.holders, surname).toEqual(expect.arrayContaining(ids));
    }
    for (const [surname, rule] of Object.entries(SHARED_SURNAMES)) {
      for (const id of rule.holders) expect(actorById(id)?.kind, `${surname}: ${id}`).toBe('person');
      expect(resolveActor(surname)?.id ?? null, surname).toBe(rule.givenTo);
      expect(rule.why.length, surname).toBeGreaterThan(10);
    }
  });

  it('gives the main persons their Russian (Cyrillic) names', () => {
    const main = [
      'nikol-pashinyan', 'ilham-aliyev', 'vladimir-putin', 'dmitry-peskov', 'sergey-lavrov', 'maria-zakharova',
      'sergey-shoigu', 'rustam-muradov', 'recep-tayyip-erdogan', 'mevlut-cavusoglu', 'hulusi-akar',
      'emmanuel-macron', 'donald-trump', 'joe-biden', 'mike-pompeo', 'antony-blinken', 'antonio-guterres',
      'arayik-harutyunyan', 'ruben-vardanyan', 'samvel-shahramanyan', 'zohrab-mnatsakanyan', 'jeyhun-bayramov',
      'zakir-hasanov', 'hikmet-hajiyev', 'hassan-rouhani', 'josep-borrell', 'charles-michel',
    ]; // prettier-ignore
    for (const id of main) {
      const a = actorById(id);
      expect(a, id).toBeDefined();
      expect(
        a!.aliases.some((x) => CYRILLIC.test(x)),
        id,
      ).toBe(true);
    }
  });

  it('keeps ordinary English words out of the aliases', () => {
    const ordinary = new Set(
      ['price', 'power', 'miller', 'trend', 'report', 'guardian', 'times', 'independent', 'panorama', 'caliber',
        'amnesty', 'congress', 'mercenaries', 'peacekeepers', 'security council', 'national assembly',
        'foreign ministry', 'defence ministry', 'defense ministry', 'government', 'army', 'president'],
    ); // prettier-ignore
    const found = actors.flatMap((a) =>
      a.aliases.filter((x) => ordinary.has(aliasKey(x))).map((x) => `${a.id}: ${x}`),
    );
    expect(found).toEqual([]);
  });
});
