// The two readings of a file (syntax/parser.ts): the grammar's actions building the AST directly
// (every file without syntax errors) and the CST with recovery, then build-ast.ts (every other
// file). On every file both accept, they must give the same AST, the same formatter marks and the
// same diagnostics; and the direct reading must refuse exactly the files in which the other finds a
// syntax error. Checked on every seed and fixture, on generated rubrics, on the texts of the language
// reference, and on thousands of fuzz inputs (token soup and mutated seeds, most of them broken).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../src/diagnostics.js';
import { compileText, loadSource } from '../src/program.js';
import { LineIndex } from '../src/source.js';
import { AstBuilder } from '../src/syntax/build-ast.js';
import { limitDepth } from '../src/syntax/depth.js';
import { lex } from '../src/syntax/lexical.js';
import { parseDirect, parseTokens } from '../src/syntax/parser.js';
// @ts-expect-error: a plain .mjs module without types
import { generateRubric } from '../../../test/bench/generate.mjs';
// @ts-expect-error: a plain .mjs module without types
import { inputs } from '../../../test/fuzz/inputs.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : f.endsWith(ext) ? [p] : [];
  });
}

const sortedMarks = (m: { bracketed: [number, number][]; rangeSeparators: number[]; units: number[] }) => ({
  bracketed: [...m.bracketed].sort((a, b) => a[0] - b[0]),
  rangeSeparators: [...m.rangeSeparators].sort((a, b) => a - b),
  units: [...m.units].sort((a, b) => a - b),
});
const sortedDiagnostics = (bag: DiagnosticBag) =>
  bag.items.map((d) => [d.code, d.range.start.offset, d.range.end.offset, JSON.stringify(d.args ?? {})].join(' ')).sort();

/** Both readings of `text`; whether the direct one accepted it. */
function compare(text: string): 'direct' | 'recovery' {
  const lines = new LineIndex(text);
  const tokens = limitDepth(lex(text, 'f.rubric', lines, new DiagnosticBag()).tokens, 'f.rubric', lines, new DiagnosticBag());
  const directBag = new DiagnosticBag();
  const direct = new AstBuilder('f.rubric', lines, directBag);
  const decls = parseDirect(tokens, direct);
  const { cst, errors } = parseTokens(tokens);
  expect(decls === undefined).toBe(errors.length > 0);
  if (!decls) return 'recovery';
  const cstBag = new DiagnosticBag();
  const viaCst = new AstBuilder('f.rubric', lines, cstBag);
  expect(decls).toEqual(viaCst.file(cst));
  expect(sortedMarks(direct.marks)).toEqual(sortedMarks(viaCst.marks));
  expect(sortedDiagnostics(directBag)).toEqual(sortedDiagnostics(cstBag));
  return 'direct';
}

describe('the direct reading and the reading with recovery', () => {
  it('agree on every seed and fixture', () => {
    const texts = [...files(join(ROOT, 'rubrics'), '.rubric'), ...files(join(ROOT, 'test/fixtures'), '.rubric')].map((f) => readFileSync(f, 'utf8'));
    expect(texts.length).toBeGreaterThan(20);
    const kinds = texts.map(compare);
    // The seeds are transcribed without syntax errors: all of them are read directly.
    expect(kinds.filter((k) => k === 'direct').length).toBeGreaterThanOrEqual(10);
  });

  it('agree on generated rubrics', () => {
    for (const n of [1, 10, 300]) expect(compare(generateRubric(n))).toBe('direct');
  });

  it('agree on every rubric example of the language reference', () => {
    const blocks = files(join(ROOT, 'docs'), '.md')
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!))
      .filter((b) => /评估表|章节|rubric /.test(b));
    expect(blocks.length).toBeGreaterThan(20);
    const kinds = blocks.map(compare);
    expect(kinds.filter((k) => k === 'direct').length).toBeGreaterThan(20);
  });

  it('agree on 3,000 fuzz inputs, and refuse exactly those with syntax errors', () => {
    const texts = inputs('core', 11, 0, 3000) as unknown[];
    let direct = 0;
    for (const t of texts) if (typeof t === 'string' && compare(t) === 'direct') direct++;
    // Some of the inputs are valid (mutations that keep a seed whole), most are not.
    expect(direct).toBeGreaterThan(0);
  });
});

describe('the token list of a compiled file', () => {
  it('is made again when read, equal to the one a parse keeps, comments the same objects', () => {
    const shape = (ts: { tokenType: { name: string }; image: string; startOffset: number; endOffset?: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number }[]) =>
      ts.map((t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn]);
    const seeds = files(join(ROOT, 'rubrics'), '.rubric');
    // The seeds, and files read with recovery (syntax errors, repaired slips).
    const withErrors = ['syntax.rubric', 'slip-brace.rubric', 'slip-keywords.rubric'].map((f) => join(ROOT, 'test/fixtures', f));
    for (const f of [...seeds, ...withErrors]) {
      const text = readFileSync(f, 'utf8');
      const kept = loadSource('f.rubric', text).parse;
      const compiled = compileText('f.rubric', text).files[0]!.parse;
      const again = compiled.tokens;
      expect(shape(again)).toEqual(shape(kept.tokens));
      // Read once, then kept: the same list on the next read, and the comments are the parse's own.
      expect(compiled.tokens).toBe(again);
      for (const c of compiled.comments) expect(again).toContain(c);
    }
  });
});
