// The documented limits of the toolchain (docs/language.md, “Limits”; ARCHITECTURE.md). Each one
// keeps the time and memory of a check proportional to its input whatever a file holds, and each
// one that a file can exceed is reported as a located, coded diagnostic: nothing is cut silently.
import type { Diagnostic } from './diagnostics.js';
import { CATALOG } from './messages/catalog.js';

export const LIMITS = {
  /** Largest file that is read and checked, in bytes (for text from an editor: its UTF-8 size). RUB010, RUB118. */
  fileBytes: 2 * 1024 * 1024,
  /** Longest text, name or number, in characters (UTF-16 code units). RUB016. */
  tokenLength: 10_000,
  /** Deepest nesting of blocks `{ … }`, the rubric's own block included. RUB017. */
  depth: 32,
  /** Diagnostics shown per file; the rest are summed up in one RUB015. */
  diagnosticsPerFile: 500,
  /** Most indicators (parts, bonuses and penalties included) of one rubric once its sections are spliced in. RUB114. */
  indicators: 200_000,
  /** Most statements of one rubric once its sections are spliced in. RUB114. */
  statements: 2_000_000,
} as const;

/** The UTF-8 size of a text, computed only as far as needed to compare it with `limit`. */
export function utf8SizeExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8Size(text, 0, text.length, limit) > limit;
}

/** The UTF-8 size of `text[from, to)` (a surrogate pair counts once, when both halves are inside), or a size over `limit` once it passes it. */
export function utf8Size(text: string, from: number, to: number, limit = Infinity): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

/**
 * At most `perFile` diagnostics of each file, in the order given (callers sort first); when some are
 * left out, one RUB015 placed at the first of them says how many, and how many of those are errors.
 * The list is walked once; the order of files is kept.
 */
export function limitDiagnostics(ds: readonly Diagnostic[], perFile: number = LIMITS.diagnosticsPerFile): Diagnostic[] {
  const shown = new Map<string, number>();
  const hidden = new Map<string, { first: Diagnostic; count: number; errors: number; after: number }>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const n = shown.get(d.file) ?? 0;
    if (n < perFile) {
      shown.set(d.file, n + 1);
      out.push(d);
      continue;
    }
    const h = hidden.get(d.file);
    if (h) {
      h.count++;
      if (d.severity === 'error') h.errors++;
    } else hidden.set(d.file, { first: d, count: 1, errors: d.severity === 'error' ? 1 : 0, after: out.length });
  }
  if (hidden.size === 0) return out;
  // Each summary goes right after the last shown diagnostic of its file.
  const extra = [...hidden.values()].sort((a, b) => b.after - a.after);
  for (const h of extra) {
    const at = { start: h.first.range.start, end: h.first.range.start };
    out.splice(h.after, 0, { code: 'RUB015', severity: CATALOG.RUB015.severity, file: h.first.file, range: at, args: { count: h.count, errors: h.errors } });
  }
  return out;
}
