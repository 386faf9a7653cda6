// The editor's incremental re-check (check/incremental-check.ts) against a fresh compile: after every
// step of a long seeded sequence of edits to each seed rubric (points changed, rule lines added and
// removed, titles edited, codes changed into other codes of the file, indicators inserted, and stray
// characters typed and taken back), the
// diagnostics and the IR equal those of compileText of the text at that step. Several edits may
// come between two checks, as when an editor's requests reparse the file before the re-check runs.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileText, IncrementalCheck, loadSource, reparse, serializeIR, type CheckMode, type Diagnostic, type SourceFile } from '@rubric/core';
import { prng } from '../../../test/export/forms.js';

const DIR = new URL('../../../rubrics/', import.meta.url).pathname;
const SEEDS = readdirSync(DIR).filter((f) => f.endsWith('.rubric')).sort();
const texts: Record<string, string> = Object.fromEntries(SEEDS.map((f) => [DIR + f, readFileSync(DIR + f, 'utf8')]));

/** Diagnostics as comparable data, in one order whatever the order they were found in. */
const canonical = (ds: readonly Diagnostic[]): string[] => ds.map((d) => JSON.stringify(d)).sort();

/** Edits of the kinds people make while writing a rubric; a stray character is taken back next time. */
function editor(random: () => number): (text: string) => string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let undo: string | undefined;
  const lineWhere = (lines: string[], re: RegExp): number | undefined => {
    const ks = lines.flatMap((l, k) => (re.test(l) ? [k] : []));
    return ks.length > 0 ? pick(ks) : undefined;
  };
  return (text) => {
    if (undo !== undefined) {
      const back = undo;
      undo = undefined;
      return back;
    }
    const r = random();
    const lines = text.split('\n');
    if (r < 0.45) {
      const m = pick([...text.matchAll(/\d+(\.\d+)?/g)]);
      return text.slice(0, m.index) + pick(['0', '1', '2', '5', '10', '0.5', '20', '100']) + text.slice(m.index! + m[0].length);
    }
    if (r < 0.6) {
      const k = lineWhere(lines, /^\s*(档|每|扣|指标.*[^{]$)/);
      if (k !== undefined) lines.splice(k, 0, lines[k]!);
      return lines.join('\n');
    }
    if (r < 0.72) {
      const k = lineWhere(lines, /^\s*(档|每|扣|标准|说明)/);
      if (k !== undefined) lines.splice(k, 1);
      return lines.join('\n');
    }
    if (r < 0.85) {
      const m = pick([...text.matchAll(/"[^"\n]+"/g)]);
      return text.slice(0, m.index! + 1) + pick(['甲', '（5分）', '乙（10分）', '']) + text.slice(m.index! + 1);
    }
    if (r < 0.92) {
      const at = Math.floor(random() * text.length);
      undo = text;
      return text.slice(0, at) + pick(['{', '}', '"', '指标', '#', '\n', '1.5']) + text.slice(at);
    }
    if (r < 0.96) {
      // An indicator's code becomes another code of the file (a duplicate, perhaps far away), or back.
      const codes = [...text.matchAll(/指标 ([\dA-Za-z.]+) /g)];
      if (codes.length < 2) return text;
      const m = pick(codes);
      const at = m.index! + '指标 '.length;
      return text.slice(0, at) + pick(codes)[1]! + text.slice(at + m[1]!.length);
    }
    const k = lineWhere(lines, /^\s*指标.*\{\s*$/);
    if (k === undefined) return text;
    const indent = `${/^\s*/.exec(lines[k]!)![0]}  `;
    lines.splice(k + 1, 0, `${indent}指标 "新增" 1 {`, `${indent}  档 "好" 1`, `${indent}}`);
    return lines.join('\n');
  };
}

/** Runs `steps` checks of `path`, each after one to three edits; returns how each check was made. */
function session(path: string, text: string, steps: number, seed: number): Record<CheckMode, number> {
  const random = prng(seed);
  const edit = editor(random);
  const others = Object.fromEntries(Object.entries(texts).filter(([p]) => p !== path));
  const cache = new Map<string, SourceFile>([[path, loadSource(path, text)]]);
  const host = { readFile: (p: string) => (p === path ? cache.get(path)!.text : others[p]) };
  const check = new IncrementalCheck(path);
  const modes: Record<CheckMode, number> = { unchanged: 0, patch: 0, full: 0, compile: 0 };
  check.check(host, cache);
  for (let step = 0; step < steps; step++) {
    const edits = 1 + Math.floor(random() * random() * 3);
    for (let e = 0; e < edits; e++) {
      text = edit(text);
      const old = cache.get(path)!;
      const r = reparse(old, text, { consume: true });
      cache.set(path, r.file);
      check.edited(old, r);
    }
    const got = check.check(host, cache);
    modes[got.mode]++;
    const want = compileText(path, text, others);
    expect(canonical(got.result.diagnostics), `step ${step} (${got.mode})`).toEqual(canonical(want.diagnostics));
    expect(got.result.rubrics.map(serializeIR), `step ${step} (${got.mode})`).toEqual(want.rubrics.map(serializeIR));
  }
  return modes;
}

describe('incremental re-check', () => {
  it('equals a fresh compile after every step of seeded edits to every seed rubric', () => {
    const total: Record<CheckMode, number> = { unchanged: 0, patch: 0, full: 0, compile: 0 };
    for (const [i, path] of Object.keys(texts).entries()) {
      const modes = session(path, texts[path]!, 30, 1000 + i);
      for (const k of Object.keys(total) as CheckMode[]) total[k] += modes[k];
    }
    // The sequences do exercise the incremental path, not only the full compile.
    expect(total.patch).toBeGreaterThan(30);
  }, 300_000);

  it('re-checks only the edited subtree of a large rubric, and still equals a fresh compile', () => {
    const lines = ['评估表 "四层" {', '  总分 256'];
    for (let a = 1; a <= 4; a++) {
      lines.push(`  指标 ${a} "一级${a}" 64 {`);
      for (let b = 1; b <= 4; b++) {
        lines.push(`    指标 ${a}.${b} "二级${a}.${b}" 16 {`);
        for (let c = 1; c <= 4; c++) {
          lines.push(`      指标 ${a}.${b}.${c} "三级${a}.${b}.${c}" 4 {`);
          for (let d = 1; d <= 4; d++) lines.push(`        指标 ${a}.${b}.${c}.${d} "四级${a}.${b}.${c}.${d}" 1 {`, '          档 "好" 1', '          档 "差" 0', '        }');
          lines.push('      }');
        }
        lines.push('    }');
      }
      lines.push('  }');
    }
    lines.push('}', '');
    const modes = session('/bench/large.rubric', lines.join('\n'), 40, 7);
    expect(modes.patch).toBeGreaterThan(20);
  }, 300_000);
});
