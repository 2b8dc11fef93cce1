import { describe, expect, it } from 'vitest';
import { checkAtlasDocument } from './check-document';
import { resolveDataUrl } from './store-client';

const BASE = 'https://atlas.example/reports/index.html?x=1';

describe('resolveDataUrl', () => {
  it('loads the atlas’s own data when no parameter is given', () => {
    expect(resolveDataUrl(null, BASE)).toEqual({
      url: 'https://atlas.example/reports/data/atlas.json',
      notice: null,
    });
    expect(resolveDataUrl('  ', BASE).notice).toBeNull();
  });

  it('resolves a path beside the page and keeps it', () => {
    expect(resolveDataUrl('extracts/acled.json', BASE)).toEqual({
      url: 'https://atlas.example/reports/extracts/acled.json',
      notice: null,
    });
    expect(resolveDataUrl('/all.json', BASE).url).toBe('https://atlas.example/all.json');
  });

  it('refuses another site, another scheme and nonsense, naming the parameter, and falls back', () => {
    const fallback = 'https://atlas.example/reports/data/atlas.json';
    const foreign = resolveDataUrl('https://evil.example/x.json', BASE);
    expect(foreign.url).toBe(fallback);
    expect(foreign.notice).toContain(
      '"https://evil.example/x.json" is on another site (https://evil.example)',
    );
    const script = resolveDataUrl('javascript:alert(1)', BASE);
    expect(script.url).toBe(fallback);
    expect(script.notice).toContain('not an http(s) address');
    expect(resolveDataUrl('//evil.example/x.json', BASE).notice).toContain('another site');
    expect(resolveDataUrl('http://[::1', BASE).notice).toContain('not a valid address');
  });
});

describe('checkAtlasDocument', () => {
  it('names the file and the spot where the JSON breaks', () => {
    const result = checkAtlasDocument('{"events": [', 'big.json');
    expect('error' in result && result.error).toMatch(/^big\.json, line 1, column 13: not valid JSON/);
  });

  it('refuses what is not an atlas document', () => {
    const result = checkAtlasDocument('[1, 2]', 'list.json');
    expect('error' in result && result.error).toContain('list.json: not an atlas document');
  });

  it('keeps the good events and says how many others it left out, and why', () => {
    const text = JSON.stringify({
      version: 1,
      places: 'nope',
      events: [
        { id: 'a', date: '2020-10-01', type: 'battle', origin: 'user' },
        { id: 'a', date: '2020-10-02' },
        { date: '2020-10-03' },
        null,
        { id: 'b' },
      ],
    });
    const result = checkAtlasDocument(text, 'data.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.doc.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(result.doc.events[0].origin).toBeUndefined();
    expect(result.doc.events[1]).toMatchObject({ type: 'other', date: null, actorIds: [], sources: [] });
    expect(result.doc.places).toEqual([]);
    expect(result.warnings).toEqual([
      'data.json: "places" is not an array; read as empty',
      'data.json: 2 events without an "id" left out',
      'data.json: 1 event with the "id" of an earlier one left out',
    ]);
  });
});
