// Decoding file bytes to text. UTF-8 (with or without BOM) is the format; UTF-16 with a BOM is
// accepted; bytes that are not UTF-8 but are valid GB18030 (which includes GBK and GB2312, as saved
// by Windows in China) are decoded with a warning (RUB008). Anything else is refused (RUB009) rather
// than turned into mojibake. Pure: TextDecoder exists in Node and in browsers.

export interface Decoded {
  text: string;
  /** The encoding that was used, when it was not UTF-8. */
  encoding?: 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
  /** True when the bytes could not be decoded at all. */
  failed?: boolean;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3)) ?? { text: '', failed: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const utf8 = decodeWith('utf-8', bytes);
  if (utf8) return utf8;
  const gb = decodeWith('gb18030', bytes);
  if (gb && !gb.text.includes('\u0000')) return { text: gb.text, encoding: 'GB18030' };
  return { text: '', failed: true };
}

function decodeWith(label: string, bytes: Uint8Array): Decoded | undefined {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes) };
  } catch {
    return undefined;
  }
}
