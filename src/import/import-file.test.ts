import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRunState, importFile, MAX_MESSAGES_PER_FILE } from './import-file';

const SEED = new Uint8Array(
  readFileSync(new URL('../../../shared/seeds/000_9210aabef647218d.txt', import.meta.url)),
);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importFile', () => {
  it('reads the seed article through the ingest: events, places, actors, all marked as the user’s', () => {
    const r = importFile({ name: 'seed.txt', bytes: SEED });
    expect(r.kind).toBe('article');
    expect(r.messages).toEqual([]);
    expect(r.doc?.articles.map((a) => a.file)).toEqual(['seed.txt']);
    expect(r.doc?.events.length).toBeGreaterThan(3);
    expect(r.doc?.events.every((e) => e.origin === 'user')).toBe(true);
    expect(r.summary).toMatchObject({
      events: r.doc?.events.length,
      headlines: ["Armenia PM asks Russia's Putin to 'launch immediate consultations' on providing security"],
    });
    expect(r.summary.places).toBeGreaterThan(2);
    expect(r.summary.actors).toBeGreaterThan(2);
    expect(r.summary.undated).toBe(r.doc?.events.filter((e) => e.date === null).length);
  });

  it('gives the same document for the file and for its pasted text', () => {
    const fromFile = importFile({ name: 'a.txt', bytes: SEED });
    const pasted = importFile({ name: 'a.txt', text: new TextDecoder().decode(SEED) });
    expect(pasted.doc).toEqual(fromFile.doc);
  });

  it('refuses a second copy of an article in the same import, naming the first', () => {
    const run = createRunState();
    importFile({ name: 'one.txt', bytes: SEED }, run);
    const again = importFile({ name: 'two.txt', bytes: SEED }, run);
    expect(again.doc).toBeNull();
    expect(again.messages[0].message).toBe(
      'two.txt: the same article as one.txt, already in this import; expected a different article',
    );
  });

  it.each([
    ['empty.txt', new Uint8Array(0), /^empty\.txt: file is empty \(0 bytes\); expected a text file in UTF-8/],
    ['blank.csv', utf8('  \n\n '), /^blank\.csv: file holds only white space; expected a text file/],
    [
      'photo.jpg',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]),
      /^photo\.jpg: binary data, not text/,
    ],
    [
      'latin2.txt',
      Uint8Array.from([
        ...utf8('Published today\nZa'),
        0xbf,
        0xf3,
        0xb3,
        ...utf8('w kraju '),
        0xea,
        ...utf8(' z'),
      ]),
      /^latin2\.txt: not valid UTF-8 \(first bad byte at offset 18\).*expected a text file in UTF-8, UTF-16 or Windows-1251/,
    ],
  ])('names the file and what was expected for %s', (name, bytes, message) => {
    const r = importFile({ name, bytes });
    expect(r.doc).toBeNull();
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ level: 'error', message: expect.stringMatching(message) });
  });

  it('refuses a 50 MB file by its size without decoding it', () => {
    const r = importFile({ name: 'huge.csv', bytes: new Uint8Array(50 * 1024 * 1024) });
    expect(r.messages[0].message).toBe(
      'huge.csv: the file is 50.0 MiB, over the 20.0 MiB limit for one file; split it into smaller files',
    );
  });

  it('reads a CSV with one bad row: the good rows, and the bad line named', () => {
    const r = importFile({ name: 'mine.csv', bytes: fixture('user-events-bad-row.csv') });
    expect(r.kind).toBe('csv');
    expect(r.summary).toMatchObject({ events: 2, undated: 0, places: 2, unplaced: [] });
    expect(r.messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/^mine\.csv, line 3, event_date/),
    ]);
  });

  it('lists the names a file could not place', () => {
    const csv = [
      'event_id,event_date,event_type,location,source_url,notes',
      'x-1,2020-10-01,attack,nowhere-village,https://example.org/x,Fixture row',
    ].join('\n');
    expect(importFile({ name: 'n.csv', text: csv }).summary.unplaced).toEqual(['nowhere-village']);
  });

  it('keeps markup in an article as text, byte for byte', () => {
    const r = importFile({ name: 'hostile.txt', bytes: fixture('hostile-article.txt') });
    expect(r.summary.headlines[0]).toBe(
      `<img src=x onerror="window.__hostile='img'"> Shelling reported in <script>window.__hostile='script'</script> Stepanakert`,
    );
    expect(r.doc?.articles[0].text).toContain('<a href="javascript:');
  });

  it('says so when a file holds nothing to add', () => {
    const r = importFile({ name: 'none.geojson', text: '{"type":"FeatureCollection","features":[]}' });
    expect(r.doc).toBeNull();
    expect(r.messages.map((m) => m.message)).toEqual(['none.geojson: the FeatureCollection has no features']);
  });

  it('lists at most a hundred problems per file and counts the rest', () => {
    const rows = Array.from(
      { length: 150 },
      (_, i) => `x-${i},not a date,attack,baku,https://example.org/${i},Row`,
    );
    const r = importFile({
      name: 'bad.csv',
      text: ['event_id,event_date,event_type,location,source_url,notes', ...rows].join('\n'),
    });
    expect(r.messages).toHaveLength(MAX_MESSAGES_PER_FILE + 1);
    expect(r.messages.at(-1)?.message).toBe('bad.csv: 50 more problems not listed');
  });
});
