import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';

const fixture = (name: string) =>
  readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8');

describe('importCsv', () => {
  it('imports the good rows of a curated-column CSV and names the bad line and field', () => {
    const { doc, messages } = importCsv(fixture('user-events-bad-row.csv'), 'mine.csv');
    expect(doc.events.map((e) => e.id)).toEqual(['fixture-2020-10-14-martuni', 'fixture-2020-10-16-goris']);
    expect(doc.events.every((e) => e.origin === 'user')).toBe(true);
    expect(messages).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(
          /^mine\.csv, line 3, event_date: expected a date as 2020-09-27 .* \(got "2020-02-30"\)$/,
        ),
      },
    ]);
  });

  it('reads an ACLED export, putting known names on gazetteer places and catalogue actors', () => {
    const { doc, messages } = importCsv(fixture('acled-export.csv'), 'acled.csv');
    expect(messages).toEqual([]);
    const [first, second] = doc.events;
    // Khankendi is the Azerbaijani name of Stepanakert: the same gazetteer place.
    expect(first).toMatchObject({ id: 'FIXT1', date: '2020-10-12', placeId: 'stepanakert', origin: 'user' });
    // A village the gazetteer lacks keeps its name as an id and its coordinates, so it is still drawn.
    expect(second).toMatchObject({ placeId: 'fixtureville', lat: 39.6, lon: 47.15, datePrecision: 'week' });
    expect(doc.claims).toContainEqual(
      expect.objectContaining({ eventId: 'FIXT2', value: 3, quantity: 'killed', actorId: 'acled' }),
    );
  });

  it('reports a file with no header', () => {
    expect(importCsv('', 'empty.csv').messages[0].message).toBe(
      'empty.csv: the file is empty (expected a header row)',
    );
  });
});
