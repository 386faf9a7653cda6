// Scoring benchmark (part of `pnpm bench`; prints figures, asserts nothing). Scores generated
// assessments against the Pingdingshan seed and against the neutral 10k-leaf tree (test/bench/tree,
// written by its own scripts as a rubric and as Publicodes rules with the situation that earns every
// point), and times Publicodes' setSituation + evaluate on the same tree, in the same run.
import { readFileSync } from 'node:fs';
import { compile, compileText, compileTotals, Decimal, fullAssessment, InputIndex, score } from '@rubric/core';
import Engine from 'publicodes';
import { neutralTree } from './tree/forms.mjs';

const gc = globalThis.gc ?? (() => {});
const host = { readFile: (p) => { try { return new Uint8Array(readFileSync(p)); } catch { return undefined; } } };
const mb = () => process.memoryUsage().heapUsed / 1048576;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A random assessment: every input given, each value drawn from what the input allows. */
function randomAssessment(idx, rnd) {
  const values = new Map();
  const where = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
  for (const s of idx.specs) {
    let v;
    if (s.kind === 'label') v = s.labels[Math.floor(rnd() * s.labels.length)];
    else if (s.kind === 'count') v = Decimal.parse(String(Math.floor(rnd() * 8)));
    else if (s.kind === 'base' || s.kind === 'gate' || s.kind === 'veto') v = rnd() < 0.1;
    else if (s.kind === 'measure') v = Decimal.parse(String(Math.floor(rnd() * Number((s.max ?? Decimal.parse('100')).toString()))));
    else if (s.required) v = s.min ?? Decimal.ZERO;
    else continue;
    values.set(s.key, { value: v, where });
  }
  return { name: null, rubric: null, draft: false, values };
}

function mulberry(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

console.log(`node ${process.version}`);

// 1. Pingdingshan: 100,000 scorings of 10,000 distinct random assessments (each scored 10 times;
// generating 100,000 distinct ones would measure the generator's memory, not the scorer).
{
  const r = compile('rubrics/pingdingshan-2016.rubric', host).rubric;
  const idx = new InputIndex(r);
  const rnd = mulberry(7);
  const list = Array.from({ length: 10_000 }, () => randomAssessment(idx, rnd));
  const totals = compileTotals(r, idx);
  for (const a of list.slice(0, 2000)) (score(r, a, idx), totals(a)); // warm up
  const run = (label, f) => {
    gc();
    const heap0 = mb();
    const t0 = now();
    let sum = Decimal.ZERO;
    for (let round = 0; round < 10; round++) for (const a of list) sum = sum.add(f(a) ?? Decimal.ZERO);
    const ms = now() - t0;
    console.log(`pingdingshan, ${label}: 100,000 assessments (${idx.specs.length} inputs each) in ${ms.toFixed(0)} ms = ${Math.round(100_000 / (ms / 1000)).toLocaleString('en')} assessments/s; heap ${heap0.toFixed(0)} → ${mb().toFixed(0)} MB (sum of final scores ${sum})`);
  };
  run('totals (compileTotals)', (a) => totals(a).final);
  run('every indicator explained (score)', (a) => score(r, a, idx).final.score);
}

// 2. The neutral 10k-leaf tree: our scorer and Publicodes on the same inputs (every point earned).
{
  const { rubric: rubricText, rules, situation } = neutralTree(10000);
  const r = compileText('tree.rubric', rubricText).rubric;
  const idx = new InputIndex(r);
  // The same facts as the Publicodes situation: the best band, no deduction, enough occurrences; and
  // the fixed leaves' points, which Publicodes holds as constants and an assessor gives here.
  const a = fullAssessment(r, idx);
  const totals = compileTotals(r, idx);
  const ours = () => totals(a).base;
  const explained = () => score(r, a, idx).base.score;
  const engine = new Engine(rules);
  const theirs = () => {
    engine.setSituation(situation);
    return engine.evaluate('total').nodeValue;
  };
  const o = ours();
  const e = explained();
  const p = theirs();
  const runsOurs = [];
  const runsExplained = [];
  const runsTheirs = [];
  for (let i = 0; i < 5; i++) {
    let t = now();
    for (let k = 0; k < 10; k++) ours();
    runsOurs.push((now() - t) / 10);
    t = now();
    explained();
    runsExplained.push(now() - t);
    t = now();
    theirs();
    runsTheirs.push(now() - t);
  }
  const mo = median(runsOurs);
  const me = median(runsExplained);
  const mp = median(runsTheirs);
  console.log(`10k-leaf tree (${idx.specs.length} inputs): total ours ${o} (explained ${e}), Publicodes ${p}`);
  console.log(`  totals: ${mo.toFixed(2)} ms; every indicator explained: ${me.toFixed(1)} ms; Publicodes setSituation + evaluate: ${mp.toFixed(1)} ms`);
  console.log(`  ratio to Publicodes: ${(mp / mo).toFixed(0)}× (totals), ${(mp / me).toFixed(0)}× (explained)`);
}
