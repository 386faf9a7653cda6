// Syntax errors as data. The parser's error message provider (below) does not write English: it
// records, as JSON, the names of the token types that were expected. `reportSyntaxErrors` reads that
// record back and reports RUB002 with the expected tokens as message arguments (keywords, token kinds
// and punctuation), which are rendered late in the reader's language. No parser text is ever parsed.
import type { IParserErrorMessageProvider, IRecognitionException, TokenType } from 'chevrotain';
import type { ArgValue, DiagnosticBag } from '../diagnostics.js';
import type { LineIndex } from '../source.js';
import { keyword } from './keywords.js';
import { shortText } from './lexical.js';

interface Expected {
  expected: string[];
}

const record = (types: Iterable<TokenType>): string => JSON.stringify({ expected: [...new Set([...types].map((t) => t.name))] } satisfies Expected);

/** Keywords that begin a statement inside a block. */
const STATEMENT_KEYWORDS = new Set([
  'Total', 'Step', 'Measure', 'Indicator', 'Standard', 'Method', 'Note', 'Band', 'Per', 'Rate', 'Deduct',
  'Gate', 'Review', 'Uncapped', 'Veto', 'Bonus', 'Part', 'Grade', 'Use',
]);

/** What the grammar expected when it failed: token type names, as JSON in the exception's message. */
export const SYNTAX_MESSAGES: IParserErrorMessageProvider = {
  // A block that is not closed where a `}` is expected could also go on with a statement: say so.
  buildMismatchTokenMessage: ({ expected, ruleName }) =>
    ruleName === 'block' && expected.name === 'RBrace' ? JSON.stringify({ expected: [...STATEMENT_KEYWORDS, 'RBrace'] } satisfies Expected) : record([expected]),
  buildNotAllInputParsedMessage: () => JSON.stringify({ expected: ['Import', 'Section', 'Rubric'] } satisfies Expected),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) => record(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]).filter((t): t is TokenType => !!t))),
  buildEarlyExitMessage: ({ expectedIterationPaths }) => record(expectedIterationPaths.map((path) => path[0]).filter((t): t is TokenType => !!t)),
};

const PUNCTUATION: Record<string, string> = {
  LBrace: '{', RBrace: '}', LParen: '(', RParen: ')', LBracket: '[', RBracket: ']', Comma: ',', Percent: '%',
  RangeSep: '~', Minus: '-', Ge: '>=', Le: '<=', Gt: '>', Lt: '<', Eq: '=',
};

const KINDS: Record<string, string> = {
  Identifier: '@token.name',
  RefToken: '@token.reference',
  TitleToken: '@token.title',
  TextToken: '@token.text',
  StringLiteral: '@token.text',
  UnterminatedString: '@token.text',
  NumberLiteral: '@token.number',
  CmpToken: '@token.comparison',
  Fen: '@token.fen',
};

/** The expected token types as message arguments: a statement, a keyword, a kind, punctuation. */
export function expectedArgs(names: readonly string[]): ArgValue[] {
  const statements = names.filter((n) => STATEMENT_KEYWORDS.has(n));
  const out: string[] = [];
  // Many statement keywords at once mean "a statement": say that instead of listing them all.
  if (statements.length >= 4) out.push('@word.statement');
  for (const n of names) {
    if (statements.length >= 4 && STATEMENT_KEYWORDS.has(n)) continue;
    const shown = keyword(n) ? `@kw.${n}` : (KINDS[n] ?? PUNCTUATION[n]);
    if (shown !== undefined && !out.includes(shown)) out.push(shown);
  }
  // The closing brace reads best last ("a statement … or }").
  const close = out.indexOf('}');
  if (close >= 0 && close < out.length - 1) out.push(...out.splice(close, 1));
  return out.length > 8 ? [...out.slice(0, 8), '…'] : out;
}

/** The token type names a syntax error says were expected (recorded by SYNTAX_MESSAGES). */
export function expectedOf(e: IRecognitionException): string[] {
  try {
    const data = JSON.parse(e.message) as Partial<Expected>;
    return Array.isArray(data.expected) ? data.expected.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function reportSyntaxErrors(errors: readonly IRecognitionException[], text: string, file: string, lines: LineIndex, bag: DiagnosticBag): void {
  let lastOffset = -1;
  for (const e of errors) {
    const tok = e.token;
    const atEof = tok.tokenType?.name === 'EOF' || Number.isNaN(tok.startOffset);
    const start = atEof ? text.length : tok.startOffset;
    // One syntax error per place: recovery can report the same token several times.
    if (start === lastOffset) continue;
    lastOffset = start;
    const range = atEof ? lines.range(text.length, text.length) : lines.range(start, start + tok.image.length);
    const expected = expectedArgs(expectedOf(e));
    bag.add('RUB002', file, range, {
      expected: expected.length > 0 ? expected : ['@word.statement'],
      found: atEof ? '@word.eof' : shortText(tok.image),
    });
  }
}
