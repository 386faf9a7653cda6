// Tokens of the rubric language. Every keyword is declared once in KEYWORDS with its English and
// Chinese spellings; the lexer, completion and the editor grammar are all derived from that table.
// Invariant: the lexer never fails. Characters it cannot use become `Unknown` tokens (reported as
// RUB001) and unterminated strings become `UnterminatedString` tokens (RUB004), so the parser always
// sees the rest of the file.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS } from './keywords.js';

export { KEYWORDS, type KeywordSpec } from './keywords.js';

/**
 * Letters of a name, as the contents of a regular-expression character class: Latin, CJK of the basic
 * plane, and the supplementary ideographs U+20000–U+323AF (CJK Extensions B–H, such as 𠮷, real in
 * names of people and places) through their UTF-16 surrogates: a name starts with a letter or a high
 * surrogate of those planes and goes on with letters, digits and surrogates. A class of code units
 * rather than an alternation keeps the pattern a simple loop, so a name of any length cannot overflow
 * the regular-expression engine; and since a high surrogate is always followed by its low half, a
 * name never ends inside a surrogate pair.
 */
const BASIC_LETTER = 'A-Za-z_\\u00C0-\\u024F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
export const NAME_START = `${BASIC_LETTER}\\uD840-\\uD888`;
/** NAME_START as code-unit ranges (the lexer's first-character table). */
export const NAME_START_RANGES: readonly [number, number][] = [
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0x5f, 0x5f],
  [0xc0, 0x24f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xd840, 0xd888],
];

/**
 * First characters for a token that starts with any code unit of the ranges (inclusive). Chevrotain
 * files code units below 256 one by one, and those above in blocks of 255 (its
 * `charCodeToOptimizedIndex`): one code unit of a block stands for the whole block, so above 255 one
 * in every 64 is enough, which keeps the lexer's start-up short (a list of every CJK character is tens
 * of thousands long). The start-up test checks every code unit against Chevrotain's own analysis.
 */
function codes(ranges: readonly [number, number][]): number[] {
  const out: number[] = [];
  for (const [a, z] of ranges) {
    for (let c = a; c <= z; c++) {
      if (c < 256 || c === a || c === z || c % 64 === 0) out.push(c);
      else c = Math.min(z, c - (c % 64) + 64) - 1;
    }
  }
  return out;
}
export const NAME_LETTER = `${NAME_START}\\uDC00-\\uDFFF`;
/** A whole name (an unquoted title, a measure, a section), as a regular-expression source. */
export const NAME_PATTERN = `[${NAME_START}][${NAME_LETTER}0-9]*`;

// Every token declares the characters it can start with (`start_chars_hint`) and whether it can hold a
// line break (`line_breaks`): Chevrotain would otherwise parse every regular expression to find out
// when the lexer is built, a large part of the start-up of `rubric`. A test compares this lexer with
// one built from Chevrotain's own analysis (packages/core/test/start-up.test.ts).

// Token categories let the grammar take "a title" or "a comparison" as one token instead of a
// sub-rule, which keeps the CST small (the parser's main cost on large files).
/** Any text: a string, or an unterminated one. */
export const TextToken = createToken({ name: 'TextToken', pattern: Lexer.NA });
/** A title: text or an unquoted name. */
export const TitleToken = createToken({ name: 'TitleToken', pattern: Lexer.NA });
/** A reference to an indicator or part: a name, a code or a title. */
export const RefToken = createToken({ name: 'RefToken', pattern: Lexer.NA });
/** A comparison operator, in symbols or in Chinese words. */
export const CmpToken = createToken({ name: 'CmpToken', pattern: Lexer.NA });

/** A document's own enumerator used as a code: `一、`, `（一）`, `(1)`, `1．`, and `1、` before a title
 * (so that `[5、9]` stays an interval with a pasted comma). */
export const Enumerator = createToken({
  name: 'Enumerator',
  pattern: /[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[（(][0-9\uFF10-\uFF19]+[）)]|[①-⑳⑴-⒇]|[0-9\uFF10-\uFF19]+．(?![0-9\uFF10-\uFF19])|[0-9\uFF10-\uFF19]+、(?=[ \t\u3000]*["“「『A-Za-z_\u3400-\u4DBF\u4E00-\u9FFF])/,
  start_chars_hint: [...'一二三四五六七八九十（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇'],
  line_breaks: false,
});

export const Identifier = createToken({
  name: 'Identifier',
  categories: [TitleToken, RefToken],
  pattern: new RegExp(NAME_PATTERN),
  start_chars_hint: codes(NAME_START_RANGES),
  line_breaks: false,
});

/** A letter code: `A1`, `E12`, `B.3`, `A1.2` (tried before names; a longer name wins). */
export const LetterCode = createToken({
  name: 'LetterCode',
  categories: [Identifier, TitleToken, RefToken],
  longer_alt: Identifier,
  pattern: /[A-Za-z]{1,3}\.?[0-9]+(?:\.[0-9]+)*/,
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'],
  line_breaks: false,
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const keywordTokens = new Map<string, TokenType>();
const keywordList: TokenType[] = [];
/** Each keyword's spellings, in the order its pattern tries them (scan.ts matches them without the
 * regular expression). */
export const KEYWORD_SPELLINGS = new Map<string, string[]>();
// Longer spellings must be tried first (扣分 before 扣, 评价标准 before 标准).
for (const k of KEYWORDS) {
  const spellings = [...k.en, ...k.zh].sort((a, b) => b.length - a.length);
  KEYWORD_SPELLINGS.set(k.name, spellings);
  const t = createToken({
    name: k.name,
    pattern: new RegExp(spellings.map(escapeRe).join('|')),
    longer_alt: Identifier,
    start_chars_hint: [...new Set(spellings.map((s) => s.charCodeAt(0)))],
    line_breaks: false,
    categories: k.name.endsWith('Word') && !k.name.startsWith('AtLeast') && !k.name.startsWith('AtMost') ? [CmpToken] : [],
  });
  keywordTokens.set(k.name, t);
  keywordList.push(t);
}
// Across keywords, a spelling that is a prefix of another keyword's spelling must come later.
keywordList.sort((a, b) => longestSpelling(b) - longestSpelling(a));
function longestSpelling(t: TokenType): number {
  const spec = KEYWORDS.find((k) => k.name === t.name)!;
  return Math.max(...[...spec.en, ...spec.zh].map((s) => s.length));
}

function kw(name: string): TokenType {
  return keywordTokens.get(name)!;
}
/** The token of a keyword, by its name in KEYWORDS. */
export const tokenOf = kw;

export const Rubric = kw('Rubric');
export const Total = kw('Total');
export const Step = kw('Step');
export const Measure = kw('Measure');
export const PercentKind = kw('PercentKind');
export const IntegerKind = kw('IntegerKind');
export const NumberKind = kw('NumberKind');
export const Indicator = kw('Indicator');
export const Standard = kw('Standard');
export const Method = kw('Method');
export const Note = kw('Note');
export const Band = kw('Band');
export const Per = kw('Per');
export const Max = kw('Max');
export const Uncapped = kw('Uncapped');
export const Rate = kw('Rate');
export const Deduct = kw('Deduct');
export const Floor = kw('Floor');
export const Gate = kw('Gate');
export const Review = kw('Review');
export const Veto = kw('Veto');
export const When = kw('When');
export const Bonus = kw('Bonus');
export const Penalty = kw('Penalty');
export const Base = kw('Base');
export const Incomplete = kw('Incomplete');
export const GradesWithBonus = kw('GradesWithBonus');
export const Or = kw('Or');
export const Part = kw('Part');
export const Weight = kw('Weight');
export const Grade = kw('Grade');
export const In = kw('In');
export const Import = kw('Import');
export const Section = kw('Section');
export const Use = kw('Use');
export const AtLeastWord = kw('AtLeastWord');
export const AtMostWord = kw('AtMostWord');
export const GeWord = kw('GeWord');
export const LeWord = kw('LeWord');
export const GtWord = kw('GtWord');
export const LtWord = kw('LtWord');
export const EqWord = kw('EqWord');

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: [...' \t\r\n\u3000\u00a0\ufeff'],
  line_breaks: true,
});
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments', start_chars_hint: ['/'], line_breaks: false });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', start_chars_hint: ['/'], line_breaks: true });
/** A block comment that never ends: reported, and it runs to the end of the file. */
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  group: 'comments',
  start_chars_hint: ['/'],
  line_breaks: true,
});

// Strings and numbers are matched by hand-written scanners rather than regular expressions: a
// repetition of alternatives makes V8's engine recurse once per character, which overflows its stack
// on a text of a few million characters. The scanners are single loops, linear in the token's length.
const QUOTES: Record<number, number> = { 0x22: 0x22, 0x201c: 0x201d, 0x300c: 0x300d, 0x300e: 0x300f };
const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/** `"…"` with backslash escapes, `“…”`, `「…」` or `『…』`, on one line. */
function matchString(text: string, offset: number): [string] | null {
  const open = text.charCodeAt(offset);
  const close = QUOTES[open];
  if (close === undefined) return null;
  const straight = open === 0x22;
  for (let i = offset + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === close) return [text.slice(offset, i + 1)];
    if (isLineBreak(c) || (!straight && c === open)) return null;
    if (straight && c === 0x5c) {
      // `\.` in a regular expression: any character but a line terminator.
      const n = text.charCodeAt(i + 1);
      if (Number.isNaN(n) || isLineBreak(n) || n === 0x2028 || n === 0x2029) return null;
      i++;
    }
  }
  return null;
}

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** Digits, then any number of `.digits` (the point may be full-width, `．`). */
function matchNumber(text: string, offset: number): [string] | null {
  let i = offset;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === offset) return null;
  while ((text.charCodeAt(i) === 46 || text.charCodeAt(i) === 0xff0e) && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  return [text.slice(offset, i)];
}

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: { exec: matchString },
  line_breaks: false,
  start_chars_hint: ['"', '“', '「', '『'],
  categories: [TextToken, TitleToken, RefToken],
});
/** A string without its closing quote: it ends at the end of its line. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /["“「『][^\r\n]*/,
  start_chars_hint: ['"', '“', '「', '『'],
  categories: [TextToken, TitleToken, RefToken],
  line_breaks: false,
});

/** Digits with any number of dots: a decimal (1.5) or a code (1.1.1). Full-width digits allowed. */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: { exec: matchNumber },
  line_breaks: false,
  start_chars_hint: [...'0123456789０１２３４５６７８９'],
  categories: [RefToken],
});
export const Fen = createToken({ name: 'Fen', pattern: /分/, longer_alt: Identifier, start_chars_hint: ['分'], line_breaks: false });
export const Percent = createToken({ name: 'Percent', pattern: /[%％﹪]/, start_chars_hint: [...'%％﹪'], line_breaks: false });
export const LBrace = createToken({ name: 'LBrace', pattern: /[{｛]/, start_chars_hint: [...'{｛'], line_breaks: false });
export const RBrace = createToken({ name: 'RBrace', pattern: /[}｝]/, start_chars_hint: [...'}｝'], line_breaks: false });
export const LParen = createToken({ name: 'LParen', pattern: /[(（﹙]/, start_chars_hint: [...'(（﹙'], line_breaks: false });
export const RParen = createToken({ name: 'RParen', pattern: /[)）﹚]/, start_chars_hint: [...')）﹚'], line_breaks: false });
export const LBracket = createToken({ name: 'LBracket', pattern: /[[［【]/, start_chars_hint: [...'[［【'], line_breaks: false });
export const RBracket = createToken({ name: 'RBracket', pattern: /[\]］】]/, start_chars_hint: [...']］】'], line_breaks: false });
export const Comma = createToken({ name: 'Comma', pattern: /[,，、]/, start_chars_hint: [...',，、'], line_breaks: false });
export const Ge = createToken({ name: 'Ge', pattern: />=|≥|＞＝|≧|﹥＝|﹥=/, categories: [CmpToken], start_chars_hint: [...'>≥＞≧﹥'], line_breaks: false });
export const Le = createToken({ name: 'Le', pattern: /<=|≤|＜＝|≦|﹤＝|﹤=/, categories: [CmpToken], start_chars_hint: [...'<≤＜≦﹤'], line_breaks: false });
export const Gt = createToken({ name: 'Gt', pattern: /[>＞﹥]/, categories: [CmpToken], start_chars_hint: [...'>＞﹥'], line_breaks: false });
export const Lt = createToken({ name: 'Lt', pattern: /[<＜﹤]/, categories: [CmpToken], start_chars_hint: [...'<＜﹤'], line_breaks: false });
export const Eq = createToken({ name: 'Eq', pattern: /==?|＝|﹦/, categories: [CmpToken], start_chars_hint: [...'=＝﹦'], line_breaks: false });
export const RangeSep = createToken({ name: 'RangeSep', pattern: /[~～—–〜∼]/, start_chars_hint: [...'~～—–〜∼'], line_breaks: false });
export const Minus = createToken({ name: 'Minus', pattern: /[-－−‐‑]/, start_chars_hint: [...'-－−‐‑'], line_breaks: false });
/** `:` and `;` (and their full-width forms) are not part of the language: reported and skipped. */
export const StrayPunctuation = createToken({ name: 'StrayPunctuation', pattern: /[:;：；]/, group: 'stray', start_chars_hint: [...':;：；'], line_breaks: false });
/** Anything else: reported (RUB001, or RUB014 for a run) and skipped. A surrogate pair is one
 * character, never two halves. Written with ranges rather than [\s\S]: Chevrotain's first-character
 * analysis drops characters such as `@` from [\s\S]. */
export const Unknown = createToken({ name: 'Unknown', pattern: /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\uffff]/, group: 'stray', start_chars_hint: codes([[0, 0xffff]]), line_breaks: true });

export const allTokens: TokenType[] = [
  TextToken,
  TitleToken,
  RefToken,
  CmpToken,
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringLiteral,
  UnterminatedString,
  Enumerator,
  NumberLiteral,
  ...keywordList,
  Fen,
  LetterCode,
  Identifier,
  Percent,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Ge,
  Le,
  Gt,
  Lt,
  Eq,
  RangeSep,
  Minus,
  StrayPunctuation,
  Unknown,
];

// The lexer that reads these tokens is scan.ts; Chevrotain's own Lexer is built only by the test that
// compares the two.

/** Full-width forms the lexer accepts as their ASCII equivalent, with a warning (RUB003). Curly quotes,
 * full-width digits, ％ and ～ are accepted silently: they are unambiguous and usual in Chinese text. */
export const FULL_WIDTH: Record<string, string> = {
  '｛': '{',
  '｝': '}',
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '，': ',',
  '＞＝': '>=',
  '＜＝': '<=',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '－': '-',
  '、': ',',
  '﹤': '<',
  '﹥': '>',
  '﹦': '=',
  '≦': '<=',
  '≧': '>=',
  '﹤＝': '<=',
  '﹥＝': '>=',
  '﹤=': '<=',
  '﹥=': '>=',
  '﹪': '%',
  '﹙': '(',
  '﹚': ')',
  '〜': '~',
  '∼': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
};
