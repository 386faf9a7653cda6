// The table as an Excel workbook (exceljs), laid out as the published table and usable as the
// assessment form:
// - sheet 评估表: the title, the header rows, one row per leaf with the level cells merged as in the
//   model, the input cells (评估结果, 自评得分, 评估得分) with data validation (band drop-downs,
//   numeric ranges, the score step), the total (parts weighted), the bonuses summed apart, the total
//   with bonuses (penalties taken away, at most the cap) and the grade (of the total, or of the final
//   score with 等级含加分; none when a veto on a score applies, or a written veto's cell says 是) as
//   formulas, then the grade thresholds, the vetoes (a written one beside its 是/否 input cell), notes
//   and problems;
//   a hidden last column holds each row's indicator id, for reading the form back;
// - sheet 各级小计: one row per parent, its self-assessed and assessed subtotal as a SUM of its
//   children's cells (leaf cells on the first sheet, child subtotals on this one);
// - a hidden sheet of drop-down lists.
// Cells whose score exceeds the points beside them turn red (conditional formatting); cells the
// checker marked are filled red, say what is wrong, and carry it as a comment. The header is frozen,
// and the sheets print on A4, fitted to the width, with the header rows repeated.
//
// A leaf's 评估得分 stays an input cell unless `leafScoreFormula` hands it a formula (computed from
// the row's own cells, e.g. its 评估结果), so a score plan can plug in without changing the layout.
import ExcelJS from 'exceljs';
import type { Decimal, IntervalIR, RowInput, Table, TableCell, TableRef, TableRow } from '@rubric/core';
import { cellSeverity, displayWidth, markLabel, markLines, pageLayout, where } from './layout.js';
import { exportWord, type ExportWordId } from './words.js';

/** Addresses of a leaf row's cells, for a formula that computes its score. */
export interface LeafCells {
  /** The sheet row (1-based). */
  row: number;
  points: string;
  /** The 评估结果 cell, when the table has that column. */
  result: string | null;
  self: string;
  score: string;
}

export interface XlsxOptions {
  /** A formula (without `=`) for a leaf's 评估得分 cell; undefined keeps it an input cell. */
  leafScoreFormula?: (row: TableRow, cells: LeafCells) => string | undefined;
}

/**
 * The one place a point becomes a binary number: spreadsheet cells hold IEEE doubles. The decimal's
 * own text round-trips through Number, so the file stores exactly the decimal that was written.
 */
function num(d: Decimal): number {
  return Number(d.toString());
}

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const quote = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

interface Ref {
  sheet: string | null;
  col: number;
  row: number;
}

/** `SUM(...)` of cells, consecutive rows of one column written as a range, nested past 200 arguments. */
function sumOf(refs: Ref[], here: string | null): string {
  if (refs.length === 0) return '0';
  const args: string[] = [];
  for (let i = 0; i < refs.length; ) {
    let j = i;
    while (j + 1 < refs.length && refs[j + 1]!.sheet === refs[i]!.sheet && refs[j + 1]!.col === refs[i]!.col && refs[j + 1]!.row === refs[j]!.row + 1) j++;
    const a = refs[i]!;
    const prefix = a.sheet !== null && a.sheet !== here ? `${quote(a.sheet)}!` : '';
    args.push(j > i ? `${prefix}${letter(a.col)}${a.row}:${letter(a.col)}${refs[j]!.row}` : `${prefix}${letter(a.col)}${a.row}`);
    i = j + 1;
  }
  const nest = (xs: string[]): string => (xs.length <= 200 ? `SUM(${xs.join(',')})` : nest(chunks(xs, 200).map((c) => `SUM(${c.join(',')})`)));
  return nest(args);
}

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

const RED = 'FFC00000';
const MARK_FILL = 'FFFDE4E4';
const WARN_FILL = 'FFFFF2CC';
const INPUT_FILL = 'FFFFFDE7';
const HEAD_FILL = 'FFEEEEEE';
const BODY_FONT = '仿宋';
const HEAD_FONT = '黑体';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function renderXlsx(table: Table, opts: XlsxOptions = {}): Promise<Uint8Array> {
  const locale = table.locale;
  const w = (id: ExportWordId, args: Record<string, string> = {}): string => exportWord(id, locale, args);
  const page = pageLayout(table);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rubric';
  wb.calcProperties.fullCalcOnLoad = true;

  const L = xlsxLayout(table);
  const { mainName, subName, idCol, pointsCol, resultCol, selfCol, scoreCol, D, S0, subCols } = L;
  const ws = wb.addWorksheet(mainName);
  const sub = wb.addWorksheet(subName);
  const lists = wb.addWorksheet(w('sheet.lists'), { state: 'hidden' });
  const ncols = table.columns.length;
  const H = table.header.length;

  const bodyFont = { name: BODY_FONT, size: page.fontPt };
  const headFont = { name: HEAD_FONT, size: page.fontPt, bold: true };
  const lineHeight = page.fontPt * 1.4;

  // Widths: the model's, in CJK characters (about two spreadsheet width units each), narrowed as the
  // docx and html pages narrow them, so that the sheet prints on A4 near full size and wraps instead.
  const fit = page.orientation === 'landscape' ? 84 : 56;
  const sum = table.columns.reduce((n, c) => n + c.width, 0);
  const chars = table.columns.map((c) => Math.max(3.5, c.width * Math.min(1, fit / Math.max(1, sum))));
  chars.forEach((n, i) => {
    ws.getColumn(i + 1).width = n * 2 + 1.5;
  });
  const idColumn = ws.getColumn(idCol);
  idColumn.hidden = true;
  idColumn.width = 12;

  // Title.
  ws.mergeCells(1, 1, 1, ncols);
  const title = ws.getCell(1, 1);
  title.value = table.title;
  title.font = { name: HEAD_FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 30;

  // Header rows.
  table.header.forEach((hr, h) =>
    hr.forEach((cell, c) => {
      if (!cell) return;
      const x = ws.getCell(2 + h, c + 1);
      x.value = cell.lines.join('\n');
      x.font = headFont;
      x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD_FILL } };
      if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(2 + h, c + 1, 2 + h + cell.rowSpan - 1, c + cell.colSpan);
    }),
  );
  for (let h = 0; h < H; h++) {
    for (let c = 1; c <= ncols; c++) ws.getCell(2 + h, c).border = BORDER;
    ws.getRow(2 + h).height = lineHeight * 1.4;
  }
  ws.getCell(2, idCol).value = 'id';

  // Table cells: text, marks (red, and as a comment), merges.
  const writeCell = (r: number, c: number, cell: TableCell, row: TableRow): void => {
    const x = ws.getCell(r, c + 1);
    const marks = markLines(cell);
    const numeric = cell.role === 'points' && row.points !== null && cell.lines.length === 1 && cell.lines[0] === row.points.toString();
    if (numeric && marks.length === 0) x.value = num(row.points!);
    else if (marks.length === 0) x.value = cell.lines.join('\n');
    else {
      const text = cell.lines.join('\n');
      x.value = {
        richText: [
          ...(text ? [{ text: `${text}\n`, font: bodyFont }] : []),
          { text: marks.map(markLabel).join('\n'), font: { ...bodyFont, bold: true, color: { argb: RED } } },
        ],
      };
    }
    const sev = cellSeverity(cell);
    if (sev) {
      x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: sev === 'error' ? MARK_FILL : WARN_FILL } };
      x.note = [...cell.marks.map((m) => `${m.code} ${where(m)} ${m.message}`)].join('\n') || marks.map((m) => `${m.code} ${m.text}`).join('\n');
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) ws.mergeCells(r, c + 1, r + cell.rowSpan - 1, c + cell.colSpan);
  };

  // Heights: the lines each cell needs at its width, merged cells spread over their rows.
  const widthOf = (c: number, span: number): number => chars.slice(c, c + span).reduce((n, x) => n + x, 0);
  const linesOf = (cell: TableCell, c: number): number => {
    // The 评估结果 cells are left empty for the assessor (their printed hints are in the prompt).
    if (cell.role === 'result') return 1;
    const width = Math.max(1, widthOf(c, cell.colSpan) - 0.5);
    const text = [...cell.lines, ...markLines(cell).map(markLabel)];
    return text.reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / width)), 0);
  };
  const need = table.rows.map((row) => Math.max(1, ...row.cells.map((cell, c) => (cell && cell.rowSpan === 1 ? linesOf(cell, c) : 1))));
  table.rows.forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      if (!cell || cell.rowSpan === 1) return;
      const have = need.slice(i, i + cell.rowSpan).reduce((a, b) => a + b, 0);
      const want = linesOf(cell, c);
      if (want > have) need[i + cell.rowSpan - 1]! += want - have;
    }),
  );

  // Leaf and summary rows.
  const leafRef = (i: number, col: number): Ref => ({ sheet: mainName, col, row: D + i });
  const groupRef = (g: number, col: number): Ref => ({ sheet: subName, col, row: S0 + g });
  const refOf = (x: TableRef, role: 'self' | 'score'): Ref =>
    'row' in x ? leafRef(x.row, role === 'self' ? selfCol : scoreCol) : groupRef(x.group, role === 'self' ? subCols.self : subCols.score);
  const at = (ref: Ref, here: string): string => `${ref.sheet !== here ? `${quote(ref.sheet!)}!` : ''}${letter(ref.col)}${ref.row}`;

  // Sums of scores in steps of 0.5 or 0.1 are exact decimals, but a spreadsheet adds binary doubles
  // (0.1 + 0.2 gives 0.30000000000000004): every computed cell is rounded to the digits its exact
  // value can have, so that comparisons with thresholds (the grade) see the decimal.
  const digits = table.step.decimals;
  const totalDigits = digits + Math.max(0, ...table.total.terms.map((t) => t.weight?.decimals ?? 0));
  const rounded = (f: string, d: number): string => (d > 0 ? `ROUND(${f},${d})` : f);
  const capped = (f: string): string => (table.cap !== null ? `MIN(${f},${table.cap.toString()})` : f);

  const listCache = new Map<string, string>();
  const listRange = (labels: string[]): string => {
    const key = labels.join('\u0000');
    const hit = listCache.get(key);
    if (hit) return hit;
    const col = listCache.size + 1;
    labels.forEach((l, i) => {
      lists.getCell(i + 1, col).value = l;
    });
    const range = `${quote(lists.name)}!$${letter(col)}$1:$${letter(col)}$${labels.length}`;
    listCache.set(key, range);
    return range;
  };

  const totalRowIndex = table.rows.findIndex((r) => r.kind === 'total');
  const finalRowIndex = table.rows.findIndex((r) => r.kind === 'final');
  const gradeStart = L.gradeTable - 2; // heading row of the grade thresholds

  table.rows.forEach((row, i) => {
    const r = D + i;
    row.cells.forEach((cell, c) => {
      if (cell) writeCell(r, c, cell, row);
    });
    for (let c = 1; c <= ncols; c++) {
      const x = ws.getCell(r, c);
      x.border = BORDER;
      const role = table.columns[c - 1]!.role;
      if (!(x.value && typeof x.value === 'object' && 'richText' in x.value)) x.font = row.kind === 'leaf' ? bodyFont : { ...bodyFont, bold: true };
      const centred = role === 'points' || role === 'self' || role === 'score' || (row.kind !== 'leaf' && role === 'level');
      x.alignment = { wrapText: true, vertical: 'middle', horizontal: centred ? 'center' : 'left' };
    }
    ws.getRow(r).height = need[i]! * lineHeight + 4;
    if (row.indicatorId !== null) ws.getCell(r, idCol).value = row.indicatorId;

    if (row.kind === 'leaf') {
      const cells: LeafCells = {
        row: r,
        points: `${letter(pointsCol)}${r}`,
        result: resultCol > 0 ? `${letter(resultCol)}${r}` : null,
        self: `${letter(selfCol)}${r}`,
        score: `${letter(scoreCol)}${r}`,
      };
      const formula = opts.leafScoreFormula?.(row, cells);
      for (const col of [selfCol, scoreCol]) {
        const x = ws.getCell(r, col);
        if (col === scoreCol && formula !== undefined) {
          x.value = { formula };
          continue;
        }
        x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
        x.dataValidation = scoreValidation(row, `${letter(col)}${r}`, w);
      }
      if (resultCol > 0) {
        const x = ws.getCell(r, resultCol);
        const v = resultInput(row.inputs, w, listRange, `${letter(resultCol)}${r}`);
        if (v) {
          x.value = null;
          x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
          if (v.validation) x.dataValidation = v.validation;
          if (v.note) x.note = v.note;
          if (v.numFmt) x.numFmt = v.numFmt;
        }
      }
      return;
    }
    // Summary rows: formulas in both score columns.
    for (const [col, role] of [
      [selfCol, 'self'],
      [scoreCol, 'score'],
    ] as const) {
      const x = ws.getCell(r, col);
      const here = mainName;
      if (row.kind === 'total') {
        const plain = table.total.terms.filter((t) => t.weight === null).map((t) => refOf(t.ref, role));
        const weighted = table.total.terms.filter((t) => t.weight !== null).map((t) => `${at(refOf(t.ref, role), here)}*${t.weight!.toString()}`);
        const parts = [...(plain.length > 0 || weighted.length === 0 ? [sumOf(plain, here)] : []), ...weighted];
        x.value = { formula: rounded(weighted.length > 0 ? parts.join('+') : parts[0]!, totalDigits) };
      } else if (row.kind === 'final') {
        // The total, plus bonuses, minus penalties, at most the cap (as rubric score counts it).
        const base = totalRowIndex >= 0 ? `${letter(col)}${D + totalRowIndex}` : '0';
        const bonus = table.bonuses.filter((b) => !isPenalty(table, b)).map((b) => refOf(b, role));
        const penalty = table.bonuses.filter((b) => isPenalty(table, b)).map((b) => refOf(b, role));
        const sum = `${base}+${sumOf(bonus, here)}${penalty.length > 0 ? `-${sumOf(penalty, here)}` : ''}`;
        x.value = { formula: rounded(capped(sum), totalDigits) };
      } else if (row.kind === 'grade') {
        // The grade reads the total, or the final score with 等级含加分.
        const total = totalRowIndex >= 0 ? `${letter(col)}${D + totalRowIndex}` : '0';
        const on = !table.gradesWithBonus ? total : finalRowIndex >= 0 ? `${letter(col)}${D + finalRowIndex}` : capped(total);
        // A veto on a score (一票否决 当 X < 75) leaves no grade.
        // A written veto whose cell says 是 leaves no grade in the 评估得分 column (the 自评得分 column
        // is the organisation's own scores, read without vetoes, as rubric score reads it).
        const vetoes = table.vetoes.flatMap((v, k) =>
          v.when ? [`${at(refOf(v.when.ref, role), here)}${v.when.op}${v.when.value.toString()}`]
          : role === 'score' ? [`${letter(scoreCol)}${L.vetoRow(k)}=${str(w('yes'))}`]
          : [],
        );
        const grade = gradeFormula(table, on, L.gradeTable);
        x.value = { formula: vetoes.length > 0 ? `IF(OR(${vetoes.join(',')}),"",${grade})` : grade };
      }
    }
  });

  // Over-the-points scores turn red: one rule over both score columns, relative to each row.
  const last = D + table.rows.length - 1;
  if (table.rows.length > 0) {
    const first = `${letter(selfCol)}${D}`;
    ws.addConditionalFormatting({
      ref: `${letter(selfCol)}${D}:${letter(scoreCol)}${last}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`AND(ISNUMBER(${first}),ISNUMBER($${letter(pointsCol)}${D}),${first}>$${letter(pointsCol)}${D})`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF9999' } }, font: { color: { argb: 'FF9C0006' }, bold: true } },
        },
      ],
    });
  }

  // After the table: grade thresholds, vetoes, notes, problems.
  let r = gradeStart;
  const heading = (text: string): void => {
    ws.mergeCells(r, 1, r, ncols);
    const x = ws.getCell(r, 1);
    x.value = text;
    x.font = { ...headFont, size: page.fontPt + 1 };
    ws.getRow(r).height = lineHeight * 1.3;
    r++;
  };
  const paragraph = (text: string, red = false, cols = ncols): void => {
    if (cols > 1) ws.mergeCells(r, 1, r, cols);
    const x = ws.getCell(r, 1);
    x.value = text;
    x.font = red ? { ...bodyFont, color: { argb: RED } } : bodyFont;
    x.alignment = { wrapText: true, vertical: 'top' };
    const width = Math.max(1, widthOf(0, cols) - 1);
    ws.getRow(r).height = Math.max(1, Math.ceil(displayWidth(text) / width)) * lineHeight + 4;
    r++;
  };
  if (table.grades.length > 0) {
    heading(table.words.grades);
    const head = [w('grades.name'), w('grades.condition'), w('grades.low'), w('grades.high')];
    head.forEach((h, i) => {
      const x = ws.getCell(r, i + 1);
      x.value = h;
      x.font = headFont;
      x.border = BORDER;
      x.alignment = { horizontal: 'center' };
    });
    r++;
    for (const g of table.grades) {
      const values = [g.name, g.condition, g.scores.low ? num(g.scores.low.value) : null, g.scores.high ? num(g.scores.high.value) : null];
      values.forEach((v, i) => {
        const x = ws.getCell(r, i + 1);
        x.value = v;
        x.font = bodyFont;
        x.border = BORDER;
        x.alignment = { horizontal: i === 0 ? 'left' : 'center', wrapText: true };
      });
      if (g.marks.length > 0) ws.getCell(r, 1).note = g.marks.map((m) => `${m.code} ${m.message}`).join('\n');
      r++;
    }
    r++;
  }
  if (table.vetoes.length > 0) {
    heading(table.words.vetoes);
    table.vetoes.forEach((v, i) => {
      const text = `${i + 1}. ${v.text}${v.marks.map((m) => `  ${markLabel({ code: m.code, text: m.message })}`).join('')}`;
      if (v.when) return paragraph(text, v.marks.length > 0);
      // A written veto: its text beside a 是/否 cell in the 评估得分 column, its input key in the id column.
      if (r !== L.vetoRow(i)) throw new Error(`veto row ${r} is not the layout's ${L.vetoRow(i)}`);
      paragraph(text, v.marks.length > 0, scoreCol - 1);
      const x = ws.getCell(r - 1, scoreCol);
      const prompt = w('prompt.veto', { text: v.text }).slice(0, 250);
      x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
      x.border = BORDER;
      x.font = bodyFont;
      x.alignment = { horizontal: 'center', vertical: 'middle' };
      x.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: w('error.title'), formulae: [str(`${w('yes')},${w('no')}`)], error: prompt, prompt };
      ws.getCell(r - 1, idCol).value = L.vetoKey(i);
    });
    r++;
  }
  if (table.notes.length > 0) {
    heading(table.words.notes);
    for (const n of table.notes) paragraph(n);
    r++;
  }
  if (table.allMarks.length > 0) {
    heading(table.words.problems);
    table.allMarks.forEach((m, i) => paragraph(`${i + 1}. ${m.code} ${where(m)} ${m.message}`, m.severity === 'error'));
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: H + 1, topLeftCell: `A${D}`, activeCell: `A${D}` }];
  ws.pageSetup = {
    paperSize: 9 as ExcelJS.PaperSize, // A4
    orientation: page.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `2:${H + 1}`,
    printArea: `A1:${letter(ncols)}${Math.max(r, last)}`,
  };
  ws.headerFooter = { oddFooter: `&C${w('page')}` };

  // Subtotal sheet.
  sub.getColumn(1).width = 60;
  for (const c of [2, 3, 4]) sub.getColumn(c).width = 12;
  sub.getColumn(5).width = 30;
  const subId = sub.getColumn(subCols.id);
  subId.hidden = true;
  subId.width = 12;
  sub.getCell(2, subCols.id).value = 'id';
  sub.mergeCells(1, 1, 1, 5);
  const st = sub.getCell(1, 1);
  st.value = w('subtotals.title', { title: table.title });
  st.font = { name: HEAD_FONT, size: 14, bold: true };
  st.alignment = { horizontal: 'center' };
  [w('subtotals.indicator'), w('subtotals.points'), w('subtotals.self'), w('subtotals.score'), w('subtotals.check')].forEach((h, i) => {
    const x = sub.getCell(2, i + 1);
    x.value = h;
    x.font = headFont;
    x.border = BORDER;
    x.alignment = { horizontal: 'center', vertical: 'middle' };
    x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD_FILL } };
  });
  table.groups.forEach((g, gi) => {
    const row = S0 + gi;
    const name = sub.getCell(row, 1);
    name.value = `${'　'.repeat(g.level - 1)}${g.code ? `${g.code} ` : ''}${g.title}`;
    const pts = sub.getCell(row, 2);
    pts.value = g.points !== null ? num(g.points) : null;
    for (const role of ['self', 'score'] as const) {
      sub.getCell(row, subCols[role]).value = { formula: rounded(sumOf(g.children.map((x) => refOf(x, role)), subName), digits) };
    }
    sub.getCell(row, subCols.id).value = g.indicatorId;
    const check = sub.getCell(row, 5);
    const marks = markLines({ marks: g.marks, subtotal: g.subtotal });
    if (marks.length > 0) {
      check.value = marks.map(markLabel).join('\n');
      check.font = { ...bodyFont, color: { argb: RED }, bold: true };
      pts.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL } };
      pts.note = g.marks.map((m) => `${m.code} ${where(m)} ${m.message}`).join('\n');
    }
    for (let c = 1; c <= 5; c++) {
      const x = sub.getCell(row, c);
      x.border = BORDER;
      if (c !== 5 || marks.length === 0) x.font = g.level === 1 ? { ...bodyFont, bold: true } : bodyFont;
      x.alignment = { vertical: 'middle', wrapText: true, horizontal: c >= 2 && c <= 4 ? 'center' : 'left' };
    }
  });
  if (table.groups.length > 0) {
    const lastSub = S0 + table.groups.length - 1;
    sub.addConditionalFormatting({
      ref: `C${S0}:D${lastSub}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`AND(ISNUMBER(C${S0}),ISNUMBER($B${S0}),C${S0}>$B${S0})`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF9999' } }, font: { color: { argb: 'FF9C0006' }, bold: true } },
        },
      ],
    });
  }
  sub.views = [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: `A${S0}`, activeCell: `A${S0}` }];
  sub.pageSetup = { paperSize: 9 as ExcelJS.PaperSize, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  sub.headerFooter = { oddFooter: `&C${w('page')}` };

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Where things are in the workbook renderXlsx writes: what a reader of the filled form needs. */
export interface XlsxLayout {
  mainName: string;
  subName: string;
  /** Columns (1-based); resultCol is 0 when the table has no 评估结果 column. */
  pointsCol: number;
  resultCol: number;
  selfCol: number;
  scoreCol: number;
  /** The hidden column holding each leaf row's indicator id. */
  idCol: number;
  /** Sheet row of table row 0, and of the subtotal sheet's first group. */
  D: number;
  S0: number;
  subCols: { points: number; self: number; score: number; check: number; id: number };
  /** Sheet row of table row i. */
  rowOf(i: number): number;
  /** First row of the grade thresholds (one row per grade, in order). */
  gradeTable: number;
  /** Sheet row of veto i (0-based, as in the table) in the list of vetoes after the table. */
  vetoRow(i: number): number;
  /**
   * The input key in the id column of a written veto's row (`veto:N`, N counting every veto of the
   * rubric, as core's inputs do); its 是/否 cell is in the 评估得分 column.
   */
  vetoKey(i: number): string;
}

export function xlsxLayout(table: Table): XlsxLayout {
  const w = (id: ExportWordId): string => exportWord(id, table.locale);
  const colOf = (role: string): number => table.columns.findIndex((c) => c.role === role) + 1;
  const D = table.header.length + 2;
  const gradeTable = D + table.rows.length + 3;
  return {
    mainName: w('sheet.table'),
    subName: w('sheet.subtotals'),
    pointsCol: colOf('points'),
    resultCol: colOf('result'),
    selfCol: colOf('self'),
    scoreCol: colOf('score'),
    idCol: table.columns.length + 1,
    D,
    S0: 3,
    subCols: { points: 2, self: 3, score: 4, check: 5, id: 6 },
    rowOf: (i) => D + i,
    gradeTable,
    // After the grade thresholds (a heading, a header row, one row per grade, a blank row): a heading.
    vetoRow: (i) => gradeTable - 2 + (table.grades.length > 0 ? table.grades.length + 3 : 0) + 1 + i,
    vetoKey: (i) => `veto:${i + 1}`,
  };
}

type Words = (id: ExportWordId, args?: Record<string, string>) => string;

/** A score cell: within the leaf's reachable min and max, in steps of the rubric's step. */
function scoreValidation(row: TableRow, ref: string, w: Words): ExcelJS.DataValidation {
  const min = row.min;
  const max = row.max;
  const step = row.step;
  const prompt =
    min !== null && max !== null
      ? w('prompt.range', { min: min.toString(), max: max.toString(), step: step.toString() })
      : w('prompt.from', { min: (min ?? '-∞').toString(), step: step.toString() });
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: w('error.title'), error: prompt, promptTitle: w('prompt.score'), prompt };
  const whole = step.toString() === '1' && (min === null || min.decimals === 0) && (max === null || max.decimals === 0);
  if (whole && min !== null) {
    return max !== null
      ? { ...common, type: 'whole', operator: 'between', formulae: [num(min), num(max)] }
      : { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [num(min)] };
  }
  const conds = [`ISNUMBER(${ref})`];
  if (min !== null) conds.push(`${ref}>=${min.toString()}`);
  if (max !== null) conds.push(`${ref}<=${max.toString()}`);
  conds.push(`ABS(${ref}/${step.toString()}-ROUND(${ref}/${step.toString()},0))<0.000001`);
  return { ...common, type: 'custom', formulae: [`AND(${conds.join(',')})`] };
}

/**
 * The 评估结果 cell of a leaf that records something besides its score: validated when it is one
 * thing (a band, a count, a measured value, a yes/no); when it is several, a comment lists them.
 */
function resultInput(
  inputs: RowInput[],
  w: Words,
  listRange: (labels: string[]) => string,
  ref: string,
): { validation?: ExcelJS.DataValidation; note?: string; numFmt?: string } | undefined {
  const own = inputs.filter((i) => i.kind !== 'score');
  if (own.length === 0) return undefined;
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop', errorTitle: w('error.title') };
  if (own.length > 1) {
    const list = own.map((i) => (i.kind === 'label' ? i.labels.join('/') : i.kind === 'count' ? i.unit : i.kind === 'measure' ? i.measure : i.kind === 'gate' || i.kind === 'base' ? i.text : ''));
    return { note: w('prompt.inputs', { list: list.join('；') }) };
  }
  const i = own[0]!;
  switch (i.kind) {
    case 'label': {
      const prompt = w('prompt.label');
      return { validation: { ...common, type: 'list', formulae: [listRange(i.labels)], error: prompt, prompt: prompt } };
    }
    case 'gate':
    case 'base': {
      const prompt = w(i.kind === 'gate' ? 'prompt.gate' : 'prompt.base', { text: i.text }).slice(0, 250);
      return { validation: { ...common, type: 'list', formulae: [str(`${w('yes')},${w('no')}`)], error: prompt, prompt } };
    }
    case 'count': {
      const prompt = w('prompt.count', { unit: i.unit });
      return { validation: { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: prompt, prompt } };
    }
    case 'measure': {
      const percent = i.valueKind === 'percent';
      const unit = percent ? '%' : (i.unit ?? '');
      const prompt = w('prompt.measure', { measure: i.measure, range: describeDomain(i.domain, unit) });
      return { validation: { ...common, ...measureRule(i.domain, percent, i.valueKind === 'integer', ref), error: prompt, prompt }, ...(percent ? { numFmt: '0.##%' } : {}) };
    }
  }
  return undefined;
}

function describeDomain(d: IntervalIR, unit: string): string {
  const lo = d.low ? `${d.low.closed ? '[' : '('}${d.low.value}${unit}` : '(-∞';
  const hi = d.high ? `${d.high.value}${unit}${d.high.closed ? ']' : ')'}` : '∞)';
  return `${lo}, ${hi}`;
}

/** A measure's domain as a validation; a percent cell holds a fraction (60% is 0.6), as Excel types it. */
function measureRule(d: IntervalIR, percent: boolean, integer: boolean, ref: string): Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> {
  const value = (x: Decimal): Decimal => (percent ? x.percent() : x);
  const v = (x: Decimal): string => value(x).toString();
  const closed = (d.low === null || d.low.closed) && (d.high === null || d.high.closed);
  const type = integer ? 'whole' : 'decimal';
  if (closed && d.low && d.high) return { type, operator: 'between', formulae: [num(value(d.low.value)), num(value(d.high.value))] };
  if (closed && d.low) return { type, operator: 'greaterThanOrEqual', formulae: [num(value(d.low.value))] };
  if (closed && d.high) return { type, operator: 'lessThanOrEqual', formulae: [num(value(d.high.value))] };
  const conds = [`ISNUMBER(${ref})`];
  if (d.low) conds.push(`${ref}${d.low.closed ? '>=' : '>'}${v(d.low.value)}`);
  if (d.high) conds.push(`${ref}${d.high.closed ? '<=' : '<'}${v(d.high.value)}`);
  if (integer) conds.push(`${ref}=INT(${ref})`);
  return { type: 'custom', formulae: [`AND(${conds.join(',')})`] };
}

/** A bonus item that is a penalty (减分): taken away from the final score. */
function isPenalty(table: Table, ref: TableRef): boolean {
  return 'row' in ref ? table.rows[ref.row]!.indicatorKind === 'penalty' : table.groups[ref.group]!.kind === 'penalty';
}

/** The grade of the score in `on` (a cell, or an expression): the first grade whose thresholds (cells of the grade table) hold. */
function gradeFormula(table: Table, on: string, firstRow: number): string {
  let f = '""';
  for (let i = table.grades.length - 1; i >= 0; i--) {
    const g = table.grades[i]!;
    const row = firstRow + i;
    const conds: string[] = [];
    if (g.scores.low) conds.push(`${on}${g.scores.low.closed ? '>=' : '>'}$C$${row}`);
    if (g.scores.high) conds.push(`${on}${g.scores.high.closed ? '<=' : '<'}$D$${row}`);
    const cond = conds.length === 0 ? 'TRUE' : conds.length === 1 ? conds[0]! : `AND(${conds.join(',')})`;
    f = `IF(${cond},$A$${row},${f})`;
  }
  return `IF(ISNUMBER(${on}),${f},"")`;
}

export { readXlsxSheets, readXlsxAssessment } from './xlsx-read.js';
