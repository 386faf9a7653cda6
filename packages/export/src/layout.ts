// What every writer derives the same way from the table model: the page (A4, portrait or
// landscape from the table's width), the short text that marks a cell, and the file name of a
// source location. Writers differ in syntax only, never in what a cell says.
import type { Table, TableCell, TableMark } from '@rubric/core';

export interface PageLayout {
  orientation: 'portrait' | 'landscape';
  /** Body text size in points. */
  fontPt: number;
  /** Usable width of the page in millimetres (A4 minus margins). */
  widthMm: number;
}

/** Portrait when the columns fit on A4 at 10.5 pt (about 50 CJK characters), else landscape. */
export function pageLayout(table: Table): PageLayout {
  const chars = table.columns.reduce((n, c) => n + c.width, 0);
  if (chars <= 50) return { orientation: 'portrait', fontPt: 10.5, widthMm: 190 };
  return { orientation: 'landscape', fontPt: chars > 80 ? 9 : 10.5, widthMm: 277 };
}

/** A mark as one short line: `Σ 84 ≠ 85` for a wrong subtotal, else `RUB207 <message>`. */
export function markLines(cell: Pick<TableCell, 'marks' | 'subtotal'>): { severity: TableMark['severity']; code: string; text: string }[] {
  const out: { severity: TableMark['severity']; code: string; text: string }[] = [];
  const s = cell.subtotal;
  if (s) out.push({ severity: 'error', code: s.code, text: `Σ ${s.computed} ≠ ${s.declared}` });
  for (const m of cell.marks) if (!s || m.code !== s.code) out.push({ severity: m.severity, code: m.code, text: m.message });
  return out;
}

/** A mark as printed in a cell: `⚠ Σ 84 ≠ 85 · RUB201`. */
export function markLabel(m: { code: string; text: string }): string {
  return `⚠ ${m.text} · ${m.code}`;
}

/** The worst severity of a cell's marks, or null. */
export function cellSeverity(cell: Pick<TableCell, 'marks' | 'subtotal'>): 'error' | 'warning' | 'info' | null {
  if (cell.subtotal || cell.marks.some((m) => m.severity === 'error')) return 'error';
  if (cell.marks.some((m) => m.severity === 'warning')) return 'warning';
  return cell.marks.length > 0 ? 'info' : null;
}

/** How wide a line prints, in CJK characters (Latin letters and digits count about half). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return n;
}

/** A location as readers see it: `yueyang-cishan.rubric:53`. */
export function where(m: TableMark): string {
  return `${m.file.slice(m.file.lastIndexOf('/') + 1)}:${m.range.start.line}`;
}

/** The header text of each column (the lowest header row that names it), for one-row headers. */
export function columnHeaders(table: Table): string[] {
  return table.columns.map((c) => c.header);
}
