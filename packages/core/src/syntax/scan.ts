// The lexer. It reads the tokens of tokens.ts exactly as Chevrotain's Lexer would (the first token, in
// the order of `allTokens`, whose pattern matches at the offset, unless its `longer_alt` matches a
// longer text), with the same token objects (offsets, lines and columns as Chevrotain's 'full'
// tracking). What differs is the cost: each token is matched by a small loop instead of a regular
// expression where the pattern is simple (names, keywords, white space, one-character punctuation),
// and only the tokens that can start with the character at hand are tried. A test compares it with
// Chevrotain's own lexer on every seed, every fixture and every code unit (test/start-up.test.ts).
// Like Chevrotain's with an `Unknown` token that takes any character, it never fails.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.js';

export interface Scanned {
  tokens: IToken[];
  comments: IToken[];
  stray: IToken[];
}

/** The length matched at `offset`, or -1. */
type Matcher = (text: string, offset: number) => number;

interface Config {
  type: TokenType;
  idx: number;
  match: Matcher;
  longer: Config | undefined;
  /** Where the token goes: the parser's tokens, a group, or nowhere (white space). */
  group: 'tokens' | 'comments' | 'stray' | 'skip';
  lineBreaks: boolean;
}

interface Declared {
  PATTERN?: unknown;
  GROUP?: unknown;
  LONGER_ALT?: TokenType | TokenType[];
  START_CHARS_HINT?: (string | number)[];
  LINE_BREAKS?: boolean;
}

// Character classes as a table of flags, one byte per code unit.
const NAME_START = 1;
const NAME_PART = 2;
const SPACE = 4;
let classes: Uint8Array | undefined;
function charClasses(): Uint8Array {
  if (classes) return classes;
  const c = new Uint8Array(0x10000);
  // NAME_START and NAME_LETTER of tokens.ts, as ranges: a name starts with a letter (or the high half
  // of a supplementary ideograph) and goes on with letters, digits and either half of a pair.
  for (const [a, z] of T.NAME_START_RANGES) c.fill(NAME_START | NAME_PART, a, z + 1);
  for (const [a, z] of [[0x30, 0x39], [0xdc00, 0xdfff]] as const) c.fill(NAME_PART, a, z + 1);
  for (const ch of ' \t\r\n\u3000\u00a0\ufeff') c[ch.charCodeAt(0)] = SPACE;
  return (classes = c);
}

function regexMatcher(re: RegExp): Matcher {
  const sticky = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
  return (text, offset) => {
    sticky.lastIndex = offset;
    return sticky.test(text) ? sticky.lastIndex - offset : -1;
  };
}

/** Matchers written as loops, for the tokens every file is made of. Each is exactly its token's
 * pattern (the comparison test holds them to it). */
function fastMatchers(): Map<TokenType, Matcher> {
  const cls = charClasses();
  const m = new Map<TokenType, Matcher>();
  m.set(T.WhiteSpace, (text, o) => {
    let i = o;
    while (i < text.length && (cls[text.charCodeAt(i)]! & SPACE) !== 0) i++;
    return i > o ? i - o : -1;
  });
  m.set(T.Identifier, (text, o) => {
    if (o >= text.length || (cls[text.charCodeAt(o)]! & NAME_START) === 0) return -1;
    let i = o + 1;
    while (i < text.length && (cls[text.charCodeAt(i)]! & NAME_PART) !== 0) i++;
    return i - o;
  });
  for (const [name, spellings] of T.KEYWORD_SPELLINGS) {
    const firsts = new Set(spellings.map((s) => s.charCodeAt(0)));
    m.set(T.tokenOf(name), (text, o) => {
      if (!firsts.has(text.charCodeAt(o))) return -1;
      for (const s of spellings) if (text.startsWith(s, o)) return s.length;
      return -1;
    });
  }
  // One character of a fixed set: the set is the token's declared first characters.
  for (const t of [T.Fen, T.Percent, T.LBrace, T.RBrace, T.LParen, T.RParen, T.LBracket, T.RBracket, T.Comma, T.Gt, T.Lt, T.RangeSep, T.Minus, T.StrayPunctuation]) {
    const set = new Set(((t as Declared).START_CHARS_HINT ?? []).map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    m.set(t, (text, o) => (set.has(text.charCodeAt(o)) ? 1 : -1));
  }
  m.set(T.Unknown, (text, o) => {
    if (o >= text.length) return -1;
    const c = text.charCodeAt(o);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(o + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return 2;
    }
    return 1;
  });
  // An enumerator that starts with a digit needs `．` or `、` after the digits: most digits start a
  // number or a code, and are turned away here without the regular expression.
  const enumerator = regexMatcher((T.Enumerator as Declared).PATTERN as RegExp);
  const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
  m.set(T.Enumerator, (text, o) => {
    if (isDigit(text.charCodeAt(o))) {
      let i = o + 1;
      while (isDigit(text.charCodeAt(i))) i++;
      const n = text.charCodeAt(i);
      if (n !== 0xff0e && n !== 0x3001) return -1;
    }
    return enumerator(text, o);
  });
  return m;
}

/** Chevrotain's grouping of code units for its first-character table: each one below 256 alone, the
 * rest in blocks of 255. Declared first characters above 255 stand for their block. */
const slot = (c: number): number => (c < 256 ? c : 255 + Math.floor(c / 255));

interface Tables {
  bySlot: Config[][];
}
let tables: Tables | undefined;

function build(): Tables {
  const fast = fastMatchers();
  const configs = new Map<TokenType, Config>();
  const used = T.allTokens.filter((t) => (t as Declared).PATTERN !== Lexer.NA);
  for (const t of used) {
    const d = t as Declared;
    const p = d.PATTERN;
    let match = fast.get(t);
    if (!match) {
      if (p instanceof RegExp) match = regexMatcher(p);
      else if (p && typeof (p as { exec?: unknown }).exec === 'function') {
        const exec = (p as { exec: (text: string, offset: number) => [string] | null }).exec;
        match = (text, o) => {
          const r = exec(text, o);
          return r === null ? -1 : r[0].length;
        };
      } else throw new Error(`token ${t.name} has a pattern the lexer cannot read`);
    }
    const g = d.GROUP;
    const group = g === undefined ? 'tokens' : g === 'comments' ? 'comments' : g === 'stray' ? 'stray' : 'skip';
    configs.set(t, { type: t, idx: t.tokenTypeIdx!, match, longer: undefined, group, lineBreaks: d.LINE_BREAKS === true });
  }
  for (const [t, c] of configs) {
    const alt = (t as Declared).LONGER_ALT;
    const one = Array.isArray(alt) ? alt[0] : alt;
    if (Array.isArray(alt) && alt.length > 1) throw new Error(`token ${t.name}: one longer alternative at most`);
    if (one) c.longer = configs.get(one);
  }
  const bySlot: Config[][] = [];
  for (const [t, c] of configs) {
    const slots = new Set(((t as Declared).START_CHARS_HINT ?? []).map((ch) => slot(typeof ch === 'number' ? ch : ch.charCodeAt(0))));
    for (const s of slots) (bySlot[s] ??= []).push(c);
  }
  return { bySlot };
}

/** Tokenizes `text`. Never fails: any character is at least an `Unknown` token. */
export function scan(text: string): Scanned {
  const { bySlot } = (tables ??= build());
  const tokens: IToken[] = [];
  const comments: IToken[] = [];
  const stray: IToken[] = [];
  const length = text.length;
  let offset = 0;
  let line = 1;
  let column = 1;
  while (offset < length) {
    const code = text.charCodeAt(offset);
    const candidates = bySlot[code < 256 ? code : 255 + Math.floor(code / 255)];
    let chosen: Config | undefined;
    let n = -1;
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        n = c.match(text, offset);
        if (n === -1) continue;
        chosen = c;
        const longer = c.longer;
        if (longer !== undefined) {
          const m = longer.match(text, offset);
          if (m > n) {
            n = m;
            chosen = longer;
          }
        }
        break;
      }
    }
    // Unreachable while `Unknown` takes every code unit; kept so that a change to tokens.ts cannot
    // make the lexer loop forever.
    if (chosen === undefined) throw new Error(`no token matches at offset ${offset}`);
    let token: IToken | undefined;
    if (chosen.group !== 'skip') {
      token = {
        image: text.substring(offset, offset + n),
        startOffset: offset,
        endOffset: offset + n - 1,
        startLine: line,
        endLine: line,
        startColumn: column,
        endColumn: column + n - 1,
        tokenTypeIdx: chosen.idx,
        tokenType: chosen.type,
      };
      if (chosen.group === 'tokens') tokens.push(token);
      else if (chosen.group === 'comments') comments.push(token);
      else stray.push(token);
    }
    if (chosen.lineBreaks) {
      // Line terminators as Chevrotain counts them: \n, \r\n or \r.
      let breaks = 0;
      let lastEnd = -1;
      for (let i = 0; i < n; i++) {
        const ch = text.charCodeAt(offset + i);
        if (ch === 10) {
          breaks++;
          lastEnd = i;
        } else if (ch === 13) {
          if (i + 1 < n && text.charCodeAt(offset + i + 1) === 10) i++;
          breaks++;
          lastEnd = i;
        }
      }
      if (breaks > 0) {
        line += breaks;
        column = n - lastEnd;
        if (token !== undefined) {
          const endsInBreak = lastEnd === n - 1;
          if (!(breaks === 1 && endsInBreak)) {
            token.endLine = line + (endsInBreak ? -1 : 0);
            token.endColumn = column - 1 + (endsInBreak ? 1 : 0);
          }
        }
      } else column += n;
    } else column += n;
    offset += n;
  }
  return { tokens, comments, stray };
}
