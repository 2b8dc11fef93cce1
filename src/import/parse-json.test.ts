import { describe, expect, it } from 'vitest';
import { findJsonError, lineColumnAt, parseJsonText } from './parse-json';

describe('parseJsonText', () => {
  it('parses JSON, with or without a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a":[1,2]}', 'x.json')).toEqual({ value: { a: [1, 2] } });
  });

  it.each([
    ['{\n  "a": [,]\n}', 'line 2, column 9: not valid JSON (expected a value, found ",")'],
    ['{"a": 1,}', 'line 1, column 9: not valid JSON (expected a property name in double quotes, found "}")'],
    ["{'a': 1}", 'line 1, column 2: not valid JSON (expected a property name in double quotes'],
    ['[1, 2', 'line 1, column 6: not valid JSON (expected "," or "]", found the end of the file)'],
    ['{"a": "x\ny"}', 'line 1, column 9: not valid JSON (expected a closing quote before the line break'],
    ['{"a": tru}', 'line 1, column 7: not valid JSON (expected a value'],
    ['{} {}', 'line 1, column 4: not valid JSON (expected the end of the file'],
  ])('names the line and column of the error in %j', (text, message) => {
    const r = parseJsonText(text, 'bad.json');
    expect('message' in r && r.message).toContain(`bad.json, ${message}`);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonError('{"a": [1, -2.5e3, "\\u00e9", true, null]}')).toEqual({
      offset: 40,
      expected: 'valid JSON',
    });
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
