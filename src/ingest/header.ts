/**
 * The top of an article: the "Published" line (or a bare date line), the headline, the standfirst, an
 * optional "Updated" line, and the language.
 */
import { isDateLineProblem, parseDateLine, type ParsedDateLine } from './date-line';

/** One line of the raw text, with the UTF-16 offsets of its content (line break excluded). */
export interface TextLine {
  /** 1-based line number, as an editor shows it. */
  number: number;
  start: number;
  end: number;
  text: string;
}

/** What {@link parseArticleHeader} reads. */
export interface ArticleHeader {
  /** UTC instant `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` when only the day is given; null when none. */
  published: string | null;
  /** The calendar day of publication as written (the reference day for "yesterday", "on Sunday"). */
  publishedDay: string | null;
  updated: string | null;
  headline: string;
  /** Offsets of the headline line. */
  headlineStart: number;
  headlineEnd: number;
  standfirst: string | null;
  /** Lines that are not header metadata (headline, standfirst and body): where mentions and events are found. */
  contentLines: TextLine[];
  /** Offset of the first body line (after the standfirst). */
  bodyStart: number;
  lang: 'en' | 'ru' | 'hy' | 'und';
  /** Problems found, in words, naming the line. */
  warnings: string[];
}

/** How many non-empty lines from the top may hold the publication date. */
const HEADER_LINES = 6;

const PUBLISHED_RE =
  /^\s*(?:first\s+)?(?:published|posted|date|опубликовано|дата публикации|дата)(?!\p{L})\s*:?\s*(?:on(?!\p{L})\s*)?/iu;
const UPDATED_RE =
  /^\s*(?:last\s+)?(?:updated|modified|обновлено|изменено)(?!\p{L})\s*:?\s*(?:on(?!\p{L})\s*)?/iu;

/** Splits `text` into lines with their offsets (`\n`, `\r\n` and `\r` all end a line). */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let number = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lines.push({ number: number++, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ number, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Reads the header of an article; never throws, and says in `warnings` what it could not read. */
export function parseArticleHeader(text: string, lines: TextLine[] = splitLines(text)): ArticleHeader {
  const warnings: string[] = [];
  const nonEmpty = lines.filter((l) => l.text.trim() !== '');
  const meta = new Set<TextLine>();

  let published: ParsedDateLine | null = null;
  let publishedLine: TextLine | null = null;
  let triedPublished = false;

  // 1. An explicit "Published ..." line near the top.
  for (const line of nonEmpty.slice(0, HEADER_LINES)) {
    const m = PUBLISHED_RE.exec(line.text);
    if (!m) continue;
    const parsed = parseDateLine(line.text);
    if (parsed === null) continue;
    meta.add(line);
    triedPublished = true;
    if (isDateLineProblem(parsed)) {
      warnings.push(
        `line ${line.number} (${quote(line.text)}): ${parsed.problem}; the publication date is ignored`,
      );
    } else {
      published = parsed;
      publishedLine = line;
    }
    break;
  }

  // 2. A line that is only a date ("Saturday, 10 October 2020", "2020-10-22").
  if (!triedPublished) {
    for (const line of nonEmpty.slice(0, HEADER_LINES)) {
      if (UPDATED_RE.test(line.text)) continue;
      const parsed = parseDateLine(line.text);
      if (parsed === null || !isBareDateLine(line.text, parsed.start, parsed.end)) continue;
      meta.add(line);
      triedPublished = true;
      if (isDateLineProblem(parsed)) {
        warnings.push(
          `line ${line.number} (${quote(line.text)}): ${parsed.problem}; the publication date is ignored`,
        );
      } else {
        published = parsed;
        publishedLine = line;
      }
      break;
    }
  }

  // 3. A dated line near the top ("YEREVAN, 12 October 2020 - ..."): the first full date is the best guess.
  if (!triedPublished) {
    for (const line of nonEmpty.slice(0, HEADER_LINES)) {
      if (UPDATED_RE.test(line.text)) continue;
      const parsed = parseDateLine(line.text);
      if (parsed === null || isDateLineProblem(parsed)) continue;
      published = parsed;
      publishedLine = line;
      warnings.push(
        `no "Published" line: the publication date ${parsed.localDay} is taken from line ${line.number} (${quote(line.text)})`,
      );
      break;
    }
  }

  if (published) {
    for (const note of published.notes) warnings.push(`line ${publishedLine!.number}: ${note}`);
    if (published.zoneMissing) {
      warnings.push(`line ${publishedLine!.number}: the publication time has no time zone; read as UTC`);
    }
  } else if (!triedPublished) {
    warnings.push(
      `no publication date: no "Published" line and no date in the first ${HEADER_LINES} lines; relative dates are left unresolved`,
    );
  }

  // "Updated" lines may sit at the top or at the end.
  let updated: string | null = null;
  for (const line of lines) {
    if (line.text.length > 120 || !UPDATED_RE.test(line.text)) continue;
    const parsed = parseDateLine(line.text);
    if (parsed === null) continue;
    meta.add(line);
    if (isDateLineProblem(parsed)) {
      warnings.push(
        `line ${line.number} (${quote(line.text)}): ${parsed.problem}; the Updated value is ignored`,
      );
      continue;
    }
    if (published && parsed.value < published.value.slice(0, parsed.value.length)) {
      warnings.push(
        `line ${line.number}: updated ${parsed.value} is before published ${published.value}; ignored`,
      );
      continue;
    }
    updated ??= parsed.value;
  }

  const content = lines.filter((l) => !meta.has(l) && l.text.trim() !== '');
  const headlineLine = content[0];
  const standfirstLine = content.length >= 3 ? content[1] : undefined;
  const bodyLine = standfirstLine ? content[2] : content[1];
  if (!headlineLine) warnings.push('no headline: the file holds only header lines');

  return {
    published: published?.value ?? null,
    publishedDay: published?.localDay ?? null,
    updated,
    headline: headlineLine?.text.trim() ?? '',
    headlineStart: headlineLine?.start ?? 0,
    headlineEnd: headlineLine?.end ?? 0,
    standfirst: standfirstLine?.text.trim() ?? null,
    contentLines: content,
    bodyStart: bodyLine?.start ?? text.length,
    lang: detectLanguage(text),
    warnings,
  };
}

/**
 * The main script of the text: Cyrillic -> `ru`, Armenian -> `hy`, Latin -> `en` (the only Latin-script
 * language of the corpus). Counts letters of the first 20,000 characters.
 */
export function detectLanguage(text: string): 'en' | 'ru' | 'hy' | 'und' {
  let latin = 0;
  let cyrillic = 0;
  let armenian = 0;
  const n = Math.min(text.length, 20_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0x531 && c <= 0x58f) armenian++;
  }
  const max = Math.max(latin, cyrillic, armenian);
  if (max === 0) return 'und';
  return max === cyrillic ? 'ru' : max === armenian ? 'hy' : 'en';
}

/** A line that holds a date and little else: weekday names, "at", punctuation, a time and a zone. */
function isBareDateLine(line: string, start: number, end: number): boolean {
  const rest = (line.slice(0, start) + ' ' + line.slice(end))
    .replace(/\p{L}+day\b|воскресенье|понедельник|вторник|среда|четверг|пятница|суббота/giu, '')
    .replace(/(?<!\p{L})(at|on|в|года|г)(?!\p{L})/giu, '')
    .replace(/[\p{P}\s]/gu, '');
  return rest.length <= 4;
}

function quote(text: string): string {
  const t = text.trim();
  return `"${t.length > 80 ? t.slice(0, 77) + '...' : t}"`;
}
