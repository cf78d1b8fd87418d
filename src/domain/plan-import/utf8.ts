/**
 * UTF-8 and UTF-16 decoding by hand: the domain runs in the browser, the service worker and Node,
 * and TextDecoder is not in its lib. Strict, as the Unicode standard's table of well-formed byte
 * sequences: overlong forms, surrogates and code points above U+10FFFF are errors, never replaced.
 */
export type Decoded = { ok: true; text: string } | { ok: false; at: number };

export function decodeUtf8(bytes: Uint8Array, start = 0): Decoded {
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[n++] = b;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) return { ok: false, at: i };
    let cp = b & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
    for (let k = 1; k < length; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
    if (cp >= 0x10000) {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else units[n++] = cp;
    i += length;
  }
  return { ok: true, text: unitsToString(units, n) };
}

/**
 * Length of the well-formed multi-byte sequence starting at i, or 0 if there is none
 * (Unicode 15, table 3-7: the second byte's range depends on the first).
 */
export function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0; // no overlongs
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0; // no surrogates
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0; // nothing above U+10FFFF
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** UTF-16 after its byte order mark; a lone surrogate or an odd last byte is an error. */
export function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): Decoded {
  const units = new Uint16Array(Math.floor((bytes.length - start) / 2));
  for (let k = 0; k < units.length; k++) {
    const lo = bytes[start + 2 * k + (littleEndian ? 0 : 1)]!;
    const hi = bytes[start + 2 * k + (littleEndian ? 1 : 0)]!;
    units[k] = (hi << 8) | lo;
  }
  if ((bytes.length - start) % 2 !== 0) return { ok: false, at: bytes.length - 1 };
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[k + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) return { ok: false, at: start + 2 * k };
      k++;
    } else if (u >= 0xdc00 && u <= 0xdfff) return { ok: false, at: start + 2 * k };
  }
  return { ok: true, text: unitsToString(units, units.length) };
}

function unitsToString(units: Uint16Array, length: number): string {
  const chunks: string[] = [];
  // In slices: spreading a megabyte into one call would overflow the argument stack.
  for (let k = 0; k < length; k += 8192) chunks.push(String.fromCharCode(...units.subarray(k, Math.min(k + 8192, length))));
  return chunks.join('');
}
