// Decoding file bytes to text. UTF-8 (with or without BOM) is the format; UTF-16 with a BOM is
// accepted; bytes that are not UTF-8 but are GB18030 (which includes GBK and GB2312, as saved by
// Windows in China) are decoded with a warning (RUB008). Only decodings that are certain are used:
// anything else is refused (RUB009) rather than turned into mojibake, and `rubric fmt` never rewrites
// a file it could not decode exactly. Pure: TextDecoder exists in Node and in browsers.
//
// What "certain" means:
// - UTF-8 and UTF-16 are decoded strictly (an invalid sequence or a lone surrogate is an error, never
//   U+FFFD), and UTF-16 must also read as text (see looksLikeText): random bytes after a UTF-16 mark
//   decode to a valid but meaningless string of ideographs and private-use characters.
// - Almost any byte string decodes as GB18030, Big5 included (into other characters). Text saved as
//   GBK/GB18030 by a Chinese Windows uses the GB2312 ideographs and punctuation; Big5 text read as
//   GB18030 falls for the most part into kana, Greek, Cyrillic, box drawing, private-use rows and the
//   GBK extension (about 80% of its characters in the nine seed rubrics encoded as Big5, 0.02% for
//   the same rubrics in GB18030). More than 10% of such characters (plus two, for a rare name in a
//   short file) is refused.

export interface Decoded {
  text: string;
  /** The encoding that was used, when it was not UTF-8. */
  encoding?: 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
  /** True when the bytes could not be decoded with certainty. */
  failed?: boolean;
}

const FAILED: Decoded = { text: '', failed: true };

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3)) ?? FAILED;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16('utf-16le', 'UTF-16LE', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', 'UTF-16BE', bytes.subarray(2));
  const utf8 = strict('utf-8', bytes);
  if (utf8) return utf8;
  const gb = strict('gb18030', bytes);
  if (gb && looksLikeText(gb.text, 0) && looksLikeGb(bytes)) return { text: gb.text, encoding: 'GB18030' };
  return FAILED;
}

function utf16(label: string, encoding: 'UTF-16LE' | 'UTF-16BE', bytes: Uint8Array): Decoded {
  const d = strict(label, bytes);
  return d && looksLikeText(d.text, 0.05) ? { text: d.text, encoding } : FAILED;
}

function strict(label: string, bytes: Uint8Array): Decoded | undefined {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return undefined;
  }
}

/**
 * True when a decoded text reads as text: no control character other than tab and line breaks, no
 * private-use character, no non-character, no replacement character, and at least `asciiShare` of
 * its characters ASCII (every rubric has spaces, line breaks, quotes, braces and digits).
 */
function looksLikeText(text: string, asciiShare: number): boolean {
  let ascii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) return false;
      ascii++;
    } else if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || c === 0xfffe || c === 0xffff) return false;
  }
  return ascii >= asciiShare * text.length;
}

/** True when the double-byte characters of valid GB18030 bytes are mostly GB2312 ideographs and punctuation. */
function looksLikeGb(bytes: Uint8Array): boolean {
  let total = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    total++;
    if (trail >= 0x30 && trail <= 0x39) {
      // A four-byte sequence: a character outside GBK, written as GB18030 requires.
      i += 4;
      continue;
    }
    const gb2312Row = trail >= 0xa1 && trail <= 0xfe && lead >= 0xa1 && lead <= 0xf7;
    // Rows A1–A3 are punctuation and full-width forms, B0–F7 the ideographs; A4–A9 are kana, Greek,
    // Cyrillic, pinyin and box drawing; everything else is the GBK extension or user-defined.
    if (!(gb2312Row && (lead <= 0xa3 || lead >= 0xb0))) odd++;
    i += 2;
  }
  return odd * 10 <= total + 20;
}
