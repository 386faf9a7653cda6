// Recovery from typing slips (syntax/recovery.ts): a missing `}` is reported at the block that is not
// closed (RUB020), a misspelled keyword gets “did you mean” (RUB021); both with a fix, and the file is
// read as if the fix were made, so that its arithmetic is the author's.
import { compile, compileText, type CompileResult, type Diagnostic, type IndicatorIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, diskHost, read, seedRubrics } from './harness.js';

function applyFixes(text: string, ds: Diagnostic[]): string {
  const edits = ds.flatMap((d) => d.fix?.edits ?? []).sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

/** The indicator tree as titles and points, without positions. */
function tree(r: CompileResult): unknown {
  const node = (x: IndicatorIR): unknown => [x.title, x.points?.toString() ?? null, x.children.map(node)];
  return r.rubric ? [r.rubric.total?.toString() ?? null, r.rubric.indicators.map(node)] : null;
}

const codes = (r: CompileResult) => r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

describe('a missing }', () => {
  const file = 'test/fixtures/slip-brace.rubric';
  const text = read(file);
  const r = compileRepoFile(file);
  const d = r.diagnostics.find((x) => x.code === 'RUB020')!;

  it('is reported at the block that is not closed, saying after which line the } belongs', () => {
    expect(d.range.start).toMatchObject({ line: 7, column: 13 });
    expect(d.args).toEqual({ block: { id: 'word.blockOf', args: { keyword: '@kw.Indicator', title: '甲' } }, where: { id: 'word.afterLine', args: { line: 10 } } });
    expect(d.related?.map((x) => x.range.start.line)).toEqual([11]);
  });
  it('gives no syntax error at the end of the file, and no false subtotal error', () => {
    expect(codes(r)).toEqual(['7:13 RUB020', '14:10 RUB201']);
  });
  it('has a fix that inserts the } with the indentation of the block’s first line', () => {
    expect(d.fix!.edits).toHaveLength(1);
    const e = d.fix!.edits[0]!;
    expect(e.range.start).toMatchObject({ line: 11, column: 1 });
    expect(e.newText).toBe('  }\n');
    const fixed = applyFixes(text, [d]);
    const after = compileText(file, fixed);
    expect(after.diagnostics.map((x) => x.code)).toEqual(['RUB201']);
    // The file was read as the fixed one reads: same tree, same points.
    expect(tree(r)).toEqual(tree(after));
  });
  it('finds two blocks left open at one dedent, the inner one first', () => {
    const t = '评估表 "甲" {\n  指标 "一" 10 {\n    指标 "一一" 10 {\n      档 "好" 10\n  指标 "二" 10\n}\n';
    const res = compileText('main.rubric', t);
    expect(codes(res)).toEqual(['2:13 RUB020', '3:16 RUB020']);
    const fixed = applyFixes(t, res.diagnostics);
    expect(compileText('main.rubric', fixed).diagnostics).toEqual([]);
    expect(tree(res)).toEqual(tree(compileText('main.rubric', fixed)));
  });
  it('at the end of the file is reported at the rubric’s {, with a fix that appends it', () => {
    const res = compileRepoFile('test/fixtures/slip-brace-end.rubric');
    const e = res.diagnostics.find((x) => x.code === 'RUB020')!;
    expect(e.args['where']).toBe('@word.atEnd');
    const fixed = applyFixes(read('test/fixtures/slip-brace-end.rubric'), [e]);
    expect(fixed.endsWith('  }\n}\n')).toBe(true);
    expect(compileText('main.rubric', fixed).diagnostics).toEqual([]);
  });
  it('keeps the line breaks of the file (CRLF)', () => {
    const t = '评估表 "甲" {\r\n  指标 "一" 10 {\r\n    指标 "一一" 10\r\n  指标 "二" 10\r\n}\r\n';
    const e = compileText('main.rubric', t).diagnostics.find((x) => x.code === 'RUB020')!;
    expect(e.fix!.edits[0]!.newText).toBe('  }\r\n');
    expect(compileText('main.rubric', applyFixes(t, [e])).diagnostics).toEqual([]);
  });
  it('is not guessed in a file without indentation: the syntax error stays at the end', () => {
    const t = '评估表 "甲" {\n指标 "一" 10 {\n指标 "一一" 10\n指标 "二" 10\n}\n';
    const res = compileText('main.rubric', t);
    expect(res.diagnostics.map((x) => x.code)).not.toContain('RUB020');
    expect(res.diagnostics.find((x) => x.code === 'RUB002')?.args['found']).toBe('@word.eof');
  });
  it('is not guessed when the braces balance, whatever the indentation', () => {
    const t = '评估表 "甲" {\n  指标 "一" 10 {\n        指标 "一一" 5\n    指标 "一二" 5\n  }\n}\n';
    expect(compileText('main.rubric', t).diagnostics).toEqual([]);
  });
});

describe('a } deleted from a seed rubric', () => {
  // Every seed is formatted (two spaces a level), so the line after a deleted `}` line tells where it
  // was: the fix must put back exactly what was deleted, and nothing else may change.
  for (const file of seedRubrics()) {
    it(`${file}: is found, and its fix restores the file`, () => {
      const text = read(file);
      const lines = text.split('\n');
      const closers = lines.flatMap((l, i) => (/^\s*\}\s*$/.test(l) ? [i] : []));
      expect(closers.length).toBeGreaterThan(0);
      const codesOf = (ds: Diagnostic[]) => ds.filter((d) => d.file === file).map((d) => d.code).sort();
      const original = codesOf(compileRepoFile(file).diagnostics);
      // At most 12 places per seed, spread over the file.
      const step = Math.max(1, Math.floor(closers.length / 12));
      for (let k = 0; k < closers.length; k += step) {
        const broken = lines.filter((_, i) => i !== closers[k]).join('\n');
        const r = compile(file, { readFile: (p) => (p === file ? broken : diskHost.readFile(p)) });
        const where = `${file} without line ${closers[k]! + 1}`;
        const missing = r.diagnostics.filter((d) => d.code === 'RUB020');
        expect(missing, where).toHaveLength(1);
        expect(applyFixes(broken, missing), where).toBe(text);
        expect(codesOf(r.diagnostics.filter((d) => d.code !== 'RUB020')), where).toEqual(original);
      }
    });
  }
});

describe('a misspelled keyword', () => {
  const slip = (statement: string) => {
    const res = compileText('main.rubric', `评估表 "甲" {\n  指标 "乙" 10 {\n    ${statement}\n  }\n}\n`);
    const d = res.diagnostics.find((x) => x.code === 'RUB021');
    return d ? [d.args['found'], d.args['keyword'], d.fix?.edits[0]?.newText] : res.diagnostics.map((x) => x.code);
  };

  it('gets the keyword it was meant to be, from homophones and edit distance', () => {
    expect(slip('挡 "好" 10')).toEqual(['挡', '档', '档']);
    expect(slip('制表 "丙" 10')).toEqual(['制表', '指标', '指标']);
    expect(slip('评价表准 "按规定"')).toEqual(['评价表准', '评价标准', '评价标准']);
    expect(slip('一票否绝 "违法"')).toEqual(['一票否绝', '一票否决', '一票否决']);
    expect(slip('说名 "另见附件"')).toEqual(['说名', '说明', '说明']);
    expect(slip('不封项')).toEqual(['不封项', '不封顶', '不封顶']);
    expect(slip('Band "好" 10')).toEqual(['Band', 'band', 'band']);
    expect(slip('指标 "丙" 10 { 度量 率 百分必 档 率 >= 50% 10 档 率 < 50% 0 }')).toEqual(['百分必', '百分比', '百分比']);
  });
  it('takes a keyword for another only where the one meant can stand (当 for 档 in an indicator)', () => {
    expect(slip('当 "好" 10')).toEqual(['当', '档', '档']);
  });
  it('is not suggested for a word far from every keyword, which stays a syntax error', () => {
    expect(slip('配备人员 "丙" 10')).toEqual(['RUB002']);
    expect(slip('甲 "丙" 10')).toEqual(['RUB002']);
  });
  // Slips as an input method makes them, put into the seeds one at a time at the start of a statement.
  const SLIPS: [RegExp, string][] = [
    [/^(\s*)指标 /, '制表 '],
    [/^(\s*)档 /, '挡 '],
    [/^(\s*)每 /, '美 '],
    [/^(\s*)评价标准 /, '评价表准 '],
    [/^(\s*)说明 /, '说名 '],
    [/^(\s*)一票否决 /, '一票否绝 '],
  ];
  for (const file of seedRubrics()) {
    it(`put into ${file}, is found, and its fix restores the file`, () => {
      const text = read(file);
      const lines = text.split('\n');
      const codesOf = (ds: Diagnostic[]) => ds.filter((d) => d.file === file).map((d) => d.code).sort();
      const original = codesOf(compileRepoFile(file).diagnostics);
      const sites = lines.flatMap((l, i) => SLIPS.filter(([re]) => re.test(l)).map(([re, to]) => ({ i, line: l.replace(re, `$1${to}`) })));
      expect(sites.length).toBeGreaterThan(0);
      const step = Math.max(1, Math.floor(sites.length / 12));
      for (let k = 0; k < sites.length; k += step) {
        const { i, line } = sites[k]!;
        const broken = lines.map((l, j) => (j === i ? line : l)).join('\n');
        const r = compile(file, { readFile: (p) => (p === file ? broken : diskHost.readFile(p)) });
        const where = `${file}:${i + 1} ${line.trim()}`;
        const slips = r.diagnostics.filter((d) => d.code === 'RUB021');
        expect(slips, where).toHaveLength(1);
        expect(applyFixes(broken, slips), where).toBe(text);
        expect(codesOf(r.diagnostics.filter((d) => d.code !== 'RUB021')), where).toEqual(original);
      }
    });
  }
  it('fixed, leaves only what the rubric itself gets wrong', () => {
    const file = 'test/fixtures/slip-keywords.rubric';
    const r = compileRepoFile(file);
    const fixed = applyFixes(read(file), r.diagnostics.filter((d) => d.code === 'RUB021'));
    const after = compileText(file, fixed);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['RUB203']);
    expect(tree(r)).toEqual(tree(after));
  });
});
