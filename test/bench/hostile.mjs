// Hostile-input benchmark (`pnpm bench:hostile`). Prints figures; asserts nothing. The paths that
// were quadratic (did-you-mean over long names, a number with many trailing zeros, overlapping
// grades and bands), files full of syntax errors, the largest accepted file (time per keystroke in an
// editor, memory), and a 50 MB file (refused by the disk host without being read).
//
//   node test/bench/hostile.mjs [--compare <another build's core dist/index.js>]
//
// With --compare, each case is also run with the other build (for instance one from before these
// fixes), in the same process and run, and the ratio is printed. Cases that build would not survive
// (a thrown RangeError) say so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@rubric/core';
import { readRubricFile } from '@rubric/node-host';
import { generateRubric } from './generate.mjs';

const args = process.argv.slice(2);
const compareAt = args.indexOf('--compare');
const other = compareAt >= 0 ? await import(new URL(args[compareAt + 1], `file://${process.cwd()}/`).href) : undefined;

function time(f) {
  const t = process.hrtime.bigint();
  let error;
  try {
    f();
  } catch (e) {
    error = e;
  }
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, error };
}

const longNames = (n) => `章节 ${'甲'.repeat(n)} { 指标 "x" 1 }\n评估表 "x" {\n  使用 ${'甲'.repeat(n - 1)}乙\n}\n`;
const zeros = (n) => `评估表 "x" {\n  指标 "a" 1.${'0'.repeat(n)}\n}\n`;
const grades = (n) => `评估表 "x" {\n  总分 100\n  指标 "a" 100\n${Array.from({ length: n }, (_, i) => `  等级 "g${i}" ${i % 50} 以上\n`).join('')}}\n`;
const bands = (n) =>
  `评估表 "x" {\n  指标 "a" 100 {\n    度量 率 百分比\n${Array.from({ length: n }, (_, i) => `    档 率 >= ${i % 100}% ${i % 100}\n`).join('')}  }\n}\n`;
const syntaxErrors = (n) => `评估表 "x" {\n${'指标 '.repeat(n)}\n}\n`;

const cases = [
  ['did-you-mean, names of 10,000 characters (60 KB)', () => longNames(10_000)],
  ['did-you-mean, names of 20,000 characters (120 KB)', () => longNames(20_000)],
  ['a number with 100,000 trailing zeros', () => zeros(100_000)],
  ['a number with 200,000 trailing zeros', () => zeros(200_000)],
  ['1,000 overlapping grades', () => grades(1000)],
  ['2,000 overlapping grades', () => grades(2000)],
  ['1,000 overlapping bands', () => bands(1000)],
  ['2,000 overlapping bands', () => bands(2000)],
  ['20,000 syntax errors', () => syntaxErrors(20_000)],
  ['80,000 syntax errors', () => syntaxErrors(80_000)],
];

console.log(`node ${process.version}, ${process.arch}`);
console.log(`case${' '.repeat(48)}       ms  diagnostics${other ? '   other ms  ratio' : ''}`);
for (const [label, make] of cases) {
  const text = make();
  let count = 0;
  const now = time(() => (count = core.compileText('bench.rubric', text).diagnostics.length));
  let tail = '';
  if (other) {
    const before = time(() => other.compileText('bench.rubric', text));
    tail = before.error ? `   ${String(before.error.message ?? before.error).slice(0, 30)}` : `  ${before.ms.toFixed(0).padStart(9)}  ${(before.ms / now.ms).toFixed(0).padStart(5)}×`;
  }
  console.log(`${label.padEnd(52)} ${now.ms.toFixed(0).padStart(8)}  ${String(count).padStart(11)}${tail}`);
}
{
  const digits = `1.${'0'.repeat(200_000)}`;
  const now = time(() => core.Decimal.parse(digits));
  const before = other ? time(() => other.Decimal.parse(digits)) : undefined;
  console.log(`${'Decimal.parse of 1.(200,000 zeros)'.padEnd(52)} ${now.ms.toFixed(1).padStart(8)}${before ? `  ${' '.repeat(11)}${before.ms.toFixed(0).padStart(9)}  ${(before.ms / now.ms).toFixed(0).padStart(5)}×` : ''}`);
}

// The largest accepted file: a full compile, then one edit of a leaf's points as an editor makes it
// (incremental reparse consuming the old parse, compile with the other files cached), and memory.
const gc = globalThis.gc ?? (() => {});
let n = 30_000;
let big = generateRubric(n).text;
while (core.utf8SizeExceeds(big, core.LIMITS.fileBytes)) big = generateRubric((n = Math.floor(n * 0.95))).text;
const bytes = new TextEncoder().encode(big).length;
gc();
const heapBefore = process.memoryUsage().heapUsed;
const cache = new Map();
let text = big;
const host = { readFile: (p) => (p === 'big.rubric' ? text : undefined) };
let kept;
const full = time(() => (kept = core.compile('big.rubric', host, cache)));
gc();
const heap = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
if (!kept.rubric) throw new Error('no rubric');
const edits = [];
for (let i = 0; i < 20; i++) {
  const at = text.indexOf('档 "好" ', (i * 7919 * 97) % (text.length - 100)) + '档 "好" '.length;
  const next = `${text.slice(0, at)}${(i % 3) + 1}${text.slice(at + 1)}`;
  edits.push(
    time(() => {
      cache.set('big.rubric', core.reparse(cache.get('big.rubric'), next, { consume: true }).file);
      text = next;
      core.compile('big.rubric', host, cache);
    }).ms,
  );
}
edits.sort((a, b) => a - b);
console.log(
  `largest accepted file: ${n} indicators, ${(bytes / 1048576).toFixed(2)} MB: compile ${full.ms.toFixed(0)} ms, heap ${heap.toFixed(0)} MB (${(heap * 1048576 / bytes).toFixed(0)} bytes per byte); an edit: median ${edits[10].toFixed(0)} ms, max ${edits[19].toFixed(0)} ms`,
);

// A 50 MB file on disk: refused by its size, without reading it.
const dir = mkdtempSync(join(tmpdir(), 'rubric-bench-'));
const huge = join(dir, 'huge.rubric');
writeFileSync(huge, Buffer.alloc(50 * 1048576, '指标 "甲" 1\n'));
gc();
const rss = process.memoryUsage().rss;
const read = time(() => readRubricFile(huge, [dir]));
const r = readRubricFile(huge, [dir]);
console.log(
  `a 50 MB file: ${core.isRefusal(r) ? `refused (${r.refused})` : 'read'} in ${read.ms.toFixed(1)} ms, resident memory grew by ${((process.memoryUsage().rss - rss) / 1048576).toFixed(1)} MB`,
);
rmSync(dir, { recursive: true, force: true });
