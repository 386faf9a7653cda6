import { Workspace } from '/work/main/packages/language-server/dist/workspace.js';
import { compile, reparse } from '@rubric/core';
import { readFileSync } from 'node:fs';
const { generateRubric } = await import('/work/main/test/bench/generate.mjs');
const { text } = generateRubric(10000);
let published = 0;
const ws = new Workspace({ debounceMs: 1e9, publish: () => published++, onError: (e) => console.error(e) });
const uri = 'file:///tmp/big.rubric';
ws.open(uri, 'rubric', 1, text);
let t = performance.now(); ws.flushNow(); console.log('open', (performance.now() - t).toFixed(0));
const lines = text.split('\n');
const idx = [];
lines.forEach((l, i) => { const m = /^(\s+指标 \d+\.\d+\.\d+\.\d+ "[^"]*" )(\d)/.exec(l); if (m) idx.push([i, m[1].length]); });
const ph = { source: [], compile: [], total: [] };
for (let k = 0; k < 60; k++) {
  const [line, ch] = idx[(k * 7919) % idx.length];
  const doc = ws.document(uri);
  const cur = doc.getText().split('\n')[line][ch];
  ws.change(uri, k + 2, [{ range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: cur === '9' ? '1' : String(Number(cur) + 1) }]);
  const t0 = performance.now();
  ws.source(uri);
  const t1 = performance.now();
  ws.flushNow();
  const t2 = performance.now();
  ph.source.push(t1 - t0); ph.compile.push(t2 - t1); ph.total.push(t2 - t0);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)].toFixed(1);
for (const k of Object.keys(ph)) console.log(k, 'median', med(ph[k]), 'p95', p95(ph[k]));
// core alone
const sf = ws.cache.get('/tmp/big.rubric');
const cache = new Map([['/tmp/big.rubric', sf]]);
const xs = [];
for (let i = 0; i < 20; i++) { const a = performance.now(); compile('/tmp/big.rubric', { readFile: () => undefined }, cache); xs.push(performance.now() - a); }
console.log('core compile (cached parse) median', med(xs), 'p95', p95(xs));
