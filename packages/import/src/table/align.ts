// Rows of copied text have no spans: a merged cell is an empty cell or is missing altogether, and
// a cell split over a page can land in the wrong column. Before the grid is built, rows are made
// as wide as the table: short header rows are right-aligned (their first cell spans the rest), and
// data rows whose points cell is not under the points column are re-aligned on it.
import { cell, type Row } from '../model.js';
import { pointsCell } from '../text.js';
import type { Column } from './columns.js';

/** The usual number of cells in a row. */
export function usualWidth(rows: Row[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && k > best)) [best, bestCount] = [k, c];
  return best;
}

export function alignHeaderRow(row: Row, width: number): Row {
  const deficit = width - row.cells.length;
  if (deficit <= 0 || row.cells.length === 0) return row;
  const [first, ...rest] = row.cells;
  return { ...row, cells: [cell(first!.text, first!.colSpan + deficit, first!.rowSpan), ...rest] };
}

export const isLongText = (t: string): boolean => t.length > 24 || /[，。；]|得\s*\d|不得分/.test(t);

/**
 * Aligns a data row to the columns; `prevDeepest` is the deepest level column the row before used.
 * Returns the row and whether it was moved.
 */
export function alignDataRow(row: Row, columns: Column[], prevDeepest: number): { row: Row; moved: boolean } {
  const width = columns.length;
  const P = columns.find((c) => c.role === 'points')?.index;
  const levels = columns.filter((c) => c.role === 'level').map((c) => c.index);
  const cells = row.cells.slice();
  const fits = cells.length === width && (P === undefined || pointsCell(cells[P]!.text) !== undefined || cells[P]!.text.trim() === '');
  if (fits) return { row, moved: false };
  while (cells.length > 0 && cells[cells.length - 1]!.text.trim() === '') cells.pop();
  const out: string[] = Array.from({ length: width }, () => '');
  const anchor = P === undefined ? -1 : cells.findIndex((c) => pointsCell(c.text) !== undefined);
  const textCols = columns.filter((c) => c.role === 'standard' || c.role === 'method' || c.role === 'note').map((c) => c.index);
  if (anchor >= 0 && P !== undefined) {
    out[P] = cells[anchor]!.text;
    cells.slice(anchor + 1).forEach((c, k) => {
      if (P + 1 + k < width) out[P + 1 + k] = c.text;
      else out[width - 1] += `\n${c.text}`;
    });
    const before = cells.slice(0, anchor).filter((c) => c.text.trim() !== '');
    const usable = levels.filter((l) => l < P);
    let end = usable.indexOf(prevDeepest);
    if (end < 0) end = usable.length - 1;
    if (before.length > end + 1) end = Math.min(usable.length - 1, before.length - 1);
    before.forEach((c, k) => {
      const at = usable[end - (before.length - 1) + k];
      if (at !== undefined) out[at] = c.text;
      else out[usable[0] ?? 0] += `\n${c.text}`;
    });
  } else {
    let lvl = 0;
    let txt = 0;
    for (const c of cells) {
      if (c.text.trim() === '') continue;
      if (isLongText(c.text) && txt < textCols.length) out[textCols[txt++]!] = c.text;
      else if (lvl < levels.length) out[levels[lvl++]!] = c.text;
      else out[textCols[textCols.length - 1] ?? width - 1] += `\n${c.text}`;
    }
  }
  return { row: { ...row, cells: out.map((t) => cell(t.replace(/^\n/, ''))) }, moved: true };
}
