// Digits as written: full-width digits (０-９) and the full-width point (．) read as ASCII.

const FULLWIDTH_DIGITS = /[\uFF10-\uFF19．]/g;
export function normalizeDigits(s: string): string {
  // Fast path: ASCII digits are by far the most common.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0xff0e) return s.replace(FULLWIDTH_DIGITS, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
  }
  return s;
}
