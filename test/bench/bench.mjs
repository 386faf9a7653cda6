// Parser + checker benchmark (`pnpm bench`). Prints figures; asserts nothing. For rubrics of about
// 1k, 10k and 50k indicators: parse+check time (median of several runs), heap growth while a
// compiled rubric is alive, and the ratio to JSON.parse of the same rubric's compiled IR, measured
// in the same run.
import { compileText, serializeIR } from '@rubric/core';
import { generateRubric } from './generate.mjs';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    f();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

const gc = globalThis.gc ?? (() => {});
console.log(`node ${process.version}, ${process.arch}`);
console.log('indicators  text KB  IR KB   parse+check ms  JSON.parse ms  ratio  heap MB');
for (const n of [1000, 10000, 50000]) {
  const { text, count } = generateRubric(n);
  const warm = compileText('bench.rubric', text);
  if (warm.diagnostics.some((d) => d.severity === 'error')) throw new Error(`generated rubric has errors: ${warm.diagnostics[0].code}`);
  const ir = serializeIR(warm.rubric);
  const runs = n >= 50000 ? 5 : 11;
  // Interleave the two measurements so that both see the same machine load.
  const tc = [];
  const tj = [];
  for (let i = 0; i < runs; i++) {
    tc.push(...time(() => compileText('bench.rubric', text), 1));
    tj.push(...time(() => JSON.parse(ir), 1));
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = compileText('bench.rubric', text);
  gc();
  const heap = (process.memoryUsage().heapUsed - before) / 1048576;
  const c = median(tc);
  const j = median(tj);
  console.log(
    `${String(count).padStart(10)}  ${String(Math.round(text.length / 1024)).padStart(7)}  ${String(Math.round(ir.length / 1024)).padStart(6)}  ${c.toFixed(1).padStart(14)}  ${j.toFixed(1).padStart(13)}  ${(c / j).toFixed(2).padStart(5)}  ${heap.toFixed(1).padStart(7)}`,
  );
  if (!keep.rubric) throw new Error('no rubric');
}
