/**
 * Bytes -> text for article files. Uses only `TextDecoder`, so it runs unchanged in Node, in the page and in
 * a Web Worker.
 */

/** The encodings an article file can be read from. */
export type ArticleEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** A decoded file: the text (without byte-order mark) and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: ArticleEncoding;
  /** True when the file started with a byte-order mark. */
  bom: boolean;
}

/** Why a file could not be read as text. `message` names the problem in words for the user. */
export interface DecodeError {
  error: 'empty' | 'binary' | 'encoding' | 'too-large';
  message: string;
}

/** Largest article accepted, in bytes (5 MiB). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Options of {@link decodeArticleBytes}. */
export interface DecodeOptions {
  /** Largest accepted file, in bytes. @default MAX_ARTICLE_BYTES */
  maxBytes?: number;
}

/**
 * Decodes an article file. UTF-8 (with or without BOM) is read as is; UTF-16 is recognised by its BOM or,
 * without one, by the zero bytes of mostly-ASCII text; Windows-1251 is recognised when the bytes are not
 * UTF-8 and the high bytes form runs of Cyrillic letters. Empty, binary, over-large and other non-UTF-8
 * files give a {@link DecodeError}.
 */
export function decodeArticleBytes(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): DecodedText | DecodeError {
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  if (bytes.length > maxBytes) {
    return {
      error: 'too-large',
      message: `file is ${formatMiB(bytes.length)}, over the ${formatMiB(maxBytes)} limit for one article`,
    };
  }
  if (bytes.length === 0) return { error: 'empty', message: 'file is empty (0 bytes)' };

  const utf16 = detectUtf16(bytes);
  if (utf16) {
    const bom = hasUtf16Bom(bytes, utf16);
    if ((bytes.length - (bom ? 2 : 0)) % 2 !== 0) {
      return {
        error: 'encoding',
        message: `looks like ${utf16.toUpperCase()} but has an odd number of bytes`,
      };
    }
    const text = tryDecode(utf16, bytes);
    if (text === null) {
      return { error: 'encoding', message: `looks like ${utf16.toUpperCase()} but holds invalid code units` };
    }
    return finish(text, utf16, bom);
  }

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { error: 'binary', message: `binary data, not text (a NUL byte at offset ${nul})` };
  }
  const controls = countControlBytes(bytes);
  if (controls > Math.max(8, bytes.length * 0.01)) {
    return { error: 'binary', message: `binary data, not text (${controls} control bytes)` };
  }

  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8', bom);

  if (looksLikeCp1251(bytes)) {
    const text = tryDecode('windows-1251', bytes);
    if (text !== null) return finish(text, 'windows-1251', false);
  }
  return {
    error: 'encoding',
    message: `not valid UTF-8 (first bad byte at offset ${firstBadUtf8Byte(bytes)}), and not UTF-16 or Windows-1251 either`,
  };
}

/** True when `value` is a {@link DecodeError}. */
export function isDecodeError(value: DecodedText | DecodeError): value is DecodeError {
  return 'error' in value;
}

function finish(text: string, encoding: ArticleEncoding, bom: boolean): DecodedText | DecodeError {
  if (text.trim() === '') return { error: 'empty', message: 'file holds only white space' };
  return { text, encoding, bom };
}

function tryDecode(label: ArticleEncoding, bytes: Uint8Array): string | null {
  try {
    // `fatal` turns malformed input into an exception instead of U+FFFD; the BOM is stripped by default.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasUtf16Bom(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): boolean {
  if (bytes.length < 2) return false;
  return enc === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
}

/**
 * UTF-16 by BOM, or, without a BOM, by zero bytes: text in Latin or Cyrillic script stored as UTF-16 has a
 * zero (Latin) or 0x04 (Cyrillic) in every other byte, which UTF-8 text never has.
 */
function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  }
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 || bytes[i] === 0x04) evenHigh++;
    if (bytes[i + 1] === 0 || bytes[i + 1] === 0x04) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh > pairs * 0.6 && evenHigh < pairs * 0.1) return 'utf-16le';
  if (evenHigh > pairs * 0.6 && oddHigh < pairs * 0.1) return 'utf-16be';
  return null;
}

/** Control bytes other than tab, line feed, form feed, carriage return and escape. */
function countControlBytes(bytes: Uint8Array): number {
  let count = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) count++;
  }
  return count;
}

/**
 * Russian in Windows-1251 is words made entirely of high bytes (0xC0-0xFF are the Cyrillic letters), while
 * accented Latin in a Western code page puts single high bytes between ASCII letters. So: most high bytes
 * must be letters, and most of them must sit next to another high byte.
 */
function looksLikeCp1251(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  let paired = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc0 || b === 0xa8 || b === 0xb8) letters++;
    if ((i > 0 && bytes[i - 1] >= 0xc0) || (i + 1 < bytes.length && bytes[i + 1] >= 0xc0)) paired++;
  }
  return high > 0 && letters >= high * 0.8 && paired >= high * 0.7;
}

function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

function formatMiB(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
