// Compile profile (run on demand: `pnpm bench:compile`; prints figures, asserts nothing). On the
// neutral tree of test/bench/tree (copied from ../shared/perf; written by its own scripts as plain JSON, as a rubric and as
// Publicodes rules), in one run: compileText (parse + resolve + lower + checks) against JSON.parse of
// the plain JSON tree (the floor) and Publicodes' `new Engine` on the same tree; the share of each
// phase, and within the parse the lexer, Chevrotain's CST and the CST → AST pass alone; the time spent
// in garbage collection; and the heap held by one compiled rubric.
// Usage: node --expose-gc test/bench/compile-profile.mjs [leaves...]   (default 10000; at most about
// 20000, the largest tree that fits in one file under the 2 MB limit)
// With BASE_CORE=<another build's packages/core/dist/index.js>, that build's compileText is timed in
// the same runs, for a before/after in one run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { compileText, loadSource } from '@rubric/core';
import Engine from 'publicodes';
import { parse as parseYaml } from 'yaml';

const base = process.env.BASE_CORE ? await import(process.env.BASE_CORE) : undefined;
// The parse's own steps, from the built core's internals: the lexer (the token objects Chevrotain
// reads) and the parse that builds the AST in the grammar's actions (every file without syntax
// errors); and for comparison, the reading of files with syntax errors (Chevrotain's CST with
// recovery, then the CST → AST pass).
const dist = new URL('../../packages/core/dist/', import.meta.url);
const { scan } = await import(new URL('syntax/scan.js', dist));
const { parseDirect, parseTokens, sharedParser } = await import(new URL('syntax/parser.js', dist));
const { AstBuilder } = await import(new URL('syntax/build-ast.js', dist));
const { LineIndex } = await import(new URL('source.js', dist));
const { DiagnosticBag } = await import(new URL('diagnostics.js', dist));

// The tree scripts of ../shared/perf, copied into test/bench/tree so the benchmark runs from a clone.
const perf = new URL('./tree/', import.meta.url).pathname;
const gc = globalThis.gc ?? (() => {});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
// GC entries are delivered asynchronously: wait for them before reading the total.
const settle = () => new Promise((r) => setTimeout(r, 20));

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log(`node ${process.version}, ${process.arch}; expose-gc ${globalThis.gc ? 'yes' : 'no (heap figure unreliable)'}`);
for (const n of sizes.length > 0 ? sizes : [10000]) {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-profile-'));
  const run = (script, ...args) =>
    execFileSync(process.execPath, [join(perf, script), ...args], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const json = run('gen-tree.mjs', String(n), '42');
  const jsonPath = join(dir, 't.json');
  writeFileSync(jsonPath, json);
  const text = run('to-rubric.mjs', jsonPath);
  const yaml = run('to-publicodes.mjs', jsonPath);
  rmSync(dir, { recursive: true, force: true });

  const warm = compileText('tree.rubric', text);
  const errors = warm.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the generated rubric has errors: ${errors[0].code}`);
  const rules = parseYaml(yaml, { uniqueKeys: false });
  new Engine(rules);

  const runs = n >= 50000 ? 5 : 11;
  const tc = [];
  const tp = [];
  const tj = [];
  const te = [];
  const tb = [];
  const [tl, tdir, tcst, tast] = [[], [], [], []];
  if (base) base.compileText('tree.rubric', text);
  // Each timing starts from a collected heap, so that no run pays for the garbage of the one before.
  for (let i = 0; i < runs; i++) {
    if (base) {
      gc();
      const t = now();
      base.compileText('tree.rubric', text);
      tb.push(now() - t);
    }
    gc();
    let t = now();
    compileText('tree.rubric', text);
    tc.push(now() - t);
    gc();
    t = now();
    loadSource('tree.rubric', text);
    tp.push(now() - t);
    gc();
    t = now();
    JSON.parse(json);
    tj.push(now() - t);
    gc();
    t = now();
    const scanned = scan(text);
    tl.push(now() - t);
    const lines = new LineIndex(text);
    gc();
    t = now();
    if (!parseDirect(scanned.tokens, new AstBuilder('tree.rubric', lines, new DiagnosticBag()))) throw new Error('the direct parse refused the tree');
    tdir.push(now() - t);
    gc();
    t = now();
    const { cst } = parseTokens(scanned.tokens);
    tcst.push(now() - t);
    gc();
    t = now();
    new AstBuilder('tree.rubric', lines, new DiagnosticBag()).file(cst);
    tast.push(now() - t);
    gc();
    t = now();
    new Engine(rules);
    te.push(now() - t);
  }
  // GC share of compileText alone.
  gc();
  await settle();
  gcMs = 0;
  const g0 = now();
  for (let i = 0; i < 5; i++) compileText('tree.rubric', text);
  const gTotal = now() - g0;
  await settle();
  const gcShare = gcMs / gTotal;

  // What the result holds: the heap with it alive, less the heap once it is let go (a difference with
  // the heap before the compile would also count what the compile let go of from earlier runs).
  let keep = compileText('tree.rubric', text);
  if (!keep.rubric) throw new Error('no rubric');
  gc();
  const held = process.memoryUsage().heapUsed;
  keep = undefined;
  gc();
  const heap = (held - process.memoryUsage().heapUsed) / 1048576;

  // Chevrotain recognising the same tokens without building its CST (a second instance of the parser
  // class, switched by Chevrotain's internal `initTreeBuilder`): where a parse that built the AST in
  // the grammar's own actions would start from.
  const recognizer = new (sharedParser().constructor)(false);
  recognizer.initTreeBuilder({ outputCst: false, nodeLocationTracking: 'none' });
  const scannedTokens = scan(text).tokens;
  const trec = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = now();
    recognizer.input = scannedTokens;
    recognizer.file();
    trec.push(now() - t);
    if (recognizer.errors.length > 0) throw new Error('the recognizer found syntax errors');
  }
  recognizer.input = [];

  const c = median(tc);
  const p = median(tp);
  const j = median(tj);
  const e = median(te);
  console.log(`${n} leaves: rubric ${(text.length / 1024).toFixed(0)} KB, plain JSON ${(json.length / 1024).toFixed(0)} KB (median of ${runs})`);
  console.log(`  compileText          ${c.toFixed(1).padStart(8)} ms   ${(c / j).toFixed(2)}× JSON.parse`);
  console.log(`    of which parse     ${p.toFixed(1).padStart(8)} ms   (lex + parse + AST)`);
  console.log(`      lexer alone       ${median(tl).toFixed(1).padStart(8)} ms   ${(median(tl) / j).toFixed(2)}× JSON.parse (the token objects Chevrotain reads)`);
  console.log(`      parse → AST       ${median(tdir).toFixed(1).padStart(8)} ms   ${(median(tdir) / j).toFixed(2)}× JSON.parse (the grammar's actions build the AST)`);
  console.log(`        of which Chevrotain's recognition alone ${median(trec).toFixed(1)} ms (${(median(trec) / j).toFixed(2)}× JSON.parse)`);
  console.log(`      (with a syntax error: CST ${median(tcst).toFixed(1)} ms + CST → AST ${median(tast).toFixed(1)} ms)`);
  console.log(`    resolve+lower+check${(c - p).toFixed(1).padStart(8)} ms`);
  if (base) {
    const b = median(tb);
    console.log(`  compileText of BASE_CORE ${b.toFixed(1).padStart(4)} ms   ${(b / j).toFixed(2)}× JSON.parse; this build takes ${(c / b).toFixed(2)}× its time`);
  }
  console.log(`  JSON.parse (floor)   ${j.toFixed(1).padStart(8)} ms`);
  console.log(`  Publicodes new Engine${e.toFixed(1).padStart(8)} ms   ${(e / c).toFixed(1)}× slower than compileText`);
  console.log(`  GC share of compile  ${(gcShare * 100).toFixed(0).padStart(7)} %`);
  console.log(`  heap held by result  ${heap.toFixed(1).padStart(8)} MB`);
}
