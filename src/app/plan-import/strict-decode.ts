/**
 * UTF-8 and UTF-16 with the platform's decoders, strictly (`fatal`): overlong forms, surrogates,
 * code points above U+10FFFF and odd bytes are errors, never replaced, so a wrongly saved file is
 * refused rather than imported with "�" in it. A byte order mark is dropped.
 *
 * A strict decoder says only that the bytes are wrong, not where; a coordinator is told the line.
 * A lenient decoder puts U+FFFD where each ill-formed sequence starts and decodes everything
 * before the first one exactly, so that text (re-encoded, for UTF-8) gives the error's position.
 */
/** When refused: at, the byte where the first ill-formed sequence starts; before, the text up to it. */
export type Decoded = { ok: true; text: string } | { ok: false; at: number; before: string };

const REPLACEMENT = '\uFFFD';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const encoder = new TextEncoder();
    let at = startsWithBom(bytes) ? 3 : 0;
    let from = 0;
    for (let i = lenient.indexOf(REPLACEMENT); i !== -1; i = lenient.indexOf(REPLACEMENT, i + 1)) {
      at += encoder.encode(lenient.slice(from, i)).length;
      // A U+FFFD the file really holds is a well-formed sequence: passed over.
      if (bytes[at] !== 0xef || bytes[at + 1] !== 0xbf || bytes[at + 2] !== 0xbd) return { ok: false, at, before: lenient.slice(0, i) };
      at += 3;
      from = i + 1;
    }
    return { ok: false, at: bytes.length, before: lenient };
  }
}

/** UTF-16 that starts with its byte order mark; a lone surrogate or an odd last byte is an error. */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): Decoded {
  const encoding = littleEndian ? 'utf-16le' : 'utf-16be';
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder(encoding).decode(bytes);
    // Before the first error every UTF-16 code unit is one character of the text: two bytes each, after the mark's two.
    for (let i = lenient.indexOf(REPLACEMENT); i !== -1; i = lenient.indexOf(REPLACEMENT, i + 1)) {
      const at = 2 + 2 * i;
      const unit = littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
      if (at + 1 >= bytes.length || unit !== 0xfffd) return { ok: false, at, before: lenient.slice(0, i) };
    }
    return { ok: false, at: bytes.length, before: lenient };
  }
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
