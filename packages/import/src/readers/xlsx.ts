// Excel (.xlsx) through exceljs (loaded on first use): every sheet is a table (merged ranges become spans); rows above
// the header that hold a single text (a title spread over merged columns) stay in the table and
// are treated as text around it by the table reader.
import type ExcelJS from 'exceljs';
import { cell, type Block, type Cell, type Row, type SourceDocument } from '../model.js';
import { ImportError } from '../errors.js';

export async function readXlsx(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  // exceljs is large: loaded only when a workbook is read.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ImportError('IMP002', { file, format: 'Excel', detail: e instanceof Error ? e.message : String(e) });
  }
  const blocks: Block[] = [];
  wb.eachSheet((ws) => {
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = m.split(':') as [string, string];
      const s = ws.getCell(a);
      const e = ws.getCell(b);
      const r0 = Number(s.row);
      const c0 = Number(s.col);
      const r1 = Number(e.row);
      const c1 = Number(e.col);
      spans.set(`${r0}:${c0}`, { rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) covered.add(`${r}:${c}`);
    }
    const rows: Row[] = [];
    const lastCol = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const cells: Cell[] = [];
      for (let c = 1; c <= lastCol; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const span = spans.get(`${r}:${c}`);
        cells.push(cell(cellText(ws.getCell(r, c)), span?.cols ?? 1, span?.rows ?? 1));
      }
      rows.push({ cells, line: r });
    }
    if (ws.name.trim() !== '' && !/^sheet\d*$/i.test(ws.name)) blocks.push({ kind: 'paragraph', text: `【工作表】${ws.name}`, line: 0 });
    blocks.push({ kind: 'table', table: { rows, mergesUnknown: false }, line: 1 });
  });
  return { format: 'xlsx', blocks, lineLabel: 'row' };
}

function cellText(c: ExcelJS.Cell): string {
  const v = c.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result ?? '');
  if (typeof v === 'object' && v !== null && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return c.text ?? String(v);
}
