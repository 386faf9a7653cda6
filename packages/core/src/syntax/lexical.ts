// Lexing and the lexical diagnostics: characters the language does not use (RUB001), full-width
// punctuation read as ASCII (RUB003), unterminated strings (RUB004), stray `:` `;` (RUB005) and
// unterminated block comments (RUB006). The lexer itself never fails (tokens.ts).
import type { IToken, TokenType } from 'chevrotain';
import type { DiagnosticBag } from '../diagnostics.js';
import type { LineIndex, Range } from '../source.js';
import * as T from './tokens.js';

export interface Lexed {
  /** Tokens the parser reads, in source order. */
  tokens: IToken[];
  comments: IToken[];
}

export function lex(text: string, file: string, lines: LineIndex, bag: DiagnosticBag): Lexed {
  const lexed = T.RubricLexer.tokenize(text);
  const comments = (lexed.groups['comments'] ?? []) as IToken[];
  const stray = (lexed.groups['stray'] ?? []) as IToken[];
  const rangeOf = (t: IToken): Range => lines.range(t.startOffset, t.startOffset + t.image.length);

  for (const t of stray) {
    if (t.tokenType === T.StrayPunctuation) {
      bag.add('RUB005', file, rangeOf(t), { found: t.image }, {
        fix: { message: { id: 'fix.remove', args: { found: t.image } }, edits: [{ file, range: rangeOf(t), newText: '' }] },
      });
    } else {
      const ch = t.image;
      const shown = /[\x00-\x1f\x7f]/.test(ch) ? `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : ch;
      bag.add('RUB001', file, rangeOf(t), { char: shown });
    }
  }
  for (const c of comments) {
    if (c.tokenType === T.UnterminatedComment) bag.add('RUB006', file, lines.range(c.startOffset, c.startOffset + 2));
  }
  for (const t of lexed.tokens) {
    const ascii = T.FULL_WIDTH[t.image];
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
