// Lexing and the lexical diagnostics: characters the language does not use (RUB001, or RUB014 for a
// run of them: a file of a hundred thousand stray bytes gives one diagnostic), full-width punctuation
// read as ASCII (RUB003), unterminated strings (RUB004), stray `:` `;` (RUB005), unterminated block
// comments (RUB006), and texts, names or numbers longer than the limit (RUB016). The lexer itself
// never fails (tokens.ts).
import type { IToken, TokenType } from 'chevrotain';
import type { DiagnosticBag } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import type { LineIndex, Range } from '../source.js';
import { scan } from './scan.js';
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

export interface Lexed {
  /** Tokens the parser reads, in source order. */
  tokens: IToken[];
  comments: IToken[];
}

/** The first characters of the full-width forms: most tokens need no look-up by their text. */
const FULL_WIDTH_STARTS = new Set(Object.keys(T.FULL_WIDTH).map((k) => k.charCodeAt(0)));

export function lex(text: string, file: string, lines: LineIndex, bag: DiagnosticBag): Lexed {
  const lexed = scan(text);
  const { comments, stray } = lexed;
  const rangeOf = (t: IToken): Range => lines.range(t.startOffset, t.startOffset + t.image.length);

  reportStray(stray, text, file, lines, bag);
  reportLongTokens(lexed.tokens, file, lines, bag);
  for (const c of comments) {
    if (c.tokenType === T.UnterminatedComment) bag.add('RUB006', file, lines.range(c.startOffset, c.startOffset + 2));
  }
  for (const t of lexed.tokens) {
    const ascii = FULL_WIDTH_STARTS.has(t.image.charCodeAt(0)) ? T.FULL_WIDTH[t.image] : undefined;
    if (ascii !== undefined) {
      bag.add('RUB003', file, rangeOf(t), { found: t.image, ascii }, {
        fix: { message: { id: 'fix.replace', args: { found: t.image, ascii } }, edits: [{ file, range: rangeOf(t), newText: ascii }] },
      });
    } else if (t.tokenType === T.UnterminatedString) {
      const quote = t.image.startsWith('“') ? '”' : t.image.startsWith('「') ? '」' : t.image.startsWith('『') ? '』' : '"';
      const end = lines.position(t.startOffset + t.image.length);
      bag.add('RUB004', file, rangeOf(t), { quote }, {
        fix: { message: { id: 'fix.closeQuote', args: {} }, edits: [{ file, range: { start: end, end }, newText: quote }] },
      });
    }
  }
  return { tokens: splitUnits(lexed.tokens), comments };
}

const SUFFIXES: [string, TokenType][] = [
  ['及以上', T.AtLeastWord],
  ['及以下', T.AtMostWord],
  ['以上', T.AtLeastWord],
  ['以下', T.AtMostWord],
];
const NUMERIC = new Set(['NumberLiteral', 'Percent', 'Fen']);

/**
 * A unit printed right after a number runs into the comparison word: `6篇及以上`, `15平方米以上` lex as
 * a number and one name. Split such a name into the unit and the comparison keyword.
 */
function splitUnits(tokens: IToken[]): IToken[] {
  let out: IToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.tokenType !== T.Identifier || !prev || !NUMERIC.has(prev.tokenType.name) || prev.startOffset + prev.image.length !== t.startOffset) {
      out?.push(t);
      continue;
    }
    const hit = SUFFIXES.find(([s]) => t.image.length > s.length && t.image.endsWith(s));
    if (!hit) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    const cut = t.image.length - hit[0].length;
    out.push(part(t, 0, cut, T.Identifier), part(t, cut, t.image.length, hit[1]));
  }
  return out ?? tokens;
}

/** The characters [from, to) of a one-line token, as a token of `type`. */
function part(t: IToken, from: number, to: number, type: TokenType): IToken {
  return {
    ...t,
    image: t.image.slice(from, to),
    startOffset: t.startOffset + from,
    endOffset: t.startOffset + to - 1,
    startColumn: (t.startColumn ?? 0) + from,
    endColumn: (t.startColumn ?? 0) + to - 1,
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
  };
}
