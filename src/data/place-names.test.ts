import { describe, expect, it } from 'vitest';
import { formatPlaceName, type NameStyle } from './place-names';

const stepanakert = {
  name: 'Stepanakert',
  altName: 'Khankendi',
  contested: true,
  names: { en: 'Stepanakert', hy: 'Ստեփանակերտ', az: 'Xankəndi', ru: 'Степанакерт' },
};
const ganja = { name: 'Ganja', names: { en: 'Ganja', az: 'Gəncə' } };

describe('formatPlaceName', () => {
  it.each<[NameStyle, typeof stepanakert | typeof ganja, string]>([
    ['dual', stepanakert, 'Stepanakert / Khankendi'],
    ['dual', ganja, 'Ganja'],
    ['hy', stepanakert, 'Ստեփանակերտ'],
    ['hy', ganja, 'Ganja'],
    ['az', stepanakert, 'Xankəndi'],
    ['az', ganja, 'Gəncə'],
    ['en', stepanakert, 'Stepanakert'],
  ])('%s: %s', (style, place, expected) => expect(formatPlaceName(place, style)).toBe(expected));
});
