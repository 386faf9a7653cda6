// Compile benchmark (`pnpm bench`; prints figures, asserts nothing). On the neutral tree of 1k, 10k and
// 50k leaves (test/bench/tree: gen-tree.mjs seed 42, written by its own scripts as plain JSON, as a
// rubric and as Publicodes rules), measured in the same run and interleaved so that every figure sees
// the same machine load:
// - compile+check: `compileText` (parse, resolve, lower, every check), median ms;
// - the floor: `JSON.parse` of the plain-JSON tree (the same information), median ms, and our ratio;
// - Publicodes 1.10 `new Engine(rules)` on the same tree, median ms, and how many times faster we are;
// - the compiled IR (`serializeIR`, compact) in bytes against the plain JSON, and `readIR` ms;
// - heap MB held by one compiled rubric kept alive (after GC; run with --expose-gc);
// then the CLI's cold start: `rubric check <seed>` from process start to exit, median of spawned runs.
// A rubric over the 2 MB file limit (50k leaves) is compiled as sections in files of their own (each
// second-level indicator), imported by the entry: the same tree (the limit is per file).
// Options: --core <core/dist/index.js> and --cli <rubric.cjs or bin/rubric.js> measure another build
// (for a before/after table in one run; compare like with like: bin/rubric.js, the default, loads the
// bundle through the ES module loader, which costs more than running dist/rubric.cjs directly),
// --sizes 1000,10000 picks sizes, --cli-runs N.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Engine from 'publicodes';
import { neutralTree } from './tree/forms.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? dflt : process.argv[i + 1];
};
const ROOT = new URL('../..', import.meta.url).pathname;
const coreAt = arg('--core', undefined);
const core = await import(coreAt ? pathToFileURL(coreAt).href : '@rubric/core');
const cli = arg('--cli', join(ROOT, 'packages/cli/bin/rubric.js'));
const sizes = arg('--sizes', '1000,10000,50000').split(',').map(Number);
const cliRuns = Number(arg('--cli-runs', '21'));
const SEED_FILE = 'rubrics/pingdingshan-2016.rubric';

const gc = globalThis.gc ?? (() => {});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (f) => {
  const t = process.hrtime.bigint();
  const v = f();
  return [Number(process.hrtime.bigint() - t) / 1e6, v];
};
const quiet = { log() {}, warn() {}, error() {} };

/**
 * The rubric as files no larger than the limit: one file, or (over the limit) each second-level
 * indicator as a section in a file of its own, used where it stood. The tree, its codes and its ids stay
 * the same.
 */
function asFiles(text) {
  if (!core.utf8SizeExceeds(text, core.LIMITS.fileBytes)) return { entry: 'tree.rubric', text, others: {} };
  const lines = text.split('\n');
  const entry = [];
  const sections = [];
  let block = null;
  for (const line of lines) {
    if (block === null && line.startsWith('    指标 ')) {
      block = [line];
      sections.push(block);
      entry.push(`    使用 部分${sections.length}`);
      if (!line.trimEnd().endsWith('{')) block = null;
    } else if (block !== null) {
      block.push(line);
      if (line === '    }') block = null;
    } else entry.push(line);
  }
  const others = Object.fromEntries(sections.map((s, i) => [`s${i + 1}.rubric`, `章节 部分${i + 1} {\n${s.join('\n')}\n}\n`]));
  const imports = sections.map((_, i) => `导入 "s${i + 1}.rubric"`);
  return { entry: 'tree.rubric', text: [...imports, ...entry].join('\n'), others, split: sections.length };
}

console.log(`node ${process.version}, ${process.arch}; core: ${coreAt ?? '@rubric/core (this build)'}`);
console.log('leaves  rubric KB  compile+check ms  JSON.parse ms  ratio  Publicodes ms  speedup  IR KB  plain KB  IR/plain  readIR ms  heap MB');
let split = false;
for (const n of sizes) {
  const { plain, tree, rubric, rules, situation } = neutralTree(n);
  const src = asFiles(rubric);
  if (src.split) split = true;
  const compile = () => core.compileText(src.entry, src.text, src.others);
  const warm = compile();
  const errors = warm.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !warm.rubric) throw new Error(`the generated rubric has errors: ${errors.slice(0, 3).map((d) => d.code)}`);
  // The same tree in both: our reachable maximum and Publicodes' total with every point earned.
  const [first, engine] = ms(() => new Engine(rules, { logger: quiet }));
  engine.setSituation(situation);
  const theirs = engine.evaluate('total').nodeValue;
  if (warm.rubric.max.toString() !== String(tree.leafSum) || theirs !== tree.leafSum) throw new Error(`not the same tree: ${warm.rubric.max} / ${theirs} / ${tree.leafSum}`);
  const ir = core.serializeIR(warm.rubric);
  const runs = n >= 50000 ? 3 : n >= 10000 ? 7 : 11;
  // At 50k leaves Publicodes takes minutes: its one run is the first (warm-up included).
  const engineRuns = n >= 50000 ? 0 : n >= 10000 ? 3 : 5;
  const [tc, tj, tp, tr] = [[], [], n >= 50000 ? [first] : [], []];
  for (let i = 0; i < runs; i++) {
    tc.push(ms(compile)[0]);
    tj.push(ms(() => JSON.parse(plain))[0]);
    if (core.readIR) tr.push(ms(() => core.readIR(ir))[0]);
    if (i < engineRuns) tp.push(ms(() => new Engine(rules, { logger: quiet }))[0]);
  }
  // What the result holds: the heap with it alive, less the heap once it is let go (a difference with
  // the heap before the compile would also count what the compile let go of from earlier runs).
  let keep = compile();
  if (!keep.rubric) throw new Error('no rubric');
  gc();
  const held = process.memoryUsage().heapUsed;
  keep = undefined;
  gc();
  const heap = (held - process.memoryUsage().heapUsed) / 1048576;
  const [c, j, p] = [median(tc), median(tj), median(tp)];
  const irBytes = Buffer.byteLength(ir);
  const plainBytes = Buffer.byteLength(plain);
  const cells = [
    [String(n) + (src.split ? '*' : ''), 6],
    [(Buffer.byteLength(rubric) / 1024).toFixed(0), 9],
    [c.toFixed(1), 16],
    [j.toFixed(1), 13],
    [(c / j).toFixed(1), 5],
    [p.toFixed(0), 13],
    [`${(p / c).toFixed(1)}×`, 7],
    [(irBytes / 1024).toFixed(0), 5],
    [(plainBytes / 1024).toFixed(0), 8],
    [(irBytes / plainBytes).toFixed(2), 8],
    [tr.length > 0 ? median(tr).toFixed(1) : '—', 9],
    [heap.toFixed(1), 7],
  ];
  console.log(cells.map(([v, w]) => v.padStart(w)).join('  '));
}
if (split) console.log('* over the 2 MB file limit: compiled as one file per second-level indicator (sections), imported by the entry');

// CLI cold start: process start to exit, spawned from here; `node -e 0` is the floor of any node program.
const spawnMs = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const [check, bare] = [[], []];
for (let i = 0; i < cliRuns; i++) {
  check.push(spawnMs([cli, 'check', SEED_FILE]));
  bare.push(spawnMs(['-e', '0']));
}
console.log(`CLI cold start, rubric check ${SEED_FILE}: median ${median(check).toFixed(0)} ms over ${cliRuns} runs (node -e 0: ${median(bare).toFixed(0)} ms); cli: ${cli}`);
