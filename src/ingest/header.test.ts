import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, parseArticleHeader, splitLines } from './header';

const SEED = readFileSync(new URL('../../../shared/seeds/000_9210aabef647218d.txt', import.meta.url), 'utf8');

describe('parseArticleHeader', () => {
  it('reads the seed article header', () => {
    const h = parseArticleHeader(SEED);
    expect(h.published).toBe('2020-10-31T09:13:00Z');
    expect(h.publishedDay).toBe('2020-10-31');
    // The seed's last line reads "Updated 14:43 IST, October 31st 2020": a valid value, kept.
    expect(h.updated).toBe('2020-10-31T09:13:00Z');
    expect(h.headline).toBe(
      "Armenia PM asks Russia's Putin to 'launch immediate consultations' on providing security",
    );
    expect(h.standfirst).toMatch(/^Armenian PM Nikol Pashinyan has officially sent a letter/);
    expect(h.lang).toBe('en');
    expect(h.warnings).toEqual([]);
  });

  it('warns about an Updated line whose year cannot be right, naming the line, and ignores it', () => {
    const h = parseArticleHeader(SEED.replace(/October 31st 2020$/, 'October 31st 20202'));
    expect(h.updated).toBeNull();
    expect(h.published).toBe('2020-10-31T09:13:00Z');
    expect(h.warnings).toEqual([
      'line 10 ("Updated 14:43 IST, October 31st 20202"): year 20202 cannot be right; the Updated value is ignored',
    ]);
  });

  it('keeps the calendar day of a date-only Published line', () => {
    const h = parseArticleHeader('Published 2020-10-22\nHeadline\nStandfirst\nBody.');
    expect(h.published).toBe('2020-10-22');
    expect(h.headline).toBe('Headline');
    expect(h.standfirst).toBe('Standfirst');
  });

  it('takes a bare date line as the publication date', () => {
    const h = parseArticleHeader('Saturday, 10 October 2020\nHeadline\nStandfirst\nBody.');
    expect(h.published).toBe('2020-10-10');
    expect(h.headline).toBe('Headline');
    expect(h.warnings).toEqual([]);
  });

  it('falls back to a date in the first lines, with a warning', () => {
    const h = parseArticleHeader(
      'Shelling reported in Tartar\nBAKU, 4 October 2020 - The ministry said...\nMore.',
    );
    expect(h.published).toBe('2020-10-04');
    expect(h.headline).toBe('Shelling reported in Tartar');
    expect(h.warnings[0]).toMatch(
      /no "Published" line: the publication date 2020-10-04 is taken from line 2/,
    );
  });

  it('says so when there is no date at all', () => {
    const h = parseArticleHeader('Headline\nStandfirst\nBody without any date.');
    expect(h.published).toBeNull();
    expect(h.warnings[0]).toMatch(/^no publication date/);
  });

  it('warns about an impossible Published date and keeps none', () => {
    const h = parseArticleHeader('Published 31 September 2020\nHeadline\nBody.');
    expect(h.published).toBeNull();
    expect(h.headline).toBe('Headline');
    expect(h.warnings).toEqual([
      'line 1 ("Published 31 September 2020"): September 2020 has 30 days, not 31; the publication date is ignored',
    ]);
  });

  it('reads Russian headers and CRLF line ends', () => {
    const h = parseArticleHeader(
      'Опубликовано 12 октября 2020, 10:00 МСК\r\nЗаголовок\r\nПодзаголовок\r\nТекст.',
    );
    expect(h.published).toBe('2020-10-12T07:00:00Z');
    expect(h.headline).toBe('Заголовок');
    expect(h.lang).toBe('ru');
  });
});

describe('splitLines', () => {
  it('keeps UTF-16 offsets of every line', () => {
    const text = 'ab\r\ncd\n\nef';
    expect(splitLines(text).map((l) => [l.number, l.start, l.end, text.slice(l.start, l.end)])).toEqual([
      [1, 0, 2, 'ab'],
      [2, 4, 6, 'cd'],
      [3, 7, 7, ''],
      [4, 8, 10, 'ef'],
    ]);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Baku said', 'en'],
    ['Баку заявил', 'ru'],
    ['Ստեփանակերտ', 'hy'],
    ['12345', 'und'],
  ])('%j -> %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});
