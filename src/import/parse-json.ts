/** JSON with a message that names the line and column of a syntax error, for the user to find it. */

const EXPECTED = 'expected a GeoJSON FeatureCollection or an atlas document';

/** Parses JSON text; a syntax error becomes a message naming the file, line and column. */
export function parseJsonText(text: string, file: string): { value: unknown } | { message: string } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { value: JSON.parse(body) };
  } catch {
    // Engines word (and place) their errors differently; the scanner below finds the spot the same way everywhere.
    const { offset, expected } = findJsonError(body);
    const { line, column } = lineColumnAt(body, offset);
    const found = offset >= body.length ? 'the end of the file' : JSON.stringify(body[offset]);
    return {
      message: `${file}, line ${line}, column ${column}: not valid JSON (expected ${expected}, found ${found}); ${EXPECTED}`,
    };
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

/**
 * The offset of the first syntax error in `text` and what was expected there: a small recursive-descent
 * scanner of RFC 8259, run only after `JSON.parse` has failed.
 */
export function findJsonError(text: string): { offset: number; expected: string } {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (expected: string): never => {
    throw new JsonSyntax(i, expected);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail('four hex digits after \\u');
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else {
          i++;
          fail('an escape such as \\n or \\"');
        }
      } else if (c.charCodeAt(0) < 0x20) fail('a closing quote before the line break');
      else i++;
    }
    fail('a closing quote');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail('a value');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail('a value');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file');
    return { offset: text.length, expected: 'valid JSON' };
  } catch (error) {
    if (error instanceof JsonSyntax) return { offset: error.offset, expected: error.expected };
    throw error;
  }
}
