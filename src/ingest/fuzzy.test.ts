import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaroWinkler } from './fuzzy';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['pashityan', 'pashinyan', 0.918],
    ['abc', 'xyz', 0],
  ])('%s ~ %s = %f', (a, b, v) => expect(jaroWinkler(a, b)).toBeCloseTo(v, 3));

  it('is 1 for equal strings and 0 against an empty one', () => {
    expect(jaroWinkler('peskov', 'peskov')).toBe(1);
    expect(jaroWinkler('peskov', '')).toBe(0);
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['pescov', 'peskov', 1],
    ['pashityan', 'pashinyan', 1],
    ['aliyev', 'ailyev', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('%s -> %s = %i', (a, b, d) => expect(damerauLevenshtein(a, b)).toBe(d));

  it('stops early past the given maximum', () => {
    expect(damerauLevenshtein('stepanakert', 'washington', 2)).toBe(3);
  });
});
