import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { testReference } from './fixtures/reference';
import { parseArticleHeader, splitLines } from './header';
import { findMentions, type MentionOptions } from './mentions';
import { indexReference } from './reference';

/** Mentions of a one-line body under a fixed header, as [text, id, match]. */
function mentionsOf(body: string, options: MentionOptions = {}): [string, string, string][] {
  const text = `Published 2020-10-12\nHeadline words\n${body}`;
  const header = parseArticleHeader(text, splitLines(text));
  const lines = header.contentLines.slice(1);
  const analyzed = analyzeText(text, lines);
  return findMentions({ text, articleId: 'a', ...analyzed }, indexReference(testReference), options).map(
    (m) => [m.text, m.id, m.match],
  );
}

describe('findMentions', () => {
  it.each<[string, string, [string, string, string][]]>([
    [
      'names and aliases',
      'Nikol Pashinyan met Aliyev in Khankendi.',
      [
        ['Nikol Pashinyan', 'nikol-pashinyan', 'exact'],
        ['Aliyev', 'ilham-aliyev', 'alias'],
        ['Khankendi', 'stepanakert', 'alias'],
      ],
    ],
    [
      'spellings with a hyphen, a space or diacritics',
      'Shelling hit Nagorno Karabakh, Tərtər and Şuşa.',
      [
        ['Nagorno Karabakh', 'nagorno-karabakh', 'exact'],
        ['Tərtər', 'tartar', 'alias'],
        ['Şuşa', 'shusha', 'alias'],
      ],
    ],
    [
      'Russian case endings',
      'Пашиняна поддержал Путин, а в Степанакерте и Москве прошли митинги.',
      [
        ['Пашиняна', 'nikol-pashinyan', 'alias'],
        ['Путин', 'vladimir-putin', 'alias'],
        ['Степанакерте', 'stepanakert', 'alias'],
        ['Москве', 'moscow', 'alias'],
      ],
    ],
    [
      'adjective + role',
      'The Russian President spoke as Azerbaijani forces advanced.',
      [
        ['Russian President', 'vladimir-putin', 'alias'],
        ['Azerbaijani forces', 'armed-forces-az', 'alias'],
      ],
    ],
    [
      'role + of + country',
      'The Foreign Ministry of Turkey and the Prime Minister of Armenia disagreed.',
      [
        ['Foreign Ministry of Turkey', 'mfa-tr', 'exact'],
        ['Prime Minister of Armenia', 'nikol-pashinyan', 'alias'],
      ],
    ],
    [
      'Russian role + country in the genitive',
      'Министр обороны Азербайджана и армянские военные.',
      [
        ['Министр обороны Азербайджана', 'zakir-hasanov', 'alias'],
        ['армянские военные', 'armed-forces-am', 'alias'],
      ],
    ],
    [
      'metonyms: a capital acting is its government',
      'Moscow urged calm and Baku denied it, while the Kremlin said nothing.',
      [
        ['Moscow', 'gov-ru', 'alias'],
        ['Baku', 'gov-az', 'alias'],
        ['Kremlin', 'gov-ru', 'alias'],
      ],
    ],
    [
      'a list shares the role of its first member',
      'He urged Moscow, Washington and Paris to act.',
      [
        ['Moscow', 'gov-ru', 'alias'],
        ['Washington', 'gov-us', 'alias'],
        ['Paris', 'gov-fr', 'alias'],
      ],
    ],
    [
      'a capital as a place stays a place',
      'The delegation flew to Moscow from Yerevan.',
      [
        ['Moscow', 'moscow', 'exact'],
        ['Yerevan', 'yerevan', 'exact'],
      ],
    ],
    [
      'misspellings',
      'Later Pashityan wrote and Pescov answered; Mnatsakanian agreed.',
      [
        ['Pashityan', 'nikol-pashinyan', 'fuzzy'],
        ['Pescov', 'dmitry-peskov', 'fuzzy'],
        ['Mnatsakanian', 'zohrab-mnatsakanyan', 'fuzzy'],
      ],
    ],
    [
      'a first name spelled otherwise joins its surname',
      'Then Dmitriy Peskov spoke.',
      [['Dmitriy Peskov', 'dmitry-peskov', 'alias']],
    ],
    [
      'unknown names are kept as fallback',
      'The Prosecutor General of Azerbaijan said Kamran Aliyev visited Tartar.',
      [
        ['Prosecutor General', 'prosecutor-general', 'fallback'],
        ['Azerbaijan', 'azerbaijan', 'exact'],
        ['Kamran Aliyev', 'kamran-aliyev', 'fallback'],
        ['Tartar', 'tartar', 'exact'],
      ],
    ],
    [
      'the ministry refers back',
      'The Armenian Foreign Ministry issued a note, and later the ministry said more.',
      [
        ['Armenian Foreign Ministry', 'mfa-am', 'alias'],
        ['ministry', 'mfa-am', 'alias'],
      ],
    ],
  ])('%s', (_name, body, expected) => {
    expect(mentionsOf(body)).toEqual(expected);
  });

  it('does not drag ordinary capitalised words into names', () => {
    const found = mentionsOf('Putting Armenians first, Parliament debated Peace and Pensions on Sunday.');
    expect(found.filter(([, , match]) => match === 'fuzzy')).toEqual([]);
  });

  it('keeps misspellings unresolved when fuzzy matching is off', () => {
    expect(mentionsOf('Later Pescov answered.', { fuzzy: false })).toEqual([
      ['Pescov', 'pescov', 'fallback'],
    ]);
  });

  it('gives UTF-16 offsets into the raw text', () => {
    const text = 'Published 2020-10-12\nHeadline\n«Шуша» — 😀 Shusha.';
    const header = parseArticleHeader(text, splitLines(text));
    const analyzed = analyzeText(text, header.contentLines);
    const ms = findMentions({ text, articleId: 'a', ...analyzed }, indexReference(testReference));
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms.map((m) => m.id)).toEqual(['shusha', 'shusha']);
  });
});
