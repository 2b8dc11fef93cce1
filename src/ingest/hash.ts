/**
 * FNV-1a, 64-bit, over the UTF-16 code units of a string. Pure TypeScript (no `crypto`, no BigInt on the
 * hot path) so that the same id comes out in Node, in the page and in a Web Worker.
 *
 * The 64-bit product is computed on four 16-bit limbs; only the low 64 bits are kept, as FNV requires.
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, as four 16-bit limbs, least significant first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Each code unit is fed as two bytes (low, high) so that every character counts.
    for (let k = 0; k < 2; k++) {
      h0 ^= k === 0 ? c & 0xff : c >>> 8;
      // Multiply by the FNV prime 0x100000001b3: h * 0x1b3 + (h << 40).
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3;
      const t2 = h2 * 0x1b3;
      const t3 = h3 * 0x1b3;
      // h << 40 moves limb 0 to bits 40..55 (limb 2, shifted by 8) and part of it into limb 3.
      const s2 = (h0 << 8) & 0xffff;
      const s3 = ((h0 >>> 8) & 0xff) | ((h1 << 8) & 0xff00);
      let carry = t0 >>> 16;
      h0 = t0 & 0xffff;
      let v = t1 + carry;
      carry = v >>> 16;
      h1 = v & 0xffff;
      v = t2 + s2 + carry;
      carry = v >>> 16;
      h2 = v & 0xffff;
      v = t3 + s3 + carry;
      h3 = v & 0xffff;
    }
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** A short stable id: `prefix` + the first `length` hex digits of FNV-1a 64 of `text`. @default length 16 */
export function stableId(prefix: string, text: string, length = 16): string {
  return prefix + fnv1a64(text).slice(0, length);
}
