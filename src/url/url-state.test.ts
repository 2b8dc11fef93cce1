import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  formatUrlState,
  parseCameraHash,
  parseDayParam,
  parseUrlState,
} from './url-state';

describe('parseUrlState', () => {
  it.each([
    ['?from=2020-09-27&to=2020-11-10', { from: '2020-09-27', to: '2020-11-10' }],
    ['?from=2020-02-30', { from: null }],
    ['?to=20202-10-31', { to: null }],
    ['?theme=dark&names=en', { theme: 'dark', names: 'en' }],
    ['?theme=purple&names=klingon', { theme: 'auto', names: 'dual' }],
    ['?types=attack,territorial+change', { types: ['attack', 'territorial change'] }],
    ['?actors=nikol-pashinyan,<script>', { actors: null }],
    ['?event=e-123&step=0', { event: 'e-123', step: null }],
    ['?embed=1&present=true&timeline=0&step=4', { embed: true, present: true, timeline: false, step: 4 }],
    ['?unknown=1&from=', { from: null }],
  ])('%s', (search, expected) => {
    expect(parseUrlState(search)).toEqual({ ...DEFAULT_URL_STATE, ...expected });
  });

  it('reads the camera from the hash and ignores an impossible one', () => {
    expect(parseUrlState('', '#map=7.5/39.8/46.75').camera).toEqual({ zoom: 7.5, lat: 39.8, lon: 46.75 });
    expect(parseCameraHash('#map=7/95/46')).toBeUndefined();
    expect(parseCameraHash('#map=abc')).toBeUndefined();
  });
});

describe('formatUrlState', () => {
  it('round-trips and leaves defaults out', () => {
    const state = {
      ...DEFAULT_URL_STATE,
      from: '2020-10-01',
      to: '2020-10-31',
      theme: 'dark' as const,
      camera: { zoom: 7, lat: 39.8, lon: 46.75 },
    };
    const url = formatUrlState(state);
    expect(url).toBe('?from=2020-10-01&to=2020-10-31&theme=dark#map=7.00/39.8000/46.7500');
    const [search, hash] = url.split('#');
    expect(parseUrlState(search, `#${hash}`)).toEqual(state);
  });

  it('keeps parameters it does not own', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, names: 'az' }, '?utm=x')).toBe('?utm=x&names=az');
  });
});

describe('parseDayParam', () => {
  it.each([
    ['2020-11-10', '2020-11-10'],
    ['2020-13-01', undefined],
    ['2021-02-29', undefined],
    ['2020-02-29', '2020-02-29'],
    ['0999-01-01', undefined],
  ])('%s', (raw, expected) => expect(parseDayParam(raw)).toBe(expected));
});
