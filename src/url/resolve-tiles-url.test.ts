import { describe, expect, it } from 'vitest';
import { resolveTilesUrl } from './resolve-tiles-url';

const BASE = 'https://atlas.example/karabakh/index.html';

describe('resolveTilesUrl', () => {
  it.each([
    [null, null],
    ['  ', null],
    ['events.pmtiles', 'https://atlas.example/karabakh/events.pmtiles'],
    ['tiles/events.pmtiles', 'https://atlas.example/karabakh/tiles/events.pmtiles'],
    ['/data/events.pmtiles', 'https://atlas.example/data/events.pmtiles'],
    ['https://atlas.example/x.pmtiles', 'https://atlas.example/x.pmtiles'],
  ])('reads %j as %j', (param, url) => {
    expect(resolveTilesUrl(param, BASE)).toEqual({ url, problem: null });
  });

  it.each([
    ['https://example.org/x.pmtiles', 'is on another site (https://example.org)'],
    ['//example.org/x.pmtiles', 'is on another site (https://example.org)'],
    ['http://atlas.example/x.pmtiles', 'is on another site (http://atlas.example)'],
    ['javascript:alert(1)', 'is not an http(s) address'],
    ['data:application/octet-stream,PMTiles', 'is not an http(s) address'],
    ['http://[bad', 'is not a valid address'],
  ])('refuses %j, naming the parameter and the problem', (param, problem) => {
    const result = resolveTilesUrl(param, BASE);
    expect(result.url).toBeNull();
    expect(result.problem).toContain(`The tiles parameter "${param}" ${problem}`);
  });
});
