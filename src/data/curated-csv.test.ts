import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  ACLED_ACTOR_ID,
  CLAIM_COLUMNS,
  CURATED_EVENT_COLUMNS,
  ID_SLUG,
  formatCuratedEventsCsv,
  parseClaimsCsv,
  parseCsvDate,
  parseCuratedEvents,
} from './curated-csv';
import type { AtlasEvent, Narrative } from './model';
import { distance } from '@turf/turf';
import { placeById } from '../../geo/gazetteer';
import { actorById } from '../../geo/actors';

const HEADER = CURATED_EVENT_COLUMNS.join(',');

type Row = Partial<Record<(typeof CURATED_EVENT_COLUMNS)[number], string>>;

const GOOD: Required<Row> = {
  event_id: 'ka-2020-10-04-ganja-strike',
  event_date: '2020-10-04',
  date_precision: 'day',
  event_type: 'attack',
  sub_event_type: 'rocket strike',
  actor1: 'artsakh-defense-army',
  actor2: '',
  location: 'ganja',
  latitude: '40.6816',
  longitude: '46.3613',
  fatalities: '1',
  fatalities_claimed_by: 'mfa-az',
  source: 'RFE/RL',
  source_url: 'https://www.azatutyun.am/a/30874000.html',
  notes: 'Rockets hit Ganja.',
  end_date: '',
};

/** One CSV line from the good row with some cells replaced, quoted as RFC 4180 wants. */
function line(overrides: Row = {}): string {
  const cells = CURATED_EVENT_COLUMNS.map((c) => overrides[c] ?? GOOD[c]);
  return Papa.unparse([cells], { newline: '\n' });
}

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

describe('parseCsvDate', () => {
  it.each([
    ['2020-09-27', { date: '2020-09-27', precision: 'day' }],
    ['27 September 2020', { date: '2020-09-27', precision: 'day' }],
    ['27-September-2020', { date: '2020-09-27', precision: 'day' }],
    ['1 Dec 2020', { date: '2020-12-01', precision: 'day' }],
    ['November 9, 2020', { date: '2020-11-09', precision: 'day' }],
    ['1988-02', { date: '1988-02-01', precision: 'month' }],
    ['1994', { date: '1994-01-01', precision: 'year' }],
    ['2020-02-30', null],
    ['20202-09-27', null],
    ['27/09/2020', null],
    ['27 Smarch 2020', null],
    ['', null],
  ])('%s', (text, expected) => {
    expect(parseCsvDate(text)).toEqual(expected);
  });
});

describe('parseCuratedEvents: quoting', () => {
  it('reads commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = csv(
      line({ event_id: 'ka-a', notes: 'Rockets hit Ganja, at night; "heavy" damage.' }),
      line({ event_id: 'ka-b', notes: 'First line\nsecond line' }),
      line({ event_id: 'ka-c', event_date: 'bad' }),
    );
    const { events, errors } = parseCuratedEvents(text, 'events.csv');
    expect(events.map((e) => e.summary)).toEqual([
      'Rockets hit Ganja, at night; "heavy" damage.',
      'First line\nsecond line',
    ]);
    // The multi-line field pushes the third row down one line: the error must name line 5, not 4.
    expect(errors).toEqual([expect.objectContaining({ line: 5, field: 'event_date' })]);
  });

  it('accepts a byte order mark, CRLF line ends and blank lines', () => {
    const text =
      '\uFEFF' + [HEADER, line(), '', line({ event_id: 'ka-b', event_date: 'x' })].join('\r\n') + '\r\n';
    const { events, errors } = parseCuratedEvents(text, 'events.csv');
    expect(events).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ line: 4, field: 'event_date' })]);
  });

  it('reports an unclosed quote and a row with too many fields by line', () => {
    const tooMany = csv(line(), line({ event_id: 'ka-b' }) + ',extra');
    expect(parseCuratedEvents(tooMany, 'events.csv').errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: '',
        message: expect.stringContaining('17 fields, expected 16'),
      }),
    ]);
    const unclosed = csv(line(), line({ event_id: 'ka-b' }).replace('Rockets', '"Rockets'));
    const result = parseCuratedEvents(unclosed, 'events.csv');
    expect(result.events.map((e) => e.id)).toEqual(['ka-2020-10-04-ganja-strike']);
    expect(result.errors[0]).toMatchObject({ line: 3, field: '' });
    expect(result.errors[0].message).toContain('events.csv, line 3');
  });

  it('reports an empty file and a header without required columns', () => {
    expect(parseCuratedEvents('', 'empty.csv').errors).toEqual([
      { line: 1, field: '', message: 'empty.csv: the file is empty (expected a header row)' },
    ]);
    const { errors } = parseCuratedEvents('event_id,event_date\nka-a,2020-10-01\n', 'short.csv');
    expect(errors.map((e) => e.field)).toEqual(['event_type', 'location', 'source_url', 'notes']);
  });
});

describe('parseCuratedEvents: rows', () => {
  it('maps a good row to an event and its fatalities to a claim by the claimant', () => {
    const { events, claims, errors } = parseCuratedEvents(csv(line()), 'events.csv');
    expect(errors).toEqual([]);
    expect(events[0]).toEqual<AtlasEvent>({
      id: 'ka-2020-10-04-ganja-strike',
      date: '2020-10-04',
      dateEnd: null,
      datePrecision: 'day',
      type: 'attack',
      subType: 'rocket strike',
      summary: 'Rockets hit Ganja.',
      placeId: 'ganja',
      actorIds: ['artsakh-defense-army'],
      targetActorIds: [],
      sources: [{ url: 'https://www.azatutyun.am/a/30874000.html', outlet: 'RFE/RL' }],
      origin: 'curated',
      lat: 40.6816,
      lon: 46.3613,
    });
    expect(claims).toEqual([
      expect.objectContaining({
        actorId: 'mfa-az',
        quantity: 'killed',
        value: 1,
        eventId: 'ka-2020-10-04-ganja-strike',
      }),
    ]);
  });

  it('pairs several outlets with several URLs and splits actor lists', () => {
    const { events } = parseCuratedEvents(
      csv(
        line({
          actor1: 'vladimir-putin; ilham-aliyev;nikol-pashinyan',
          source: 'Kremlin;Wikipedia',
          source_url: 'http://en.kremlin.ru/events/president/news/64384;https://en.wikipedia.org/wiki/X;y',
          end_date: '2020-11-10',
          event_date: '2020-11-09',
        }),
      ),
      'events.csv',
    );
    expect(events[0].actorIds).toEqual(['vladimir-putin', 'ilham-aliyev', 'nikol-pashinyan']);
    expect(events[0].dateEnd).toBe('2020-11-10');
    // A ';' inside a URL that is not followed by a new URL stays part of it.
    expect(events[0].sources).toEqual([
      { url: 'http://en.kremlin.ru/events/president/news/64384', outlet: 'Kremlin' },
      { url: 'https://en.wikipedia.org/wiki/X;y', outlet: 'Wikipedia' },
    ]);
  });

  it.each<[string, Row, string, RegExp]>([
    ['an impossible date', { event_date: '2020-13-01' }, 'event_date', /expected a date/],
    ['a five-digit year', { event_date: '20202-10-04' }, 'event_date', /1800 to 2100/],
    ['an unknown type', { event_type: 'skirmish' }, 'event_type', /one of attack, territorial change/],
    ['an unknown precision', { date_precision: 'hour' }, 'date_precision', /day, week, month, year/],
    ['an end before the start', { end_date: '2020-10-01' }, 'end_date', /on or after 2020-10-04/],
    ['a place name instead of an id', { location: 'Ganja City' }, 'location', /gazetteer place id/],
    ['no place', { location: '' }, 'location', /the field is empty/],
    ['an actor name instead of an id', { actor1: 'Armenian Army' }, 'actor1', /actor ids/],
    ['no source URL', { source_url: '' }, 'source_url', /public http\(s\) URL/],
    ['a javascript: URL', { source_url: 'javascript:alert(1)' }, 'source_url', /http\(s\) URLs/],
    ['an ftp URL', { source_url: 'ftp://example.com/a' }, 'source_url', /http\(s\) URLs/],
    ['fatalities without a claimant', { fatalities_claimed_by: '' }, 'fatalities_claimed_by', /who/],
    ['negative fatalities', { fatalities: '-3' }, 'fatalities', /whole number from 0/],
    ['fractional fatalities', { fatalities: '2.5' }, 'fatalities', /whole number/],
    ['a claimant without a figure', { fatalities: '' }, 'fatalities', /a figure/],
    ['a latitude out of range', { latitude: '95' }, 'latitude', /from -90 to 90/],
    ['a longitude without a latitude', { latitude: '' }, 'latitude', /both latitude and longitude/],
    ['no summary', { notes: '' }, 'notes', /one-line summary/],
    ['an id with spaces', { event_id: 'ka 1' }, 'event_id', /slug id/],
  ])('rejects %s and keeps the other rows', (_name, overrides, field, message) => {
    const text = csv(line({ event_id: 'ka-first' }), line(overrides), line({ event_id: 'ka-last' }));
    const { events, errors } = parseCuratedEvents(text, 'events.csv');
    expect(events.map((e) => e.id)).toEqual(['ka-first', 'ka-last']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, field });
    expect(errors[0].message).toMatch(message);
    expect(errors[0].message).toContain(`events.csv, line 3, ${field}:`);
  });

  it('rejects a repeated id, naming the line that has it first', () => {
    const { events, errors } = parseCuratedEvents(csv(line(), line({ notes: 'again' })), 'events.csv');
    expect(events).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'event_id',
        message: expect.stringContaining('line 2 has it'),
      }),
    ]);
  });
});

describe('parseCuratedEvents: ACLED export columns', () => {
  const acledHeader =
    'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,location,latitude,longitude,source,notes,fatalities';
  const acled = (...rows: string[]) => [acledHeader, ...rows].join('\n') + '\n';

  it.each([
    ['Battles', 'Armed clash', 'attack'],
    ['Battles', 'Government regains territory', 'territorial change'],
    ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'attack'],
    ['Violence against civilians', 'Attack', 'attack'],
    ['Protests', 'Peaceful protest', 'protest'],
    ['Riots', 'Violent demonstration', 'protest'],
    ['Strategic developments', 'Agreement', 'diplomacy'],
    ['Strategic developments', 'Non-violent transfer of territory', 'territorial change'],
    ['Strategic developments', 'Arrests', 'other'],
  ])('maps %s / %s to %s', (type, sub, expected) => {
    const { events, errors } = parseCuratedEvents(
      acled(
        `AZE1,27 September 2020,2020,1,${type},${sub},Military Forces of Azerbaijan (2018-),,,Azerbaijan,Tartar,Tartar,40.342,46.9316,Trend,,0`,
      ),
      'acled.csv',
    );
    expect(errors).toEqual([]);
    expect(events[0].type).toBe(expected);
    expect(events[0].subType).toBe(sub);
  });

  it('reads an ACLED row: date, precision, names slugged, fatalities as an ACLED claim', () => {
    const { events, claims, errors } = parseCuratedEvents(
      acled(
        'ARM7,28-October-2020,2020,2,Explosions/Remote violence,Shelling/artillery/missile attack,"Military Forces of Armenia (2018-)",,Civilians (Azerbaijan),Azerbaijan,Barda,Bərdə,40.3758,47.1262,Trend; APA,"Rockets hit the city centre, killing civilians.",21',
      ),
      'acled.csv',
    );
    expect(errors).toEqual([]);
    expect(events[0]).toMatchObject({
      id: 'ARM7',
      date: '2020-10-28',
      datePrecision: 'week',
      type: 'attack',
      placeId: 'barda',
      actorIds: ['military-forces-of-armenia-2018'],
      targetActorIds: ['civilians-azerbaijan'],
      sources: [{ outlet: 'Trend' }, { outlet: 'APA' }],
      origin: 'user',
      lat: 40.3758,
      lon: 47.1262,
    });
    expect(claims).toEqual([
      expect.objectContaining({ actorId: ACLED_ACTOR_ID, value: 21, eventId: 'ARM7' }),
    ]);
  });

  it('uses the resolvers the caller gives for names', () => {
    const { events } = parseCuratedEvents(
      acled(
        'AZE2,2020-11-08,2020,1,Battles,Armed clash,Military Forces of Azerbaijan (2018-),,,Azerbaijan,Shusha,Shushi,39.76,46.75,Trend,,',
      ),
      'acled.csv',
      {
        resolveActor: (name) => (name.startsWith('Military Forces of Azerbaijan') ? 'armed-forces-az' : null),
        resolvePlace: (name) => (name === 'Shushi' ? 'shusha' : null),
      },
    );
    expect(events[0]).toMatchObject({ actorIds: ['armed-forces-az'], placeId: 'shusha' });
  });

  it('reports an ACLED row with an unreadable date or type and keeps the rest', () => {
    const { events, errors } = parseCuratedEvents(
      acled(
        'AZE3,31 June 2020,2020,1,Battles,Armed clash,A,,,Azerbaijan,Tovuz,Tovuz,40.99,45.63,Trend,,',
        'AZE4,13 July 2020,2020,1,Skirmishes,Armed clash,A,,,Azerbaijan,Tovuz,Tovuz,40.99,45.63,Trend,,',
        'AZE5,14 July 2020,2020,9,Battles,Armed clash,A,,,Azerbaijan,Tovuz,Tovuz,40.99,45.63,Trend,,',
        'AZE6,14 July 2020,2020,1,Battles,Armed clash,A,,,Azerbaijan,Tovuz,Tovuz,40.99,45.63,Trend,,',
      ),
      'acled.csv',
    );
    expect(events.map((e) => e.id)).toEqual(['AZE6']);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'event_date'],
      [3, 'event_type'],
      [4, 'time_precision'],
    ]);
  });
});

describe('formatCuratedEventsCsv', () => {
  it('writes text that parses back to the same events and figures', () => {
    const text = csv(
      line(),
      line({
        event_id: 'ka-b',
        notes: 'Commas, "quotes" and\nbreaks',
        fatalities: '',
        fatalities_claimed_by: '',
        actor2: 'gov-am;gov-az',
        source: 'A;B',
        source_url: 'https://a.example/x;https://b.example/y',
        end_date: '2020-10-05',
        latitude: '',
        longitude: '',
      }),
    );
    const first = parseCuratedEvents(text, 'events.csv');
    const written = formatCuratedEventsCsv(first.events, { claims: first.claims });
    expect(written.split('\n')[0]).toBe(HEADER);
    const again = parseCuratedEvents(written, 'export.csv');
    expect(again.errors).toEqual([]);
    expect(again.events).toEqual(first.events);
    expect(again.claims).toEqual(first.claims);
  });

  it('leaves fatalities empty when an event has competing figures', () => {
    const { events } = parseCuratedEvents(
      csv(line({ fatalities: '', fatalities_claimed_by: '' })),
      'events.csv',
    );
    const written = formatCuratedEventsCsv(events, {
      claims: [
        { id: 'c1', actorId: 'gov-az', quantity: 'killed', value: 9, eventId: events[0].id, text: '' },
        { id: 'c2', actorId: 'gov-az', quantity: 'killed', value: 10, eventId: events[0].id, text: '' },
      ],
    });
    const row = Papa.parse<string[]>(written.trim()).data[1];
    expect(row[CURATED_EVENT_COLUMNS.indexOf('fatalities')]).toBe('');
  });
});

describe('parseClaimsCsv', () => {
  const head = CLAIM_COLUMNS.join(',');
  it('reads claims and reports bad rows by line and field', () => {
    const text = [
      head,
      'c-1,ka-a,gov-az,killed,21,at least,"Civilians killed, per the prosecutor",https://example.org/a',
      'c-2,ka-a,,displaced,130000,over,Displaced residents,',
      'c-3,ka-a,gov-az,dead,5,,x,',
      'c-4,ka-a,gov-az,killed,,,x,',
      'c-5,ka-a,Gov AZ,killed,5,,x,',
      'c-6,ka-a,gov-az,killed,5,,,',
      'c-1,ka-a,gov-az,killed,5,,x,',
    ].join('\n');
    const { claims, errors } = parseClaimsCsv(text, 'claims.csv');
    expect(claims).toEqual([
      {
        id: 'c-1',
        eventId: 'ka-a',
        actorId: 'gov-az',
        quantity: 'killed',
        value: 21,
        qualifier: 'at least',
        text: 'Civilians killed, per the prosecutor',
        url: 'https://example.org/a',
      },
      {
        id: 'c-2',
        eventId: 'ka-a',
        actorId: null,
        quantity: 'displaced',
        value: 130000,
        qualifier: 'over',
        text: 'Displaced residents',
      },
    ]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'quantity'],
      [5, 'value'],
      [6, 'actor_id'],
      [7, 'text'],
      [8, 'claim_id'],
    ]);
  });
});

/* ---------------------------------------------------------------- the project's data */

const ROOT = resolve(__dirname, '..', '..');
const eventsText = readFileSync(resolve(ROOT, 'data/events.csv'), 'utf8');
const claimsText = readFileSync(resolve(ROOT, 'data/claims.csv'), 'utf8');
const curated = parseCuratedEvents(eventsText, 'data/events.csv');
const claimsFile = parseClaimsCsv(claimsText, 'data/claims.csv');
const byId = new Map(curated.events.map((e) => [e.id, e]));

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('data/events.csv', () => {
  it('parses without a single error, with the documented header', () => {
    expect(curated.errors).toEqual([]);
    expect(eventsText.split('\n')[0]).toBe(HEADER);
    expect(curated.events.length).toBeGreaterThan(150);
  });

  it('holds at least 150 events from 27 September to 1 December 2020', () => {
    const war = curated.events.filter((e) => e.date! >= '2020-09-27' && e.date! <= '2020-12-01');
    expect(war.length).toBeGreaterThanOrEqual(150);
  });

  it('covers every day of the war, 27 September to 10 November 2020', () => {
    const days = new Set(curated.events.map((e) => e.date));
    const missing: string[] = [];
    for (let day = '2020-09-27'; day <= '2020-11-10'; day = addDays(day, 1))
      if (!days.has(day)) missing.push(day);
    expect(missing).toEqual([]);
  });

  it('gives every event a date, a one-line summary and http(s) sources with outlets', () => {
    for (const e of curated.events) {
      expect(e.date, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.summary.length, e.id).toBeGreaterThan(20);
      expect(e.summary, e.id).not.toContain('\n');
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) {
        expect(s.url, e.id).toMatch(/^https?:\/\/[^\s]+\.[^\s]+/);
        expect(s.outlet, e.id).toBeTruthy();
      }
    }
  });

  it('places every event at a gazetteer place, within a few km of its coordinates', () => {
    const coords = new Map<string, string>();
    for (const e of curated.events) {
      const place = placeById(e.placeId!);
      expect(place, `${e.id} at ${e.placeId}`).toBeDefined();
      expect(e.lat, e.id).toBeDefined();
      expect(distance([e.lon!, e.lat!], [place!.lon, place!.lat]), `${e.id} at ${e.placeId}`).toBeLessThan(
        15,
      );
      const key = `${e.lat},${e.lon}`;
      expect(coords.get(e.placeId!) ?? key, `${e.id} at ${e.placeId}`).toBe(key);
      coords.set(e.placeId!, key);
    }
  });

  it('names only actors of the catalogue, as actors and as claimants', () => {
    for (const e of curated.events)
      for (const a of [...e.actorIds, ...e.targetActorIds])
        expect(actorById(a), `${e.id}: ${a}`).toBeDefined();
    for (const c of claimsFile.claims)
      if (c.actorId) expect(actorById(c.actorId), `${c.id}: ${c.actorId}`).toBeDefined();
  });

  it('has no duplicate events (same date, type, place and actors)', () => {
    const keys = curated.events.map((e) =>
      [
        e.date,
        e.type,
        e.placeId,
        [...e.actorIds].sort().join(';'),
        [...e.targetActorIds].sort().join(';'),
      ].join('|'),
    );
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('records each change of control as a capture or handover territorial change', () => {
    const changes = curated.events.filter((e) => e.type === 'territorial change');
    expect(changes.length).toBeGreaterThan(20);
    for (const e of changes) expect(['capture', 'handover'], e.id).toContain(e.subType);
    const handovers = changes.filter((e) => e.subType === 'handover').map((e) => [e.date, e.placeId]);
    expect(handovers).toEqual([
      ['2020-11-20', 'aghdam-district'],
      ['2020-11-25', 'kalbajar-district'],
      ['2020-12-01', 'lachin-district'],
    ]);
  });

  it.each<[string, string, Partial<AtlasEvent>]>([
    ['fighting starts', 'ka-2020-09-27-fighting-erupts', { type: 'attack', date: '2020-09-27' }],
    ['Sugovushan', 'ka-2020-10-03-sugovushan-capture', { type: 'territorial change', placeId: 'sugovushan' }],
    ['Talish', 'ka-2020-10-03-talish-village', { type: 'territorial change', placeId: 'talish' }],
    ['Jabrayil', 'ka-2020-10-04-jabrayil-capture', { type: 'territorial change', placeId: 'jabrayil' }],
    ['Hadrut', 'ka-2020-10-09-hadrut-claim', { type: 'territorial change', placeId: 'hadrut' }],
    ['Fuzuli', 'ka-2020-10-17-fuzuli-capture', { type: 'territorial change', placeId: 'fuzuli' }],
    ['Zangilan', 'ka-2020-10-20-zangilan-capture', { type: 'territorial change', placeId: 'zangilan' }],
    ['Qubadli', 'ka-2020-10-25-qubadli-capture', { type: 'territorial change', placeId: 'qubadli' }],
    [
      'Shusha',
      'ka-2020-11-08-shusha-capture',
      { type: 'territorial change', placeId: 'shusha', date: '2020-11-08' },
    ],
    ['Stepanakert shelled', 'ka-2020-10-04-stepanakert-shelling', { type: 'attack', placeId: 'stepanakert' }],
    [
      'Ganja, 11 October',
      'ka-2020-10-11-ganja-strike',
      { type: 'attack', placeId: 'ganja', date: '2020-10-11' },
    ],
    [
      'Ganja, 17 October',
      'ka-2020-10-17-ganja-strike',
      { type: 'attack', placeId: 'ganja', date: '2020-10-17' },
    ],
    [
      'Barda, 28 October',
      'ka-2020-10-28-barda-strike',
      { type: 'attack', placeId: 'barda', date: '2020-10-28' },
    ],
    ['Tartar', 'ka-2020-10-15-tartar-funeral', { type: 'attack', placeId: 'tartar' }],
    ['Martuni', 'ka-2020-10-01-martuni-shelled', { type: 'attack', placeId: 'martuni' }],
    [
      'Ghazanchetsots',
      'ka-2020-10-08-ghazanchetsots',
      { type: 'attack', placeId: 'shusha', date: '2020-10-08' },
    ],
    ['Moscow ceasefire', 'ka-2020-10-10-moscow-ceasefire', { type: 'ceasefire', date: '2020-10-10' }],
    ['18 October truce', 'ka-2020-10-18-humanitarian-truce', { type: 'ceasefire', date: '2020-10-18' }],
    [
      'US-brokered ceasefire',
      'ka-2020-10-26-us-brokered-ceasefire',
      { type: 'ceasefire', date: '2020-10-26' },
    ],
    ['Mi-24', 'ka-2020-11-09-mi24-downed', { type: 'attack', date: '2020-11-09', placeId: 'yeraskh' }],
    [
      '9-10 November statement',
      'ka-2020-11-09-trilateral-statement',
      { type: 'ceasefire', dateEnd: '2020-11-10' },
    ],
    ['peacekeepers', 'ka-2020-11-10-peacekeepers-deploy', { type: 'deployment' }],
    ['Yerevan protests', 'ka-2020-11-10-yerevan-storming', { type: 'protest', placeId: 'yerevan' }],
    ['Kalbajar postponed', 'ka-2020-11-15-kalbajar-postponed', { date: '2020-11-15' }],
    ['UN Security Council', 'ka-2020-09-29-unsc-meeting', { actorIds: ['un-security-council'] }],
    ['co-chair presidents', 'ka-2020-10-01-cochairs-presidents', { type: 'statement' }],
    ['Putin', 'ka-2020-10-22-putin-valdai', { actorIds: ['vladimir-putin'] }],
    ['Erdoğan', 'ka-2020-09-28-erdogan-speech', { actorIds: ['recep-tayyip-erdogan'] }],
    ['Macron', 'ka-2020-10-01-macron-jihadists', { actorIds: ['emmanuel-macron'] }],
    ['Pompeo', 'ka-2020-10-23-pompeo-talks', { actorIds: ['mike-pompeo'] }],
    ['1988 request', 'ka-1988-02-20-nkao-request', { date: '1988-02-20' }],
    ['Sumgait', 'ka-1988-02-27-sumgait', { placeId: 'sumgait' }],
    ['1991 declaration', 'ka-1991-09-02-nkr-declared', { date: '1991-09-02' }],
    ['Bishkek Protocol', 'ka-1994-05-05-bishkek-protocol', { placeId: 'bishkek' }],
    ['1997 treaty', 'ka-1997-08-29-russia-armenia-treaty', { date: '1997-08-29' }],
    ['April 2016', 'ka-2016-04-01-four-day-war', { dateEnd: '2016-04-05' }],
    ['Tovuz', 'ka-2020-07-12-tovuz-clashes', { placeId: 'tovuz' }],
    ['Lachin blockade', 'ka-2022-12-12-lachin-blockade', { placeId: 'lachin-corridor' }],
    ['checkpoint', 'ka-2023-04-23-lachin-checkpoint', { date: '2023-04-23' }],
    ['2023 offensive', 'ka-2023-09-19-offensive', { type: 'attack' }],
    ['exodus', 'ka-2023-09-24-exodus', { type: 'humanitarian' }],
    ['dissolution decree', 'ka-2023-09-28-dissolution-decree', { date: '2023-09-28' }],
    ['dissolution', 'ka-2024-01-01-republic-dissolved', { date: '2024-01-01' }],
  ])('has the key event: %s', (_name, id, expected) => {
    expect(byId.get(id), id).toMatchObject(expected);
  });

  it('sets fatalities only with a claimant, and each such figure is a claim by that actor', () => {
    expect(curated.claims.length).toBeGreaterThan(0);
    for (const c of curated.claims) {
      expect(c.actorId, c.id).toMatch(ID_SLUG);
      expect(byId.has(c.eventId!), c.id).toBe(true);
    }
  });
});

describe('data/claims.csv', () => {
  it('parses without errors, each claim tied to an event of events.csv with a source', () => {
    expect(claimsFile.errors).toEqual([]);
    expect(claimsFile.claims.length).toBeGreaterThan(40);
    for (const c of claimsFile.claims) {
      expect(byId.has(c.eventId!), c.id).toBe(true);
      expect(c.url, c.id).toMatch(/^https?:\/\//);
      if (c.actorId !== null) expect(c.actorId, c.id).toMatch(ID_SLUG);
    }
  });

  it("keeps both sides' counts where they differ, each with its claimant", () => {
    const tolls = claimsFile.claims.filter((c) => c.eventId === 'ka-2020-10-19-casualty-figures');
    expect(new Set(tolls.map((c) => c.actorId))).toEqual(new Set(['gov-nk', 'gov-az']));
  });

  it('does not repeat in claims.csv a killed figure already given by events.csv for the same claimant', () => {
    for (const f of curated.claims) {
      const same = claimsFile.claims.filter(
        (c) => c.eventId === f.eventId && c.actorId === f.actorId && c.quantity === 'killed',
      );
      expect(same, f.id).toEqual([]);
    }
  });
});

describe('data/narratives.json', () => {
  const narratives = JSON.parse(readFileSync(resolve(ROOT, 'data/narratives.json'), 'utf8')) as Narrative[];

  it('tells the 2020 war in 12 to 20 steps over events of the CSV, in date order', () => {
    expect(narratives.length).toBeGreaterThan(0);
    for (const n of narratives) {
      expect(n.id).toMatch(ID_SLUG);
      expect(n.title.length).toBeGreaterThan(5);
      expect(n.steps.length).toBeGreaterThanOrEqual(12);
      expect(n.steps.length).toBeLessThanOrEqual(20);
      const dates = n.steps.map((s) => byId.get(s.eventId)?.date);
      expect(dates.every(Boolean), n.steps.map((s) => s.eventId).join(' ')).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      for (const s of n.steps) {
        expect(s.note?.length ?? 0, s.eventId).toBeLessThan(240);
        if (s.camera) {
          expect(Math.abs(s.camera.lat), s.eventId).toBeLessThanOrEqual(90);
          expect(Math.abs(s.camera.lon), s.eventId).toBeLessThanOrEqual(180);
          expect(s.camera.zoom, s.eventId).toBeGreaterThanOrEqual(0);
          expect(s.camera.zoom, s.eventId).toBeLessThanOrEqual(22);
        }
      }
    }
  });

  it('passes through the milestones a briefing needs', () => {
    const steps = new Set(narratives.flatMap((n) => n.steps.map((s) => s.eventId)));
    for (const id of [
      'ka-2020-09-27-fighting-erupts',
      'ka-2020-10-10-moscow-ceasefire',
      'ka-2020-11-08-shusha-capture',
      'ka-2020-11-09-trilateral-statement',
      'ka-2020-12-01-lachin-handover',
    ]) {
      expect(steps.has(id), id).toBe(true);
    }
  });
});
