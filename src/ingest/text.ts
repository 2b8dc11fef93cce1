/**
 * Tokens and sentences with UTF-16 offsets into the raw text, and the normalised keys names are compared by.
 */

/** A word of the text. */
export interface Token {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Lower case, diacritics removed, ё -> е, ə -> e, ı -> i. */
  norm: string;
  /** The comparison key: `norm`, reduced to its stem for Cyrillic words (see {@link ruStem}). */
  key: string;
  /**
   * Every key the word may be compared by: for Cyrillic, the word and each stem left by one case ending
   * ("карабаха" -> карабаха, карабах; "карабах" -> карабах, караб), so that two cases of a name share one.
   */
  keys: string[];
  /** First letter upper case. */
  cap: boolean;
  /** Two or more letters, all upper case ("OSCE", "МИД"). */
  upper: boolean;
  cyrillic: boolean;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

/** A sentence of the text. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Index of the first token and one past the last. */
  tokenStart: number;
  tokenEnd: number;
  /** 1-based line number. */
  line: number;
}

const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}+/gu;

/** Lower case without diacritics: the form names are compared in. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return (
    lower
      .replace(/ё/g, 'е')
      .replace(/ə/g, 'e')
      .replace(/ı/g, 'i')
      .normalize('NFD')
      // Й is a letter of its own in Russian, not И with a mark: recompose it before marks go.
      .replace(/и\u0306/g, '\u0439')
      .replace(MARKS, '')
  );
}

/**
 * Case endings of Russian nouns and adjectives, longest first. `ов`, `ев` and `ин` are left out: they end
 * surnames (Песков, Алиев, Путин), and stripping them would split "Песков" from "Пескова".
 */
const RU_ENDINGS = [
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ами',
  'ями',
  'ой',
  'ей',
  'ом',
  'ем',
  'ым',
  'им',
  'ая',
  'яя',
  'ую',
  'юю',
  'ые',
  'ие',
  'ых',
  'их',
  'ый',
  'ий',
  'ах',
  'ях',
  'ам',
  'ям',
  'а',
  'я',
  'у',
  'ю',
  'ы',
  'и',
  'е',
  'о',
  'ь',
  'й',
];

/**
 * A crude stem of a folded Russian word: its longest case ending removed, keeping at least three letters, so
 * that the cases of one name meet ("Москва", "Москвы", "Москве" -> "москв"; "Пашиняном" -> "пашинян").
 * Common nouns (`lowerCase`) also lose the genitive plural `ов`/`ев` ("миротворцев" -> "миротворц").
 */
export function ruStem(norm: string, lowerCase = false): string {
  if (norm.length <= 3) return norm;
  if (lowerCase && norm.length >= 7 && (norm.endsWith('ов') || norm.endsWith('ев'))) return norm.slice(0, -2);
  for (const e of RU_ENDINGS) {
    if (norm.endsWith(e) && norm.length - e.length >= 3) return norm.slice(0, -e.length);
  }
  return norm;
}

/** The word and its stems after each case ending it may have (see {@link Token.keys}). */
export function ruVariants(norm: string, lowerCase = false): string[] {
  const out = [norm];
  if (norm.length <= 3) return out;
  for (const e of RU_ENDINGS) {
    if (norm.endsWith(e) && norm.length - e.length >= 3) out.push(norm.slice(0, -e.length));
  }
  if (lowerCase && norm.length >= 7 && (norm.endsWith('ов') || norm.endsWith('ев')))
    out.push(norm.slice(0, -2));
  return [...new Set(out)];
}

/** The comparison key of a folded word. */
export function keyOf(norm: string, cap: boolean): string {
  return isCyrillic(norm) ? ruStem(norm, !cap) : norm;
}

export function isCyrillic(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 0x400 && c <= 0x4ff;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of `text[from, to)`. Hyphens and apostrophes separate words ("Nagorno-Karabakh" gives two,
 * "Russia's" gives "Russia" and "s"), so spelled variants with a space or a hyphen meet.
 */
export function tokenize(text: string, from = 0, to = text.length, sentence = 0): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice)) !== null) {
    const word = m[0];
    const norm = fold(word);
    // Case from character codes where the word is ASCII (most are); the Unicode way otherwise.
    const c0 = word.charCodeAt(0);
    const ascii = c0 < 128;
    const cap = ascii ? c0 >= 65 && c0 <= 90 : word[0] !== word[0].toLowerCase();
    let upper = false;
    if (cap && word.length >= 2) {
      const c1 = word.charCodeAt(1);
      const second = ascii && c1 < 128 ? c1 >= 65 && c1 <= 90 : word[1] !== word[1].toLowerCase();
      upper = second && word === word.toUpperCase();
    }
    const cyrillic = isCyrillic(norm);
    tokens.push({
      start: from + m.index,
      end: from + m.index + word.length,
      text: word,
      norm,
      key: cyrillic ? ruStem(norm, !cap) : norm,
      keys: cyrillic ? ruVariants(norm, !cap) : [norm],
      cap,
      upper,
      cyrillic,
      sentence,
    });
  }
  return tokens;
}

/** Abbreviations that end with a full stop without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'st',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.n',
  'u.k',
  'e.g',
  'i.e',
  'vs',
  'etc',
  'approx',
  'г',
  'гг',
  'т.е',
  'т.д',
  'ул',
  'им',
]);

/**
 * Splits the given lines into sentences: at `.`, `!`, `?` or `…` followed by space and a capital letter,
 * digit or opening quote, and always at a line end. Abbreviations ("Mr.", "U.S.", "Oct.") do not end one.
 */
export function splitSentences(
  text: string,
  lines: { start: number; end: number; number: number }[],
): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?…]+["'”’»)]*\s+(?=["'“‘«(]?[\p{Lu}\d])/gu;
  for (const line of lines) {
    const body = text.slice(line.start, line.end);
    let start = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body)) !== null) {
      if (m[0][0] === '.') {
        const before = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, m.index - 12), m.index));
        const word = before ? before[1].toLowerCase() : '';
        // "U.S." and single capitals ("J. Smith") are not sentence ends.
        if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
      }
      const endOfPunct = m.index + m[0].trimEnd().length;
      pushSentence(out, text, line.start + start, line.start + endOfPunct, line.number);
      start = m.index + m[0].length;
    }
    pushSentence(out, text, line.start + start, line.end, line.number);
  }
  return out;
}

function pushSentence(out: Sentence[], text: string, start: number, end: number, line: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ index: out.length, start, end, tokenStart: 0, tokenEnd: 0, line });
}

/** Lower-case ASCII slug: "Prosecutor General's Office" -> "prosecutor-general-s-office". */
export function slugify(text: string): string {
  const s = fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return transliterate(s) || 'unnamed';
}

const RU_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Cyrillic to Latin letters (for slugs only), other non-ASCII letters dropped. */
function transliterate(s: string): string {
  let out = '';
  for (const ch of s) out += RU_LATIN[ch] ?? (ch < '\u0080' ? ch : '');
  return out.replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
}
