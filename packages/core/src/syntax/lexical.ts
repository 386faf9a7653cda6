// Lexical diagnostics that look at more than one token: a run of characters the language does not
// use is one diagnostic over its whole extent (RUB001 for a single character, RUB014 for a run,
// RUB005 for stray punctuation), and a text, name or number longer than the limit is reported
// (RUB016). A file of a hundred thousand stray bytes therefore gives one diagnostic, not a hundred
// thousand.
import type { IToken } from 'chevrotain';
import type { DiagnosticBag } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import type { LineIndex } from '../source.js';
import * as T from './tokens.js';

/** Characters shown in a message for a run or a long text: at most this many, then `…`. */
const SHOWN = 20;

/** A short form of `s` for a message, never cutting a surrogate pair in half. */
export function shortText(s: string): string {
  if (s.length <= SHOWN) return s;
  const cut = (s.charCodeAt(SHOWN - 1) & 0xfc00) === 0xd800 ? SHOWN - 1 : SHOWN;
  return `${s.slice(0, cut)}…`;
}

/** A character as shown in a message: control characters by their code point. */
function shownChar(ch: string): string {
  return /^[\x00-\x1f\x7f]$/.test(ch) ? `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : ch;
}

/** Stray tokens (in source order) grouped into runs of adjacent tokens of the same kind. */
function runs(stray: IToken[]): IToken[][] {
  const out: IToken[][] = [];
  let cur: IToken[] = [];
  for (const t of stray) {
    const last = cur[cur.length - 1];
    if (last && last.tokenType === t.tokenType && last.startOffset + last.image.length === t.startOffset) cur.push(t);
    else {
      if (cur.length > 0) out.push(cur);
      cur = [t];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Reports the skipped characters: unknown ones (RUB001/RUB014) and stray `:` `;` (RUB005), once per run. */
export function reportStray(stray: IToken[], text: string, file: string, lines: LineIndex, bag: DiagnosticBag): void {
  for (const run of runs(stray)) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const start = first.startOffset;
    const end = last.startOffset + last.image.length;
    const range = lines.range(start, end);
    if (first.tokenType === T.StrayPunctuation) {
      const found = shortText(text.slice(start, end));
      bag.add('RUB005', file, range, { found }, {
        fix: { message: { id: 'fix.remove', args: { found } }, edits: [{ file, range, newText: '' }] },
      });
    } else if (run.length === 1) bag.add('RUB001', file, range, { char: shownChar(first.image) });
    else bag.add('RUB014', file, range, { char: shownChar(first.image), count: run.length });
  }
}

const LIMITED = new Set<string>(['StringLiteral', 'UnterminatedString', 'Identifier', 'NumberLiteral']);

/** Reports texts, names and numbers longer than LIMITS.tokenLength (RUB016). */
export function reportLongTokens(tokens: IToken[], file: string, lines: LineIndex, bag: DiagnosticBag): void {
  for (const t of tokens) {
    if (t.image.length > LIMITS.tokenLength && LIMITED.has(t.tokenType.name)) {
      bag.add('RUB016', file, lines.range(t.startOffset, t.startOffset + t.image.length), { length: t.image.length, limit: LIMITS.tokenLength });
    }
  }
}
