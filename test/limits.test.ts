// Documented limits (docs/language.md §7) against hostile and accidental inputs: deep nesting, runs of
// bad characters, characters outside the basic plane, huge texts and tokens, too many diagnostics,
// sections that multiply. Each case once crashed, split a character, reported thousands of times or
// exhausted memory; now each is one located, coded diagnostic and everything else is still checked.
import { CATALOG, LIMITS, ProgramIndex, compileText, formatText, limitDiagnostics, loadSource, reparse, utf8SizeExceeds, type Diagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { read } from './harness.js';

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const nested = (n: number) => `评估表 "深" {\n  总分 5\n  指标 "乙" 10\n${'指标 "a" {\n'.repeat(n)}${'}\n'.repeat(n)}}\n`;

describe('nesting depth', () => {
  it('reports 400 nested indicators once (RUB017) and still checks the rest of the file', () => {
    const r = compileText('main.rubric', nested(400));
    expect(codes(r.diagnostics).filter((c) => c === 'RUB017')).toHaveLength(1);
    // The total (5) against 指标 "乙" (10) is still checked.
    expect(codes(r.diagnostics)).toContain('RUB202');
    const d = r.diagnostics.find((x) => x.code === 'RUB017')!;
    // At the first brace past the limit: the rubric's block is level 1, so the 32nd indicator's.
    expect(d.range.start.line).toBe(3 + LIMITS.depth);
    expect(d.args).toEqual({ limit: LIMITS.depth });
  });
  it('accepts nesting up to the limit without RUB017', () => {
    expect(codes(compileText('main.rubric', nested(LIMITS.depth - 1)).diagnostics)).not.toContain('RUB017');
    expect(codes(compileText('main.rubric', nested(LIMITS.depth)).diagnostics)).toContain('RUB017');
  });
  it('applies the limit to sections used inside indicators, whose depths add up (100 sections of 30 levels)', () => {
    const secs = Array.from({ length: 100 }, (_, i) => `章节 S${i} {\n${'指标 "层" {\n'.repeat(30)}${i < 99 ? `使用 S${i + 1}` : '指标 "末" 1'}\n${'}\n'.repeat(30)}}\n`).join('');
    const r = compileText('main.rubric', `${secs}评估表 "x" {\n  使用 S0\n}\n`);
    expect(codes(r.diagnostics)).toContain('RUB017');
    expect(r.rubric).toBeDefined();
  });
  it('survives 100,000 unclosed braces', () => {
    const r = compileText('main.rubric', `评估表 "x" {${'指标 "a" {'.repeat(100_000)}`);
    expect(codes(r.diagnostics)).toContain('RUB017');
  });
  it('an edit deep inside a block reparses to what a full parse gives, at the limit', () => {
    const text = nested(LIMITS.depth - 1);
    const at = text.lastIndexOf('指标 "a" {') + '指标 "a" {'.length;
    const old = loadSource('main.rubric', text);
    for (const insert of ['指标 "b" 1', '指标 "b" { 指标 "c" 1 }']) {
      const next = text.slice(0, at) + insert + text.slice(at);
      const full = loadSource('main.rubric', next);
      const inc = reparse(old, next).file;
      expect(codes(inc.diagnostics).sort()).toEqual(codes(full.diagnostics).sort());
    }
  });
});

describe('runs of bad characters', () => {
  it('reports 125,000 NUL characters as one RUB014 over their whole extent', () => {
    const text = '\u0000'.repeat(125_000);
    const r = compileText('main.rubric', text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'RUB014', args: { char: 'U+0000', count: 125_000 } });
    expect(r.diagnostics[0]!.range.start.offset).toBe(0);
    expect(r.diagnostics[0]!.range.end.offset).toBe(125_000);
  });
  it('one stray character is RUB001; a run of stray punctuation is one RUB005 whose fix removes it all', () => {
    const r = compileText('main.rubric', '评估表 "x" {\n  总分 1 @\n  指标 "a" 1；；；\n}\n');
    expect(codes(r.diagnostics)).toEqual(['RUB001', 'RUB005']);
    const d = r.diagnostics[1]!;
    expect(d.args).toEqual({ found: '；；；' });
    expect(d.range.end.offset - d.range.start.offset).toBe(3);
    expect(d.fix!.edits).toEqual([{ file: 'main.rubric', range: d.range, newText: '' }]);
  });
  it('shows at most 20 characters of a long run in a message', () => {
    const r = compileText('main.rubric', `评估表 "x" {\n 指标 "a" 1 ${'；'.repeat(1000)}\n}\n`);
    expect(String(r.diagnostics[0]!.args['found'])).toBe(`${'；'.repeat(20)}…`);
  });
});

describe('characters outside the basic plane', () => {
  it('accepts 𠮷 (U+20BB7) in names and texts, and a reference to it', () => {
    const text = '评估表 "𠮷野家" {\n  总分 10\n  指标 𠮷野 10\n  一票否决 当 𠮷野 < 5 "𠮷"\n}\n';
    const r = compileText('main.rubric', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric!.indicators[0]!.name).toBe('𠮷野');
    expect(r.rubric!.vetoes[0]!.when!.target).toBe(r.rubric!.indicators[0]!.id);
    expect(formatText(text).text).toBe(text);
  });
  it('reports a character outside the language (an emoji) once, over both halves of its surrogate pair', () => {
    const r = compileText('main.rubric', '评估表 "x" {\n  指标 "a" 1 😀\n}\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'RUB001', args: { char: '😀' } });
    expect(r.diagnostics[0]!.range.end.offset - r.diagnostics[0]!.range.start.offset).toBe(2);
  });
});

describe('huge inputs', () => {
  it('lexes a two-million-character string, name and number without throwing; each is RUB016', () => {
    const n = 2_000_000;
    for (const [what, tok] of [['string', `"${'x'.repeat(n)}"`], ['name', 'x'.repeat(n)], ['number', '1.'.repeat(n / 2) + '1']] as const) {
      const r = compileText('main.rubric', `评估表 "x" {\n  指标 ${tok} 1\n}\n`);
      expect(codes(r.diagnostics), what).toContain('RUB016');
    }
  });
  it('refuses a text over the size limit without parsing it (RUB010), from bytes or from an editor', () => {
    const big = `评估表 "x" {\n${'  指标 "a" 1 @\n'.repeat(LIMITS.fileBytes / 10)}}\n`;
    expect(utf8SizeExceeds(big, LIMITS.fileBytes)).toBe(true);
    const fromText = loadSource('big.rubric', big);
    expect(codes(fromText.diagnostics)).toEqual(['RUB010']);
    expect(fromText.parse.tokens).toEqual([]);
    expect(codes(loadSource('big.rubric', new TextEncoder().encode(big)).diagnostics)).toEqual(['RUB010']);
    expect(codes(compileText('big.rubric', big).diagnostics)).toEqual(['RUB010']);
    expect(formatText(big)).toMatchObject({ text: undefined, diagnostics: [{ code: 'RUB010' }] });
    // An edit that brings it under the limit parses it again.
    expect(codes(reparse(fromText, '评估表 "x" { 指标 "a" 1 }').file.diagnostics)).toEqual([]);
  });
  it('measures text in UTF-8 bytes', () => {
    expect(utf8SizeExceeds('评'.repeat(100), 300)).toBe(false);
    expect(utf8SizeExceeds('评'.repeat(100), 299)).toBe(true);
    expect(utf8SizeExceeds('𠮷'.repeat(10), 40)).toBe(false);
    expect(utf8SizeExceeds('𠮷'.repeat(10), 39)).toBe(true);
  });
});

describe('many statements in one block', () => {
  // 150,000 statements in one section: nothing may pass them to a function as separate arguments
  // (f(...xs) overflows the stack from about 120,000 arguments).
  const text = `章节 S {\n${'评审\n'.repeat(150_000)}}\n评估表 "x" {\n  指标 "a" 1 {\n    使用 S\n    档 无此度量 >= 1 1\n  }\n}\n`;
  it('compiles, indexes and reparses them', () => {
    const r = compileText('main.rubric', text);
    expect(codes(r.diagnostics)).toContain('RUB105');
    expect(() => new ProgramIndex(r.files)).not.toThrow();
    const at = text.indexOf('评审\n', 1000);
    const old = r.files[0]!;
    const count = old.parse.tokens.length;
    const inc = reparse(old, `${text.slice(0, at)}说明 "新"\n${text.slice(at)}`, { consume: true });
    expect(inc.mode).toBe('block');
    expect(inc.file.parse.tokens.length).toBe(count + 2);
  });
});

describe('too many diagnostics', () => {
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const diag = (file: string, i: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
    code: severity === 'error' ? 'RUB001' : 'RUB003',
    severity,
    file,
    range: { start: at(i), end: at(i + 1) },
    args: {},
  });
  it('keeps the first LIMITS.diagnosticsPerFile of each file and sums up the rest in one RUB015', () => {
    const n = LIMITS.diagnosticsPerFile;
    const ds = [...Array.from({ length: n + 30 }, (_, i) => diag('a.rubric', i, i % 3 === 0 ? 'error' : 'warning')), diag('b.rubric', 0)];
    const out = limitDiagnostics(ds);
    expect(out).toHaveLength(n + 2);
    const summary = out[n]!;
    expect(summary).toMatchObject({ code: 'RUB015', file: 'a.rubric', args: { count: 30, errors: 10 } });
    expect(summary.range.start.offset).toBe(n);
    expect(out[n + 1]!.file).toBe('b.rubric');
    expect(limitDiagnostics(ds.slice(0, n))).toEqual(ds.slice(0, n));
  });
  it('2,000 overlapping grades give one overlap per grade, not two million', () => {
    const grades = Array.from({ length: 2000 }, (_, i) => `  等级 "g${i}" 50 以上\n`).join('');
    const r = compileText('main.rubric', `评估表 "x" {\n  总分 100\n  指标 "a" 100\n${grades}}\n`);
    expect(codes(r.diagnostics).filter((c) => c === 'RUB213')).toHaveLength(1999);
  });
});

describe('catalog texts and docs', () => {
  it('docs/language.md states the limits as they are', () => {
    const doc = read('docs/language.md');
    expect(doc).toContain(`${LIMITS.fileBytes / 1048576} MB (${LIMITS.fileBytes.toLocaleString('en')} bytes`);
    expect(doc).toContain(`${LIMITS.tokenLength.toLocaleString('en')} characters`);
    expect(doc).toContain(`${LIMITS.depth} levels`);
    expect(doc).toContain(`| ${LIMITS.diagnosticsPerFile} |`);
  });
  it('the catalog states the limits as they are', () => {
    expect(CATALOG.RUB010.explain.en).toContain(`${LIMITS.fileBytes / 1048576} MB`);
    expect(CATALOG.RUB118.explain.en).toContain(`${LIMITS.fileBytes / 1048576} MB`);
    expect(CATALOG.RUB015.explain.en).toContain(`${LIMITS.diagnosticsPerFile}`);
  });
});

/** Sections S0…S{n-1}, each using the next one twice (inside two indicators); 2^n copies of the last. */
function doubling(n: number, inline = false): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(inline ? `章节 S${i} { 使用 S${i + 1} 使用 S${i + 1} }` : `章节 S${i} { 指标 "a" { 使用 S${i + 1} } 指标 "b" { 使用 S${i + 1} } }`);
  }
  out.push(`章节 S${n} { 指标 "end" 1 }`);
  out.push('评估表 "展开" { 使用 S0 }');
  return out.join('\n');
}

describe('expansion limits', () => {
  it('2^22 copies of a section are refused with one RUB114, quickly', () => {
    const r = compileText('main.rubric', doubling(22));
    const limit = r.diagnostics.filter((d) => d.code === 'RUB114');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.args).toMatchObject({ limit: LIMITS.indicators, what: '@word.indicators' });
    // The error is on a `使用` written in the file.
    expect(limit[0]!.range.start.line).toBeGreaterThan(0);
  });

  it('sections spliced twice at one level, 40 deep, neither overflow the stack nor run out of memory', () => {
    const r = compileText('main.rubric', doubling(40, true));
    expect(r.diagnostics.map((d) => d.code)).toContain('RUB114');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('RUB901');
  });

  it('a program under the limit expands fully: 2^10 copies are 1024 indicators', () => {
    const r = compileText('main.rubric', doubling(10, true));
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.rubric!.indicators).toHaveLength(1024);
  });
});
