// Lexing and the lexical diagnostics: characters the language does not use (RUB001), full-width
// punctuation read as ASCII (RUB003), unterminated strings (RUB004), stray `:` `;` (RUB005) and
// unterminated block comments (RUB006). The lexer itself never fails (tokens.ts).
import type { IToken } from 'chevrotain';
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
  return { tokens: lexed.tokens, comments };
}
