// Rebuilds the seed standards as the files staff actually have: Word (.docx), Excel (.xlsx) and a
// web page (.html) with the tables laid out as in the originals — merged level cells, the points
// column, the header rows, the rows a page break repeated — from a table description derived from
// the seed text (test/import/seeds/, copied out of Word: cells separated by tabs). The text shows no
// merges, so they are restored here: an empty level cell under a filled one continues it (a merged
// cell), a row with fewer cells has a cell spanning the missing columns. The few places where the
// extraction moved text are restored by hand below, each with the reason. The output is
// deterministic (fixed dates in the files and in the zip entries): run it again and nothing changes.
//   node packages/import/scripts/make-corpus.mjs        (after `pnpm build`)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, HeightRule, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { readDocument } from '../dist/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SEEDS = `${root}test/import/seeds/`;
const OUT = `${root}test/import/corpus/`;
const FIXED = new Date('2016-12-27T00:00:00Z');

/** The seeds: which file, what to call the rebuilt document, how many leading columns are levels. */
const SEED_LIST = [
  { file: '000_148925b563ff98dd.txt', name: 'jiaxing-2016', levels: 3, fix: fixJiaxing },
  { file: '001_02884ba88268a9b7.txt', name: 'tongzhou-shanghui', narrative: true },
  { file: '002_ffa2264a3df41473.txt', name: 'pingdingshan-2016', levels: 3 },
  { file: '003_fdfdab905575f397.txt', name: 'luohe-2015', narrative: true },
  { file: '004_55a4884e00d380ba.txt', name: 'yueyang', levels: 3 },
];

const c = (text, colSpan = 1) => ({ text, colSpan, rowSpan: 1 });

/**
 * 嘉兴 (seed lines 37–65). The copied text lost the merges: "规范化建设" is a cell over two rows with
 * the sub-items 评估 and 年检 beside it (line 48 came out as "年检 | | 2 | …"); "平台建设 (12 分)" is one
 * merged cell that the copy cut into "平台建" (line 49) and "设 (12 分)" (line 52); the other rows have
 * no sub-item, so their 评价指标 cell spans the unnamed sub-item column (the rows from line 52 on came
 * out with four cells); the 工作创新 row's text spans the table (line 65).
 */
function fixJiaxing(rows) {
  const out = [];
  for (const r of rows) {
    const t = r.cells.map((x) => x.text);
    if (r.line === 37 || r.line === 47) out.push({ line: r.line, cells: r.cells.map((x) => c(x.text)) });
    else if (r.line === 48) out.push({ line: r.line, cells: [c(''), c(''), c(t[0]), c(t[2]), c(t[3])] });
    else if (r.line === 49) out.push({ line: r.line, cells: [c('平台建设 (12 分)'), c(t[1], 2), c(t[3]), c(t[4])] });
    else if (r.line === 52) out.push({ line: r.line, cells: [c(''), c(t[1], 2), c(t[2]), c(t[3])] });
    else if (r.line === 65) out.push({ line: r.line, cells: [c(t[0]), c(t[1], 4)] });
    else if (t.length === 4) out.push({ line: r.line, cells: [c(t[0]), c(t[1], 2), c(t[2]), c(t[3])] });
    else out.push({ line: r.line, cells: [c(t[0]), c(t[1], 2), c(t[3]), c(t[4])] });
  }
  return out;
}

/** Rows of equal width: a short row's first cell spans the columns it lacks (总计, 特别加分, headers). */
function widen(rows, width) {
  return rows.map((r) => {
    const w = r.cells.reduce((a, x) => a + x.colSpan, 0);
    if (w >= width) return r;
    const [first, ...rest] = r.cells;
    return { ...r, cells: [{ ...first, colSpan: first.colSpan + width - w }, ...rest] };
  });
}

/** Grid positions of the cells of each row. */
function positions(rows) {
  return rows.map((r) => {
    let col = 0;
    return r.cells.map((x) => {
      const at = col;
      col += x.colSpan;
      return at;
    });
  });
}

/**
 * Vertical merges: an empty cell in a level column continues the filled cell above it while every
 * column to its left continues too.
 */
function mergeDown(rows, header, columns) {
  const pos = positions(rows);
  const cellAt = (r, col) => {
    const i = pos[r].indexOf(col);
    return i < 0 ? undefined : rows[r].cells[i];
  };
  const removed = rows.map(() => new Set());
  for (const col of columns) {
    for (let r = header; r < rows.length; r++) {
      const top = cellAt(r, col);
      if (!top || top.text.trim() === '' || removed[r].has(col)) continue;
      let span = 1;
      for (let k = r + 1; k < rows.length; k++) {
        const below = cellAt(k, col);
        if (!below || below.text.trim() !== '' || below.colSpan !== top.colSpan) break;
        const leftEmpty = pos[k].every((x, j) => x >= col || removed[k].has(x) || rows[k].cells[j].text.trim() === '');
        if (!leftEmpty) break;
        span++;
        removed[k].add(col);
      }
      top.rowSpan = span;
    }
  }
  return rows.map((r, i) => ({ ...r, cells: r.cells.filter((_, j) => !removed[i].has(pos[i][j])) }));
}

/** The seed as a list of paragraphs and tables with spans. */
async function describe(seed) {
  const bytes = new Uint8Array(readFileSync(SEEDS + seed.file));
  const doc = await readDocument(bytes, seed.file);
  const blocks = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      blocks.push({ p: b.text });
      continue;
    }
    let rows = b.table.rows;
    if (seed.narrative) {
      for (const r of rows) blocks.push({ p: r.cells.map((x) => x.text).join(' ') });
      continue;
    }
    if (seed.fix) rows = seed.fix(rows);
    const counts = new Map();
    for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    const width = Math.max(...rows.map((r) => r.cells.reduce((a, x) => a + x.colSpan, 0)), [...counts].sort((a, b) => b[1] - a[1])[0][0]);
    // Header rows: the rows before the first row with a number in it.
    const header = Math.max(1, rows.findIndex((r) => r.cells.some((x) => /^\s*\d+(\.\d+)?\s*$/.test(x.text))) - 1);
    // Rows of one text after the table (signature lines) are paragraphs under it.
    const tail = [];
    while (rows.length > 0 && rows[rows.length - 1].cells.filter((x) => x.text.trim() !== '').length <= 1 && !rows[rows.length - 1].cells.some((x) => /\d/.test(x.text) && !/年\s+月/.test(x.text))) tail.unshift(rows.pop());
    rows = widen(rows.map((r) => ({ ...r, cells: r.cells.map((x) => ({ ...x })) })), width);
    const levelCols = Array.from({ length: seed.levels }, (_, i) => i);
    rows = mergeDown(rows, header, levelCols);
    blocks.push({ table: { rows, width, header } });
    for (const r of tail) blocks.push({ p: r.cells.map((x) => x.text.trim()).filter((t) => t !== '').join(' ') });
  }
  return blocks;
}

// ---- writers ------------------------------------------------------------------------------

const FONT = 'SimSun';

function docxParagraphs(text, opts = {}) {
  return text.split('\n').map((line) => new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: line, font: FONT, size: opts.size ?? 21, bold: opts.bold })] }));
}

/** Writing width of an A4 page in twentieths of a point: landscape for tables of many columns. */
const PAGE_WIDTH = (columns) => (columns > 6 ? 13900 : 9000);

async function writeDocx(blocks, path) {
  const landscape = blocks.some((b) => b.table && b.table.width > 6);
  const children = [];
  for (const b of blocks) {
    if (b.p !== undefined) {
      children.push(...docxParagraphs(b.p));
      continue;
    }
    const { rows, width, header } = b.table;
    // Column widths in proportion to the text they hold, as a person would drag them.
    const chars = Array.from({ length: width }, () => 0);
    for (const r of rows) positions([r])[0].forEach((at, j) => {
      const x = r.cells[j];
      if (x.colSpan === 1) chars[at] = Math.max(chars[at], Math.min(60, ...x.text.split('\n').map((l) => l.length)));
    });
    const total = PAGE_WIDTH(width);
    const weights = chars.map((n) => Math.max(3, Math.sqrt(n + 1)));
    const sum = weights.reduce((a, w) => a + w, 0);
    const columnWidths = weights.map((w) => Math.round((total * w) / sum));
    children.push(
      new Table({
        columnWidths,
        width: { size: total, type: WidthType.DXA },
        rows: rows.map(
          (r, i) =>
            new TableRow({
              tableHeader: i < header,
              cantSplit: true,
              height: { value: 300, rule: HeightRule.ATLEAST },
              children: r.cells.map(
                (x) =>
                  new TableCell({
                    columnSpan: x.colSpan,
                    rowSpan: x.rowSpan,
                    verticalAlign: VerticalAlign.CENTER,
                    children: docxParagraphs(x.text, { center: x.text.length < 16, bold: i < header }),
                  }),
              ),
            }),
        ),
      }),
    );
  }
  const doc = new Document({
    creator: 'rubric corpus',
    title: path.replace(/^.*\//, ''),
    sections: [{ properties: { page: { size: { orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT } } }, children }],
  });
  return normaliseZip(new Uint8Array(await Packer.toBuffer(doc)));
}

async function writeXlsx(blocks) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rubric corpus';
  wb.created = FIXED;
  wb.modified = FIXED;
  // One sheet per table. Text before the first table goes above it; later, the last text before a
  // table that names it (its title) goes above it, and the rest below the table before.
  const titleLike = (p) => /指标|细则|办法|标准/.test(p) && p.length < 60;
  let ws;
  let width = 5;
  let r = 0;
  let pending = [];
  const textRow = (p, title) => {
    r++;
    ws.getCell(r, 1).value = p;
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).alignment = title ? { horizontal: 'center' } : { wrapText: true };
    if (title) ws.getCell(r, 1).font = { bold: true, size: 14 };
  };
  for (const b of blocks) {
    if (b.p !== undefined) {
      pending.push(b.p);
      continue;
    }
    const { rows } = b.table;
    let cut = 0;
    if (ws) {
      let t = pending.length - 1;
      while (t >= 0 && !titleLike(pending[t])) t--;
      cut = Math.max(t, 0);
      for (const p of pending.slice(0, cut)) textRow(p, false);
    }
    ws = wb.addWorksheet(`表${wb.worksheets.length + 1}`, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    width = b.table.width;
    r = 0;
    for (const p of pending.slice(cut)) textRow(p, titleLike(p));
    pending = [];
    const taken = new Set();
    const top = r + 1;
    const placed = [];
    rows.forEach((row, i) => {
      let col = 1;
      for (const x of row.cells) {
        while (taken.has(`${top + i}:${col}`)) col++;
        placed.push({ i, at: col - 1, x });
        const cell = ws.getCell(top + i, col);
        cell.value = /^\d+(\.\d+)?$/.test(x.text.trim()) ? Number(x.text.trim()) : x.text;
        cell.alignment = { wrapText: true, vertical: 'middle' };
        cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
        if (x.colSpan > 1 || x.rowSpan > 1) ws.mergeCells(top + i, col, top + i + x.rowSpan - 1, col + x.colSpan - 1);
        for (let dr = 0; dr < x.rowSpan; dr++) for (let dc = 0; dc < x.colSpan; dc++) taken.add(`${top + i + dr}:${col + dc}`);
        col += x.colSpan;
      }
    });
    r = top + rows.length - 1;
    // Column widths from the text they hold (a Chinese character is about two units wide), and row
    // heights for the lines the wrapped text takes, as Excel would show them after a double-click.
    const units = (t) => [...t].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    const widths = Array.from({ length: width }, () => 6);
    for (const { at, x } of placed) if (x.colSpan === 1) widths[at] = Math.min(44, Math.max(widths[at], ...x.text.split('\n').map((l) => units(l) + 2)));
    widths.forEach((w, k) => (ws.getColumn(k + 1).width = w));
    const lines = rows.map(() => 1);
    for (const { i, at, x } of placed) {
      if (x.rowSpan > 1) continue;
      const w = widths.slice(at, at + x.colSpan).reduce((a, b) => a + b, 0);
      lines[i] = Math.max(lines[i], x.text.split('\n').reduce((a, l) => a + Math.max(1, Math.ceil(units(l) / Math.max(1, w - 1))), 0));
    }
    lines.forEach((n, i) => (ws.getRow(top + i).height = 15 * n));
  }
  for (const p of pending) textRow(p, false);
  return normaliseZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function writeHtml(blocks, title) {
  const out = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head><meta charset="utf-8">', `<title>${esc(title)}</title>`, '<style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 4px;vertical-align:middle}</style>', '</head>', '<body>'];
  for (const b of blocks) {
    if (b.p !== undefined) {
      out.push(`<p class="MsoNormal">${esc(b.p)}</p>`);
      continue;
    }
    out.push('<table class="MsoTableGrid">');
    b.table.rows.forEach((row, i) => {
      const tag = i < b.table.header ? 'th' : 'td';
      out.push(`<tr>${row.cells.map((x) => `<${tag}${x.colSpan > 1 ? ` colspan="${x.colSpan}"` : ''}${x.rowSpan > 1 ? ` rowspan="${x.rowSpan}"` : ''}>${x.text.split('\n').map(esc).join('<br>')}</${tag}>`).join('')}</tr>`);
    });
    out.push('</table>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** The same zip with fixed dates inside (docProps) and on every entry, so that builds are repeatable. */
function normaliseZip(bytes) {
  const files = unzipSync(bytes);
  const out = {};
  for (const [name, data] of Object.entries(files)) {
    let d = data;
    if (name === 'docProps/core.xml') {
      const xml = new TextDecoder().decode(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${FIXED.toISOString().replace(/\.\d+Z$/, 'Z')}$2`);
      d = new TextEncoder().encode(xml);
    }
    out[name] = [d, { mtime: FIXED, level: 6 }];
  }
  return zipSync(out);
}

mkdirSync(OUT, { recursive: true });
for (const seed of SEED_LIST) {
  const blocks = await describe(seed);
  const title = blocks.find((b) => b.p && /指标|细则|办法|意见/.test(b.p))?.p ?? seed.name;
  writeFileSync(`${OUT}${seed.name}.docx`, await writeDocx(blocks, `${seed.name}.docx`));
  writeFileSync(`${OUT}${seed.name}.html`, writeHtml(blocks, title));
  if (!seed.narrative) writeFileSync(`${OUT}${seed.name}.xlsx`, await writeXlsx(blocks));
  console.log(`${seed.name}: ${blocks.filter((b) => b.table).length} table(s), ${blocks.filter((b) => b.p).length} paragraph(s)`);
}
