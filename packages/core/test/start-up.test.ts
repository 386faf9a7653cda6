// What start-up and the lexer skip, checked here instead. The lexer (scan.ts) is our own loop over the
// tokens of tokens.ts, trying at each character only the tokens declared to start with it; the parser
// skips Chevrotain's grammar validations (parser.ts). Here: Chevrotain's own Lexer, built from the same
// tokens without those declarations (its own analysis, and no first-character shortcut at all), gives
// the very same tokens as scan.ts on every seed, every fixture, every character and random mixtures of
// the language's pieces; and the grammar passes the validations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/syntax/scan.js';
import { allTokens } from '../src/syntax/tokens.js';
import { validateGrammar } from '../src/syntax/parser.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : f.endsWith('.rubric') ? [p] : [];
  });
}

/** The lexer as Chevrotain builds it when nothing is declared: every declared first character and
 * line-break flag is removed for the time of the build. Custom matchers keep their flag (Chevrotain
 * cannot analyse a function), and without first characters it tries every token at every offset. */
function referenceLexer(): Lexer {
  type Declared = { START_CHARS_HINT?: unknown; LINE_BREAKS?: unknown; PATTERN?: unknown };
  const saved = allTokens.map((t) => {
    const d = t as TokenType & Declared;
    const s = { hint: d.START_CHARS_HINT, lines: d.LINE_BREAKS };
    delete d.START_CHARS_HINT;
    if (d.PATTERN instanceof RegExp) delete d.LINE_BREAKS;
    return s;
  });
  try {
    return new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: false });
  } finally {
    allTokens.forEach((t, i) => {
      const d = t as TokenType & Declared;
      if (saved[i]!.hint !== undefined) d.START_CHARS_HINT = saved[i]!.hint;
      if (saved[i]!.lines !== undefined) d.LINE_BREAKS = saved[i]!.lines;
    });
  }
}

const shape = (ts: IToken[]) => ts.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn]);

describe('the lexer (scan.ts)', () => {
  const reference = referenceLexer();
  const same = (text: string) => {
    const a = scan(text);
    const b = reference.tokenize(text);
    expect(b.errors).toEqual([]);
    expect(shape(a.tokens)).toEqual(shape(b.tokens));
    expect(shape(a.comments)).toEqual(shape((b.groups['comments'] ?? []) as IToken[]));
    expect(shape(a.stray)).toEqual(shape((b.groups['stray'] ?? []) as IToken[]));
  };
  const texts = [...files(join(ROOT, 'rubrics')), ...files(join(ROOT, 'test/fixtures'))];

  it('reads every seed and fixture as Chevrotain’s own analysis does', () => {
    expect(texts.length).toBeGreaterThan(20);
    for (const f of texts) same(readFileSync(f, 'utf8'));
  });
  it('reads every code unit, alone and between letters, as Chevrotain’s own analysis does', () => {
    const all: string[] = [];
    for (let c = 0; c <= 0xffff; c++) all.push(String.fromCharCode(c));
    same(all.join(' '));
    same(all.map((c) => `甲${c}1`).join('\n'));
    same('名𠮷字 \u2028 "a\\"b" “c” 「d」 『e』 1.2.3 ５０％ A1.2 //x\n/* y\n */ /* open');
  });
  it('reads random mixtures of keywords, names, numbers, enumerators and punctuation as Chevrotain does', () => {
    const pieces = [
      ...['指标', '评价标准', '标准', '档', '扣分', '扣', '每', '最高', '分', '以上', '及以下', '一、', '（二）', '(3)', '①', '1．', '2、', 'A1', 'B.3', 'a1.2.3'],
      ...['rubric', 'indicator', 'band', 'xyz', '名', '𠮷', '\uD840', '\uDC00', '1', '０', '.', '．', '、', '%', '％', '"', '“', '”', '「', '」', '\\'],
      ...[' ', '\t', '\n', '\r', '\r\n', '\u3000', '/', '*', '{', '}', '(', '）', '[', '】', ',', '，', '>', '=', '＞＝', '﹤', '~', '—', '-', ':', '；', '@', '#'],
    ];
    let seed = 20261129;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % pieces.length;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const n = 1 + (i % 40);
      for (let k = 0; k < n; k++) text += pieces[next()];
      same(text);
    }
  });
});

describe('the grammar', () => {
  it('passes Chevrotain’s validations (skipped when the shared parser is built)', () => {
    expect(validateGrammar()).toEqual([]);
  });
});
