// The writers on the seed rubrics, read back with their own libraries (exceljs for xlsx, the zip's
// XML for docx, the text for html and md): the layout of the table model, merged cells, formulas,
// data validation, conditional formatting, print setup, and the marks of the two wrong subtotals of
// yueyang-cishan. LibreOffice and Chromium read the same files in test/export/*.office.ts.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { allIndicators, buildTable, compile, type Host, type Table } from '@rubric/core';
import { ExportError, findChromium, htmlToPdf, renderHtml, renderMarkdown, renderPreviewHtml } from '@rubric/export';
import { renderDocx } from '@rubric/export/docx';
import { renderXlsx, xlsxLayout } from '@rubric/export/xlsx';

const ROOT = new URL('../../../', import.meta.url).pathname;
const host: Host = {
  readFile(path) {
    try {
      return new Uint8Array(readFileSync(ROOT + path));
    } catch {
      return undefined;
    }
  },
};
function tableOf(file: string): Table {
  const r = compile(`rubrics/${file}.rubric`, host);
  return buildTable(r.rubric!, r.diagnostics, 'zh-CN');
}
const letter = (col: number): string => String.fromCharCode(64 + col); // the tables here have fewer than 27 columns
const cishan = tableOf('yueyang-cishan');
const pds = tableOf('pingdingshan-2016');

async function workbook(t: Table, opts?: Parameters<typeof renderXlsx>[1]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderXlsx(t, opts)) as never);
  return wb;
}

describe('html', () => {
  it('prints the table with the two wrong subtotals marked, Σ beside the declared points, on A4', () => {
    const html = renderHtml(cishan);
    const marked = [...html.matchAll(/<td class="[^"]*mismatch[^"]*"[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(marked).toEqual(['组织机构（85分）⚠ Σ 84 ≠ 85 RUB201', '财务资产（225分）⚠ Σ 221 ≠ 225 RUB201']);
    // A printed page names no file of the machine it was made on.
    expect(html).not.toContain('data-file');
    expect(html).not.toContain('rubrics/');
    expect(html).toMatch(/@page\{size:A4 (landscape|portrait)/);
    expect(html).toMatch(/thead\{display:table-header-group\}/);
    expect(html).toContain('print-color-adjust:exact');
    expect((html.match(/<tr/g) ?? []).length).toBe(cishan.header.length + cishan.rows.length);
  });

  it('the preview page loads nothing remote and runs only its own nonced style and script', () => {
    const html = renderPreviewHtml(cishan, 'abc123');
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'nonce-abc123'; script-src 'nonce-abc123';"`);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(src|href)=/);
    for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) expect(tag).toContain('nonce="abc123"');
    expect(html).toContain('acquireVsCodeApi');
    // Click-to-reveal: the marked cells name the lines of 组织机构 and 财务资产.
    const lines = [...html.matchAll(/<td class="[^"]*mismatch[^"]*"[^>]*data-line="(\d+)"/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([53, 88]);
  });
});

it('html: a long table is written as consecutive tables, a merged cell cut at the boundary repeated', () => {
  const leaves = Array.from({ length: 250 }, (_, i) => `    指标 "项${i + 1}" 1`).join('\n');
  const r = compile('t.rubric', { readFile: () => `评估表 "长表" {\n  指标 "甲" 250 {\n${leaves}\n  }\n}\n` });
  const t = buildTable(r.rubric!, r.diagnostics, 'zh-CN');
  const html = renderHtml(t);
  const tables = html.split('<table class="rb">').slice(1);
  expect(tables).toHaveLength(2);
  // 甲 spans the first 200 rows, then the remaining 50 (plus the total row) in the second table.
  expect(tables[0]).toMatch(/<td class="lvl" rowspan="200"[^>]*>甲（250分）<\/td>/);
  expect(tables[1]).toMatch(/<td class="lvl" rowspan="50"[^>]*>甲（250分）<\/td>/);
  const bodyRows = tables.map((x) => (x.split('<tbody>')[1]!.match(/<tr/g) ?? []).length);
  expect(bodyRows).toEqual([200, t.rows.length - 200]);
});

describe('md', () => {
  it('writes a pipe table with one line per row and the marks in the cells', () => {
    const md = renderMarkdown(cishan);
    const lines = md.split('\n').filter((l) => l.startsWith('|'));
    expect(lines[0]).toBe(`| ${cishan.columns.map((c) => c.header).join(' | ')} |`);
    expect(lines).toHaveLength(cishan.rows.length + 2);
    expect(lines.every((l) => l.split(/(?<!\\)\|/).length === cishan.columns.length + 2)).toBe(true);
    expect(md).toContain('组织机构（85分）<br>**⚠ Σ 84 ≠ 85 · RUB201**');
    expect(md).toContain('财务资产（225分）<br>**⚠ Σ 221 ≠ 225 · RUB201**');
  });
});

describe('xlsx', () => {
  it('lays out the published table: title, two header rows, merged level cells, frozen header, A4 print setup', async () => {
    const wb = await workbook(cishan);
    const L = xlsxLayout(cishan);
    const ws = wb.getWorksheet(L.mainName)!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评估表', '各级小计', '选项']);
    expect(ws.getCell(1, 1).value).toBe(cishan.title);
    expect(ws.getCell(3, 1).value).toBe('一级指标');
    // 基础条件 spans its 10 leaves in column A.
    const first = cishan.groups[0]!;
    expect(ws.getCell(L.rowOf(first.firstRow), 1).value).toBe('基础条件（60分）');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain(`A${L.rowOf(first.firstRow)}:A${L.rowOf(first.lastRow)}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:3' });
    expect(ws.getColumn(L.idCol).hidden).toBe(true);
  });

  it('marks the wrong subtotals (fill, text, comment) and sums every subtotal from its children', async () => {
    const wb = await workbook(cishan);
    const L = xlsxLayout(cishan);
    const ws = wb.getWorksheet(L.mainName)!;
    const sub = wb.getWorksheet(L.subName)!;
    const org = cishan.groups.findIndex((g) => g.title === '组织机构');
    const g = cishan.groups[org]!;
    const cell = ws.getCell(L.rowOf(g.firstRow), g.level);
    expect(JSON.stringify(cell.value)).toContain('Σ 84 ≠ 85');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE4E4');
    expect(JSON.stringify(cell.note)).toContain('RUB201');
    // Its subtotal row: points 85, the check says Σ 84, the formulas sum its six children.
    const row = L.S0 + org;
    expect(sub.getCell(row, L.subCols.points).value).toBe(85);
    expect(String(sub.getCell(row, L.subCols.check).value)).toContain('Σ 84 ≠ 85');
    // Its children are the six 三级 subtotals, consecutive rows of this sheet: one range.
    const f = (sub.getCell(row, L.subCols.score).value as { formula: string }).formula;
    const rows = g.children.map((c) => ('group' in c ? L.S0 + c.group : -1));
    expect(rows.every((r, k) => r > 0 && (k === 0 || r === rows[k - 1]! + 1))).toBe(true);
    expect(f).toBe(`SUM(D${rows[0]}:D${rows[rows.length - 1]})`);
    // Every parent has a formula in both subtotal columns; the total sums the five 一级 subtotals.
    cishan.groups.forEach((_, i) => {
      expect(sub.getCell(L.S0 + i, L.subCols.self).value).toHaveProperty('formula');
      expect(sub.getCell(L.S0 + i, L.subCols.score).value).toHaveProperty('formula');
    });
    const total = cishan.rows.findIndex((r) => r.kind === 'total');
    const top = cishan.groups.flatMap((x, i) => (x.level === 1 ? [`'各级小计'!D${L.S0 + i}`] : []));
    expect((ws.getCell(L.rowOf(total), L.scoreCol).value as { formula: string }).formula).toBe(`SUM(${top.join(',')})`);
  });

  it('validates the input cells: score ranges and step, band drop-downs, counts, percentages; red when over the points', async () => {
    const wb = await workbook(pds);
    const L = xlsxLayout(pds);
    const ws = wb.getWorksheet(L.mainName)!;
    const lists = wb.getWorksheet('选项')!;
    const i = pds.rows.findIndex((r) => r.inputs[0]?.kind === 'label');
    const row = pds.rows[i]!;
    const dv = ws.getCell(L.rowOf(i), L.resultCol).dataValidation;
    expect(dv.type).toBe('list');
    const [, col, from, to] = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(dv.formulae[0]))!;
    const labels = [];
    for (let r = Number(from); r <= Number(to); r++) labels.push(lists.getCell(`${col}${r}`).value);
    expect(labels).toEqual((row.inputs[0] as { labels: string[] }).labels);
    // Scores: between the leaf's reachable min and max, in steps of 0.1 (its finest points are halves).
    const score = ws.getCell(L.rowOf(i), L.scoreCol).dataValidation;
    const ref = `${letter(L.scoreCol)}${L.rowOf(i)}`;
    expect(pds.step.toString()).toBe('0.1');
    expect(score).toMatchObject({ type: 'custom', formulae: [`AND(ISNUMBER(${ref}),${ref}>=${row.min},${ref}<=${row.max},ABS(${ref}/0.1-ROUND(${ref}/0.1,0))<0.000001)`] });
    const pct = pds.rows.findIndex((r) => r.inputs[0]?.kind === 'measure' && r.inputs[0].valueKind === 'percent');
    const pv = ws.getCell(L.rowOf(pct), L.resultCol);
    expect(pv.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
    expect(pv.numFmt).toBe('0.##%');
    const count = pds.rows.findIndex((r) => r.inputs.length === 1 && r.inputs[0]!.kind === 'count');
    expect(ws.getCell(L.rowOf(count), L.resultCol).dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    const cf = (ws.model as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe(`${letter(L.selfCol)}${L.D}:${letter(L.scoreCol)}${L.rowOf(pds.rows.length - 1)}`);
    expect(cf[0]!.rules[0]!.formulae[0]).toMatch(/^AND\(ISNUMBER\([A-Z]+\d+\),ISNUMBER\(\$[A-Z]+\d+\),[A-Z]+\d+>\$[A-Z]+\d+\)$/);
  });

  it('steps of 0.5 are checked by a formula on the cell itself', async () => {
    const r = compile('t.rubric', { readFile: () => '评估表 "t" {\n  计分单位 0.5\n  指标 "a" 2.5\n}\n' });
    const t = buildTable(r.rubric!, r.diagnostics, 'zh-CN');
    const ws = (await workbook(t)).getWorksheet('评估表')!;
    const L = xlsxLayout(t);
    const dv = ws.getCell(L.rowOf(0), L.scoreCol).dataValidation;
    const ref = `${letter(L.scoreCol)}${L.rowOf(0)}`;
    expect(dv).toMatchObject({ type: 'custom', formulae: [`AND(ISNUMBER(${ref}),${ref}>=0,${ref}<=2.5,ABS(${ref}/0.5-ROUND(${ref}/0.5,0))<0.000001)`] });
  });

  it('a leaf score cell takes a formula handed to it (the phase-2 score plan plugs in here)', async () => {
    const ids = new Set(pds.rows.filter((r) => r.inputs[0]?.kind === 'label').map((r) => r.indicatorId));
    const wb = await workbook(pds, { leafScoreFormula: (row, c) => (ids.has(row.indicatorId) ? `IF(${c.result}="",0,${c.points})` : undefined) });
    const L = xlsxLayout(pds);
    const ws = wb.getWorksheet(L.mainName)!;
    const i = pds.rows.findIndex((r) => ids.has(r.indicatorId));
    const r = L.rowOf(i);
    expect(ws.getCell(r, L.scoreCol).value).toEqual({ formula: `IF(${letter(L.resultCol)}${r}="",0,${letter(L.pointsCol)}${r})` });
    expect(ws.getCell(r, L.selfCol).dataValidation?.type).toBeDefined();
  });

  it('tongzhou: the weighted total, rounded to the decimals it can have, and the grade as a lookup of the thresholds unless the veto applies', async () => {
    const t = tableOf('tongzhou-shanghui');
    const ws = (await workbook(t)).getWorksheet('评估表')!;
    const L = xlsxLayout(t);
    const s = letter(L.scoreCol);
    expect((ws.getCell(L.rowOf(2), L.scoreCol).value as { formula: string }).formula).toBe(`ROUND(${s}${L.rowOf(0)}*0.8+${s}${L.rowOf(1)}*0.2,1)`);
    // The three written vetoes (是 in their cells below the table), and 一票否决 当 工作目标 < 75: the
    // part's own score (its leaf row), before its weight.
    const written = [0, 1, 2].map((i) => `${s}${L.vetoRow(i)}="是",`).join('');
    expect((ws.getCell(L.rowOf(3), L.scoreCol).value as { formula: string }).formula).toBe(
      `IF(OR(${written}${s}${L.rowOf(0)}<75),"",IF(ISNUMBER(${s}${L.rowOf(2)}),IF(${s}${L.rowOf(2)}>=$C$${L.gradeTable},$A$${L.gradeTable},""),""))`,
    );
    // The 自评得分 column is scores alone: only the veto on a score.
    const e = letter(L.selfCol);
    expect((ws.getCell(L.rowOf(3), L.selfCol).value as { formula: string }).formula).toBe(
      `IF(OR(${e}${L.rowOf(0)}<75),"",IF(ISNUMBER(${e}${L.rowOf(2)}),IF(${e}${L.rowOf(2)}>=$C$${L.gradeTable},$A$${L.gradeTable},""),""))`,
    );
    expect([0, 1, 2, 3].map((i) => ws.getCell(L.vetoRow(i), L.idCol).value)).toEqual(['veto:1', 'veto:2', 'veto:3', null]);
    expect(String(ws.getCell(L.vetoRow(3), 1).value)).toMatch(/^4\. /);
    expect(ws.getCell(L.gradeTable, 1).value).toBe('五好商会');
    expect(ws.getCell(L.gradeTable, 3).value).toBe(90);
  });
});

describe('docx', () => {
  it('writes an A4 document: title in 黑体, 仿宋 text, repeated header rows, merged cells, the marks', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(cishan));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect((xml.match(/<w:tblHeader\/>|<w:tblHeader w:val="true"\/>/g) ?? []).length).toBe(cishan.header.length);
    const restarts = (xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length;
    const spanned = cishan.rows.flatMap((r) => r.cells).filter((c) => c && c.rowSpan > 1).length + cishan.header.flat().filter((c) => c && c.rowSpan > 1).length;
    expect(restarts).toBe(spanned);
    expect(xml).toMatch(/<w:pgSz [^>]*w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"|<w:pgSz [^>]*w:orient="landscape"[^>]*\/>/);
    expect(xml).toContain('⚠ Σ 84 ≠ 85 · RUB201');
    expect(xml).toContain('⚠ Σ 221 ≠ 225 · RUB201');
  });
});

describe('pdf', () => {
  it('says how to install Chromium when there is none (EXP001)', async () => {
    expect(findChromium({ CHROMIUM: '/no/such/chromium' })).toBeUndefined();
    const e = await htmlToPdf('<p>x</p>', { chromium: '/no/such/chromium' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExportError);
    expect((e as ExportError).code).toBe('EXP001');
    expect((e as ExportError).render('zh-CN')).toMatch(/^EXP001: .*apt-get install chromium/);
    expect((e as ExportError).render('en')).toMatch(/^EXP001: .*apt-get install chromium/);
  });
});

it('every leaf of pingdingshan is a row of every format', async () => {
  const leaves = pds.rows.filter((r) => r.kind === 'leaf').length;
  const r = compile('rubrics/pingdingshan-2016.rubric', host).rubric!;
  expect(leaves).toBe(allIndicators(r).filter((x) => x.children.length === 0).length);
  expect(renderMarkdown(pds).split('\n').filter((l) => l.startsWith('|')).length).toBe(pds.rows.length + 2);
  const ws = (await workbook(pds)).getWorksheet('评估表')!;
  const L = xlsxLayout(pds);
  const ids = pds.rows.map((_, i) => ws.getCell(L.rowOf(i), L.idCol).value).filter((v) => v !== null && v !== undefined);
  expect(ids).toHaveLength(leaves);
});
