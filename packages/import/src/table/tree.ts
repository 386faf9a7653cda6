// From a table to an indicator tree. Level columns give the tree: a cell with text starts an
// indicator at its level, an empty or merged cell continues the one above. The deepest indicator
// a row starts is the row's leaf: the points column and the text columns belong to it. A cell that
// repeats the open indicator at its level (a page break) continues it. Every guess is a review note.
import type { Row, Table } from '../model.js';
import { newIndicator, type DraftIndicator } from '../draft.js';
import { cleanText, cleanTitle, parseMarker, pointsCell, trailingPoints } from '../text.js';
import { readHeader, type Column } from './columns.js';
import { alignDataRow, alignHeaderRow, usualWidth } from './align.js';
import { toGrid, type Grid } from './grid.js';

export interface TableReading {
  columns: Column[];
  /** Texts above the header (a title typed into the first rows of a sheet). */
  above: { text: string; line: number }[];
  header: { text: string; line: number }[];
  indicators: DraftIndicator[];
  bonuses: DraftIndicator[];
  total?: { value: string; source: string; line: number };
  /** Rows after the indicators that hold only text (signatures, notes). */
  below: { text: string; line: number }[];
  reviews: string[];
  rows: number;
}

const TOTAL = /^(?:总计|合计|总分|满分|总分值|合计分值)$/;

export function readTable(table: Table, lineWord: (line: number) => string, previous?: Column[]): TableReading | undefined {
  // Empty rows stay: a merged cell's row span counts them.
  let rows = table.mergesUnknown ? table.rows.filter((r) => r.cells.some((c) => c.text.trim() !== '')) : table.rows;
  if (!rows.some((r) => r.cells.some((c) => c.text.trim() !== ''))) return undefined;
  const reviews: string[] = [];
  let width = table.mergesUnknown ? usualWidth(rows) : Math.max(...toGrid(rows).rows.map((r) => r.length), 0);
  // Header: found on the rows as they are, then short header rows are right-aligned.
  let grid = toGrid(rows.map((r) => (table.mergesUnknown ? alignHeaderRow(r, width) : r)), width);
  let header = readHeader(grid);
  let columns = header?.columns;
  let first = header ? header.last + 1 : 0;
  if (!columns) {
    if (!previous || previous.length !== width) return undefined;
    columns = previous;
    reviews.push('本表没有表头，按上一表格的各列理解');
  }
  const above = header
    ? rows.slice(0, header.first).map((r) => ({ text: r.cells.map((c) => cleanText(c.text)).filter((t) => t !== '').join(' '), line: r.line }))
    : [];
  const headerTexts = header
    ? rows.slice(header.first, header.last + 1).map((r) => ({ text: r.cells.map((c) => cleanTitle(c.text)).join(' | '), line: r.line }))
    : [];
  if (table.mergesUnknown) {
    // Data rows of copied text: align each on its points cell.
    const levelCols = columns.filter((c) => c.role === 'level').map((c) => c.index);
    let prevDeepest = levelCols[levelCols.length - 1] ?? 0;
    const moved: number[] = [];
    const aligned: Row[] = rows.slice(0, first).map((r) => alignHeaderRow(r, width));
    for (const r of rows.slice(first)) {
      const a = alignDataRow(r, columns, prevDeepest);
      if (a.moved && a.row.cells.some((c, i) => c.text !== (r.cells[i]?.text ?? ''))) moved.push(r.line);
      aligned.push(a.row);
      const used = levelCols.filter((c) => a.row.cells[c]!.text.trim() !== '');
      if (used.length > 0 && a.row.cells.some((c, i) => columns!.find((x) => x.index === i)?.role === 'points' && pointsCell(c.text) !== undefined)) prevDeepest = used[used.length - 1]!;
    }
    rows = aligned;
    grid = toGrid(rows, width);
    if (moved.length > 0) reviews.push(`${moved.map(lineWord).join('、')}的单元格个数与表头不一致（复制时合并单元格丢失），已按分值列对齐，请核对`);
  }
  const built = buildTree(grid, columns, first, lineWord, reviews);
  return { columns, above, header: headerTexts, ...built, reviews, rows: grid.rows.length - first };
}

interface Parsed {
  code?: string;
  marker?: { n: number; style: string; text: string };
  title: string;
  bare: string;
  stated?: string;
  printed: string;
}

function parseCell(raw: string): Parsed {
  const printed = cleanTitle(raw);
  const m = parseMarker(printed);
  const title = m.rest.trim();
  const tp = trailingPoints(title);
  const out: Parsed = { title, bare: tp ? tp.rest : title, printed, ...(tp ? { stated: tp.value } : {}) };
  if (m.marker?.kind === 'dotted') out.code = m.marker.code;
  else if (m.marker?.kind === 'ordinal') out.marker = { n: m.marker.n, style: m.marker.style, text: m.markerText! };
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

function buildTree(grid: Grid, columns: Column[], first: number, lineWord: (line: number) => string, reviews: string[]) {
  const levels = columns.filter((c) => c.role === 'level');
  const pointsCol = columns.find((c) => c.role === 'points')?.index;
  const indicators: DraftIndicator[] = [];
  const bonuses: DraftIndicator[] = [];
  const below: { text: string; line: number }[] = [];
  let total: { value: string; source: string; line: number } | undefined;
  const open: (DraftIndicator | undefined)[] = [];
  const parentOf = new Map<DraftIndicator, DraftIndicator | undefined>();
  let afterTotal = false;
  let last: DraftIndicator | undefined;

  const attachText = (ind: DraftIndicator, r: number, skip: Set<number>) => {
    for (const col of columns) {
      if (col.role === 'level' || col.role === 'points' || skip.has(col.index)) continue;
      const s = grid.rows[r]![col.index]!;
      if (s.kind !== 'own' || s.text.trim() === '') continue;
      const t = cleanText(s.text);
      if (col.role === 'standard') ind.standard.push(t);
      else if (col.role === 'method') ind.method.push(t);
      else if (col.role === 'note') ind.note.push(t);
      else {
        ind.note.push(t);
        ind.reviews.push(col.role === 'score' ? `“${col.name}”栏有内容：${t}` : `“${col.name || `第${col.index + 1}列`}”栏的内容作为说明保留`);
      }
      if (s.rowSpan > 1) ind.reviews.push(`“${col.name}”单元格跨 ${s.rowSpan} 行，只记在第一行的指标上`);
    }
  };

  for (let r = first; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const line = grid.lines[r]!;
    const own = (c: number) => (row[c]!.kind === 'own' ? row[c]!.text.trim() : '');
    const pointsText = pointsCol === undefined ? '' : own(pointsCol);
    const points = pointsCell(pointsText);
    const levelTexts = levels.map((l) => own(l.index));
    const firstLevel = levelTexts.findIndex((t) => t !== '');
    const nonEmpty = row.filter((s) => s.kind === 'own' && s.text.trim() !== '');

    // 总计 1000: the declared total; rows after it are bonuses or text.
    if (firstLevel >= 0 && TOTAL.test(cleanTitle(levelTexts[firstLevel]!)) && points !== undefined) {
      total = { value: points, source: cleanTitle(levelTexts[firstLevel]!), line };
      afterTotal = true;
      continue;
    }
    if (points === undefined && nonEmpty.length === 1 && (afterTotal || nonEmpty[0]!.colSpan >= grid.width || /[：:]$/.test(nonEmpty[0]!.text.trim()) || /年\s+月\s+日/.test(nonEmpty[0]!.text))) {
      below.push({ text: cleanText(nonEmpty[0]!.text), line });
      continue;
    }
    if (firstLevel >= 0 && (afterTotal || /加分/.test(cleanTitle(levelTexts[firstLevel]!))) && points !== undefined) {
      const p = parseCell(levelTexts[firstLevel]!);
      const b = newIndicator({ title: p.bare, line, printed: p.printed, bonus: true, column: points });
      if (p.code) b.code = p.code;
      levelTexts.forEach((t, i) => {
        if (i > firstLevel && t !== '') b.standard.push(cleanText(t));
      });
      attachText(b, r, new Set());
      bonuses.push(b);
      continue;
    }
    if (firstLevel < 0) {
      if (nonEmpty.length === 0) continue;
      const target = last;
      if (!target) {
        below.push({ text: nonEmpty.map((s) => cleanText(s.text)).join(' '), line });
        continue;
      }
      attachText(target, r, new Set());
      if (points !== undefined) target.reviews.push(`${lineWord(line)}没有指标名称，其分值 ${points} 未计入，请核对`);
      target.reviews.push(`${lineWord(line)}没有指标名称，内容并入上一指标`);
      continue;
    }

    let leaf: DraftIndicator | undefined;
    let repeated = false;
    const spanning: string[] = [];
    for (let j = 0; j < levels.length; j++) {
      const slot = row[levels[j]!.index]!;
      if (slot.kind !== 'own' || slot.text.trim() === '') continue;
      // A cell running from a level column over the points or text columns is the row's text
      // ("工作创新" followed by one wide cell of explanation).
      const covers = columns.slice(levels[j]!.index, levels[j]!.index + slot.colSpan);
      if (j > 0 && covers.some((c) => c.role !== 'level')) {
        spanning.push(cleanText(slot.text));
        continue;
      }
      const p = parseCell(slot.text);
      const cur = open[j];
      if (cur && squash(cur.printed) === squash(p.printed) && (j === firstLevel || repeated)) {
        repeated = true;
        cur.comments.push(`${lineWord(line)}重复了此单元格（跨页重复的上级单元格），已合并`);
        leaf = cur;
        continue;
      }
      // A merged cell whose text a page break split ("平台建" … "设 (12 分)").
      if (cur && j === firstLevel && cur.stated === undefined && !cur.code && p.stated !== undefined && !p.code && p.bare.length <= 2 && cur.children.length > 0) {
        const parent = parentOf.get(cur);
        const siblings = parent ? parent.children : indicators;
        if (siblings.filter((s) => s !== cur).some((s) => s.stated !== undefined)) {
          const merged = parseCell(`${cur.printed}${slot.text}`);
          cur.comments.push(`原文此单元格被拆成“${cur.printed}”和${lineWord(line)}的“${p.printed}”，合为“${merged.printed}”`);
          cur.reviews.push('合并了跨页拆开的单元格');
          Object.assign(cur, { title: merged.title, bare: merged.bare, stated: merged.stated, printed: merged.printed });
          leaf = cur;
          repeated = true;
          continue;
        }
      }
      repeated = false;
      let parent: DraftIndicator | undefined;
      for (let k = j - 1; k >= 0; k--) if (open[k]) {
        parent = open[k];
        break;
      }
      const ind = newIndicator({ title: p.title, bare: p.bare, line, printed: p.printed, ...(p.stated !== undefined ? { stated: p.stated } : {}) });
      if (p.code) ind.code = p.code;
      else if (p.marker) {
        const base = parent?.code;
        if (base !== undefined || !parent) {
          ind.code = base !== undefined ? `${base}.${p.marker.n}` : String(p.marker.n);
          ind.comments.push(`原文编号“${p.marker.text}”写作 ${ind.code}`);
        } else {
          ind.title = `${p.marker.text}${p.title}`;
          ind.bare = `${p.marker.text}${p.bare}`;
        }
      }
      (parent ? parent.children : indicators).push(ind);
      parentOf.set(ind, parent);
      open[j] = ind;
      for (let k = j + 1; k < open.length; k++) open[k] = undefined;
      // A cell spanning several level columns fills them.
      for (let k = j + 1; k < levels.length && row[levels[k]!.index]!.kind === 'left'; k++) open[k] = undefined;
      leaf = ind;
    }
    if (!leaf) continue;
    last = leaf;
    leaf.standard.push(...spanning);
    if (points !== undefined) {
      if (leaf.column !== undefined) leaf.reviews.push(`${lineWord(line)}又给出分值 ${points}，与 ${leaf.column} 不同行，请核对`);
      else leaf.column = points;
    } else if (pointsText !== '') {
      leaf.note.push(cleanText(pointsText));
      leaf.reviews.push(`分值栏“${pointsText}”不是一个分数，作为说明保留`);
    }
    attachText(leaf, r, new Set());
  }
  return { indicators, bonuses, below, ...(total ? { total } : {}) };
}

