import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasEvent } from '../data/model';
import { defaultReference } from './default-reference';
import { testReference } from './fixtures/reference';
import { articleIdOf, ingestArticle, ingestArticles } from './ingest';

const SEED_PATH = new URL('../../../shared/seeds/000_9210aabef647218d.txt', import.meta.url);
const SEED = readFileSync(SEED_PATH, 'utf8');
const FILE = '../shared/seeds/000_9210aabef647218d.txt';
// The seed is read against the project's own gazetteer and catalogue (geo/), as the app reads it.
const reference = defaultReference;

describe('the seed article', () => {
  const r = ingestArticle({ file: FILE, bytes: new Uint8Array(readFileSync(SEED_PATH)) }, { reference });
  const find = (pred: (e: AtlasEvent) => boolean) => {
    const hits = r.events.filter(pred);
    expect(hits).toHaveLength(1);
    return hits[0];
  };
  const quotes = (e: AtlasEvent) => e.sources.map((s) => s.quote);

  it('reads the header', () => {
    expect(r.error).toBeUndefined();
    expect(r.article).toMatchObject({
      id: articleIdOf(SEED),
      file: FILE,
      headline: "Armenia PM asks Russia's Putin to 'launch immediate consultations' on providing security",
      published: '2020-10-31T09:13:00Z',
      // The seed's Updated line reads "October 31st 2020" (checked with od -c): a valid value.
      updated: '2020-10-31T09:13:00Z',
      lang: 'en',
      warnings: [],
    });
  });

  it('warns that an Updated year of 20202 cannot be right', () => {
    const bad = ingestArticle({ file: 'x.txt', text: SEED.replace(/2020$/, '20202') }, { reference });
    expect(bad.article?.updated).toBeNull();
    expect(bad.article?.warnings).toEqual([
      'line 10 ("Updated 14:43 IST, October 31st 20202"): year 20202 cannot be right; the Updated value is ignored',
    ]);
  });

  it("finds Pashinyan's letter to Putin on 2020-10-31, from Yerevan towards Moscow", () => {
    const e = find((x) => x.type === 'diplomacy' && x.date === '2020-10-31');
    expect(e).toMatchObject({
      dateEnd: null,
      datePrecision: 'day',
      placeId: 'yerevan',
      actorIds: ['nikol-pashinyan'],
      targetActorIds: ['vladimir-putin'],
    });
    expect(reference.actors.find((a) => a.id === 'vladimir-putin')?.seat).toBe('moscow');
    expect(quotes(e)).toContain(
      'Armenian PM Nikol Pashinyan has officially sent a letter to Russian President Vladimir Putin urging him to begin “urgent” consultations on security he can give',
    );
    expect(quotes(e).some((q) => q?.startsWith('His letter comes just a day after'))).toBe(true);
  });

  it("dates Peskov's statement a day before the letter, in Moscow", () => {
    const e = find((x) => x.actorIds.includes('dmitry-peskov'));
    expect(e).toMatchObject({
      type: 'statement',
      date: '2020-10-30',
      datePrecision: 'day',
      placeId: 'moscow',
    });
    // "Pescov denied..." is the same statement, misspelled.
    expect(quotes(e).some((q) => q?.startsWith('However, Pescov denied'))).toBe(true);
  });

  it("finds Pashinyan's call on Moscow, Washington and Paris in the week before", () => {
    const e = find((x) => x.datePrecision === 'week');
    expect(e).toMatchObject({
      type: 'diplomacy',
      date: '2020-10-19',
      dateEnd: '2020-10-25',
      placeId: 'yerevan',
      actorIds: ['nikol-pashinyan'],
      targetActorIds: ['gov-ru', 'gov-us', 'gov-fr'],
    });
  });

  it('finds the fighting beginning on 2020-09-27 in Nagorno-Karabakh', () => {
    const e = find((x) => x.type === 'attack');
    expect(e).toMatchObject({ date: '2020-09-27', placeId: 'nagorno-karabakh' });
  });

  it('finds the Treaty of 29 August 1997', () => {
    const e = find((x) => x.date === '1997-08-29');
    expect(e.type).toBe('diplomacy');
    expect(e.summary).toBe('Treaty on Friendship, Cooperation and Mutual Assistance of August 29, 1997');
    expect(e.actorIds).toEqual(['gov-am', 'gov-ru']);
  });

  it('finds the failed US-brokered ceasefire', () => {
    const e = find((x) => x.type === 'ceasefire');
    expect(e).toMatchObject({
      date: null,
      actorIds: ['gov-us'],
      targetActorIds: ['gov-az'],
      placeId: 'nagorno-karabakh',
    });
    expect(e.summary).toBe('The failure of a third, US-brokered, treaty with Azerbaijan.');
  });

  it('keeps the death tolls as claims, as written, with who asserts them', () => {
    expect(r.claims.map(({ id: _id, eventId: _e, articleId: _a, start: _s, end: _n, ...c }) => c)).toEqual([
      {
        actorId: null,
        quantity: 'killed',
        value: 1200,
        qualifier: 'More than',
        text: 'More than 1,200 people from both sides have been reported dead',
      },
      {
        actorId: 'vladimir-putin',
        quantity: 'killed',
        value: 50000,
        qualifier: 'over',
        text: 'toll is believed to be substantially higher with Putin claiming it be over 50,000',
      },
    ]);
    // No event carries a number: the fighting event is linked to the claims, not made of them.
    const attack = r.events.find((e) => e.type === 'attack')!;
    expect(r.claims.every((c) => c.eventId === attack.id)).toBe(true);
    expect(r.events.some((e) => e.type === 'casualties')).toBe(false);
  });

  it('resolves misspellings and metonyms', () => {
    const byText = new Map(r.mentions.map((m) => [m.text, m]));
    expect(byText.get('Pashityan')).toMatchObject({ id: 'nikol-pashinyan', match: 'fuzzy' });
    expect(byText.get('Pescov')).toMatchObject({ id: 'dmitry-peskov', match: 'fuzzy' });
    expect(byText.get('Kremlin')).toMatchObject({ id: 'gov-ru', kind: 'actor' });
    expect(byText.get('Pashityan')!.score).toBeGreaterThan(0.9);
    expect(r.mentions.filter((m) => m.text === 'Moscow').map((m) => m.id)).toEqual(['gov-ru', 'gov-ru']);
  });

  it('gives mention, source and claim offsets into the raw text', () => {
    for (const m of r.mentions) expect(SEED.slice(m.start, m.end)).toBe(m.text);
    for (const e of r.events) for (const s of e.sources) expect(SEED.slice(s.start, s.end)).toBe(s.quote);
    for (const c of r.claims) expect(SEED.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads the same text to the same ids', () => {
    const again = ingestArticle({ file: 'elsewhere.txt', text: SEED.replace(/\n/g, '\r\n') }, { reference });
    expect(again.article?.id).toBe(r.article?.id);
    expect(ingestArticle({ file: FILE, text: SEED }, { reference }).events.map((e) => e.id)).toEqual(
      r.events.map((e) => e.id),
    );
  });

  it('finds nine events, no more', () => {
    expect(r.events).toHaveLength(9);
  });
});

describe('ingestArticles', () => {
  const article = (head: string, body: string) => `Published ${head}\nHeadline\nStandfirst line.\n${body}\n`;

  it('rejects bad files with a message naming the problem, and reads the others', () => {
    const { doc, rejected, warnings } = ingestArticles(
      [
        { file: 'ok.txt', text: article('2020-10-04', 'Azerbaijani forces shelled Stepanakert on Sunday.') },
        { file: 'empty.txt', bytes: new Uint8Array(0) },
        { file: 'binary.bin', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) },
        {
          file: 'copy.txt',
          text: article('2020-10-04', 'Azerbaijani forces shelled Stepanakert on Sunday.'),
        },
        { file: 'nodate.txt', text: 'Headline\nStandfirst.\nBaku said nothing.' },
        { file: 'big.txt', text: 'x'.repeat(5 * 1024 * 1024 + 1) },
      ],
      { reference: testReference },
    );
    expect(rejected.map((r) => [r.file, r.kind])).toEqual([
      ['empty.txt', 'empty'],
      ['binary.bin', 'binary'],
      ['copy.txt', 'duplicate'],
      ['big.txt', 'too-large'],
    ]);
    expect(rejected[2].message).toBe('duplicate of ok.txt (same text), skipped');
    expect(doc.articles.map((a) => a.file)).toEqual(['ok.txt', 'nodate.txt']);
    expect(warnings.map((w) => w.file)).toEqual(['nodate.txt']);
    expect(doc.events.find((e) => e.type === 'attack')).toMatchObject({
      date: '2020-10-04',
      placeId: 'stepanakert',
      actorIds: ['armed-forces-az'],
    });
  });

  it('makes one event of the same happening reported by two articles, with both sources', () => {
    const { doc } = ingestArticles(
      [
        {
          file: 'a.txt',
          text: article(
            '2020-10-11',
            'Armenian forces shelled Ganja on Sunday, the Azerbaijani defence ministry said.',
          ),
        },
        { file: 'b.txt', text: article('2020-10-12', 'On October 11, Armenian forces shelled Ganja again.') },
      ],
      { reference: testReference },
    );
    const attacks = doc.events.filter((e) => e.type === 'attack');
    expect(attacks).toHaveLength(1);
    expect(attacks[0]).toMatchObject({ date: '2020-10-11', placeId: 'ganja', actorIds: ['armed-forces-am'] });
    expect(attacks[0].sources.map((s) => s.articleId)).toEqual(doc.articles.map((a) => a.id));
  });

  it('lists every place and actor the document refers to, seats included', () => {
    const { doc } = ingestArticles([{ file: 'seed.txt', text: SEED }], { reference });
    const places = new Set(doc.places.map((p) => p.id));
    const actors = new Set(doc.actors.map((a) => a.id));
    for (const m of doc.mentions)
      if (m.match !== 'fallback') expect(m.kind === 'place' ? places : actors).toContain(m.id);
    for (const e of doc.events) {
      if (e.placeId) expect(places).toContain(e.placeId);
      for (const a of [...e.actorIds, ...e.targetActorIds]) expect(actors).toContain(a);
    }
    for (const a of doc.actors) expect(places).toContain(a.seat);
  });
});
