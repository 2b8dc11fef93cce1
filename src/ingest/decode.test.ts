import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, isDecodeError, MAX_ARTICLE_BYTES } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = le ? 0xff : 0xfe;
    out[o++] = le ? 0xfe : 0xff;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[o++] = le ? c & 0xff : c >>> 8;
    out[o++] = le ? c >>> 8 : c & 0xff;
  }
  return out;
}

/** Windows-1251 bytes of a string made of ASCII and basic Cyrillic letters. */
function cp1251(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    throw new Error(`not in the test table: ${ch}`);
  });
}

const RU = 'Опубликовано 12 октября 2020\nЕреван заявил о новых обстрелах\n';

describe('decodeArticleBytes', () => {
  it('reads UTF-8 and strips its byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Published 2020-10-22\nÉlysée')]);
    expect(decodeArticleBytes(bytes)).toEqual({
      text: 'Published 2020-10-22\nÉlysée',
      encoding: 'utf-8',
      bom: true,
    });
  });

  it.each([
    ['UTF-16LE with BOM', utf16(RU, true, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(RU, false, true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16('Published 2020-10-22\nBaku said', true, false), 'utf-16le'],
    ['Windows-1251', cp1251(RU), 'windows-1251'],
  ])('detects and decodes %s', (_name, bytes, encoding) => {
    const out = decodeArticleBytes(bytes);
    expect(isDecodeError(out)).toBe(false);
    if (!isDecodeError(out)) {
      expect(out.encoding).toBe(encoding);
      expect(out.text.startsWith('Опубликовано') || out.text.startsWith('Published')).toBe(true);
    }
  });

  it('gives back the exact Russian text of a Windows-1251 file', () => {
    const out = decodeArticleBytes(cp1251(RU));
    expect(out).toMatchObject({ text: RU, encoding: 'windows-1251' });
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['white space only', utf8('  \n\n\t '), 'empty'],
    [
      'a PNG header',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      'binary',
    ],
    [
      'Latin-1 accents that are not Cyrillic',
      new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait, na'), 0xef, ...utf8('ve')]),
      'encoding',
    ],
  ])('rejects %s', (_name, bytes, error) => {
    const out = decodeArticleBytes(bytes);
    expect(isDecodeError(out) && out.error).toBe(error);
  });

  it('rejects a file over the size limit without decoding it', () => {
    const out = decodeArticleBytes(new Uint8Array(MAX_ARTICLE_BYTES + 1));
    expect(out).toMatchObject({ error: 'too-large' });
    if (isDecodeError(out)) expect(out.message).toMatch(/5\.0 MiB limit/);
  });

  it('names the offset of the first byte that is not UTF-8', () => {
    const out = decodeArticleBytes(new Uint8Array([...utf8('abc'), 0xff, 0x41]));
    expect(isDecodeError(out) && out.message).toMatch(/offset 3/);
  });
});
