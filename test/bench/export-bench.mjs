// Export benchmark (`pnpm bench:export`). Prints figures; asserts nothing. For Pingdingshan and for a
// generated rubric of 10,000 leaves (test/bench/tree: `gen-tree.mjs 10000 42` then `to-rubric.mjs`):
// compile, table model, and each writer (median of several runs; pdf once, through Chromium), with
// the size of what is written. Set BENCH_PDF=0 to leave pdf out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTable, compile } from '@rubric/core';
import { findChromium, htmlToPdf, renderHtml, renderMarkdown } from '@rubric/export';
import { renderDocx } from '@rubric/export/docx';
import { renderXlsx } from '@rubric/export/xlsx';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(f, runs) {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    out = await f();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: median(ms), out };
}

const size = (x) => (typeof x === 'string' ? Buffer.byteLength(x) : x.length);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

const dir = mkdtempSync(join(tmpdir(), 'rubric-bench-export-'));
const tree = execFileSync(process.execPath, [join(here, 'tree/gen-tree.mjs'), '10000', '42'], { maxBuffer: 1 << 28 });
const treeFile = join(dir, 'tree.json');
writeFileSync(treeFile, tree);
const generated = execFileSync(process.execPath, [join(here, 'tree/to-rubric.mjs'), treeFile], { maxBuffer: 1 << 28, encoding: 'utf8' });

const inputs = [
  { name: 'pingdingshan-2016', path: join(root, 'rubrics/pingdingshan-2016.rubric'), text: null },
  { name: 'generated 10k leaves', path: join(dir, 'tree.rubric'), text: generated },
];
const host = (text) => ({
  readFile(p) {
    if (text !== null && p.endsWith('tree.rubric')) return text;
    try {
      return readFileSync(p);
    } catch {
      return undefined;
    }
  },
});
const pdf = process.env.BENCH_PDF !== '0' && findChromium() !== undefined;

console.log(`node ${process.version}, ${process.arch}${pdf ? `, chromium ${findChromium()}` : ', pdf left out'}`);
console.log('rubric                 rows  compile ms  table ms    md ms  html ms  xlsx ms  docx ms   pdf ms   (sizes: md / html / xlsx / docx / pdf)');
for (const input of inputs) {
  const small = input.text === null;
  const runs = small ? 7 : 3;
  const c = await time(() => compile(input.path, host(input.text)), runs);
  const t = await time(() => buildTable(c.out.rubric, c.out.diagnostics, 'zh-CN'), runs);
  const table = t.out;
  const md = await time(() => renderMarkdown(table), runs);
  const html = await time(() => renderHtml(table), runs);
  const xlsx = await time(() => renderXlsx(table), small ? 5 : 1);
  const docx = await time(() => renderDocx(table), small ? 5 : 1);
  const p = pdf ? await time(() => htmlToPdf(html.out, { timeoutMs: 900_000 }), 1) : null;
  const rows = table.rows.filter((r) => r.kind === 'leaf').length;
  const f = (x) => (x === null ? '—' : x.ms.toFixed(0)).padStart(8);
  console.log(
    `${input.name.padEnd(20)} ${String(rows).padStart(6)} ${c.ms.toFixed(0).padStart(11)} ${t.ms.toFixed(0).padStart(9)} ${f(md)} ${f(html)} ${f(xlsx)} ${f(docx)} ${f(p)}   (${[md, html, xlsx, docx, p]
      .map((x) => (x ? kb(size(x.out)) : '—'))
      .join(' / ')})`,
  );
}
rmSync(dir, { recursive: true, force: true });
