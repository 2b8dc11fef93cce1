import { describe, expect, it } from 'vitest';
import { detectKind, kindFromName, MAX_DATA_BYTES, sizeProblem } from './detect-kind';

describe('detectKind', () => {
  it.each([
    ['events.csv', 'anything at all', 'csv'],
    ['points.geojson', '{}', 'geojson'],
    ['export.json', '{"version":1,"events":[]}', 'atlas'],
    ['points.json', '{ "type": "FeatureCollection", "features": [] }', 'geojson'],
    ['one.json', '{"type":"Feature","geometry":null}', 'geojson'],
    ['article.txt', 'Published 14:43 IST, October 31st 2020\nHeadline', 'article'],
    ['Pasted text 1', 'Published 14:43 IST\nA headline, with commas, in it', 'article'],
    ['Pasted text 2', 'event_id,event_date,event_type,location\nx,2020-01-01,attack,baku', 'csv'],
    ['acled.txt', '\uFEFFevent_id_cnty,event_date,year,time_precision\n', 'csv'],
    ['Pasted text 3', '  {"version": 1, "events": []}', 'atlas'],
  ] as const)('%s is read as %s', (name, text, kind) => {
    expect(detectKind(name, text)).toBe(kind);
  });

  it('tells the kind from the extension alone where it can', () => {
    expect(kindFromName('A.CSV')).toBe('csv');
    expect(kindFromName('notes.md')).toBe('article');
    expect(kindFromName('export.json')).toBeNull();
  });
});

describe('sizeProblem', () => {
  it('refuses a 50 MB file by its size, naming the file and the limit', () => {
    expect(sizeProblem('big.csv', 50 * 1024 * 1024, 5 * 1024 * 1024)).toBe(
      'big.csv: the file is 50.0 MiB, over the 20.0 MiB limit for one file; split it into smaller files',
    );
    expect(sizeProblem('big.txt', 50 * 1024 * 1024, 5 * 1024 * 1024)).toMatch(
      /^big\.txt: the file is 50\.0 MiB, over the 5\.0 MiB limit for one article/,
    );
  });

  it('accepts files up to the limit', () => {
    expect(sizeProblem('ok.csv', MAX_DATA_BYTES, 5)).toBeNull();
    expect(sizeProblem('ok.txt', 5, 5)).toBeNull();
  });
});
