// Reading a filled-in xlsx form back (exceljs): the workbook's cells as core's neutral sheet grid
// (kind and text of every non-empty cell), which core's `readAssessmentSheets` gives meaning to. A
// file exceljs cannot open is a workbook without sheets, which core reports as not being a form.
import ExcelJS from 'exceljs';
import { readAssessmentSheets, type InputIndex, type SheetCell, type SheetGrid, type SheetRead } from '@rubric/core';

/** The text of a stored number: its shortest round-trip decimal, never in exponent notation. */
function numberText(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

function cellOf(cell: ExcelJS.Cell, row: number, column: number): SheetCell | undefined {
  const v = cell.value;
  const at = { row, column };
  switch (cell.type) {
    case ExcelJS.ValueType.Number:
      return { ...at, kind: 'number', text: numberText(v as number) };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return { ...at, kind: 'text', text: String(v) };
    case ExcelJS.ValueType.RichText:
      return { ...at, kind: 'text', text: (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('') };
    case ExcelJS.ValueType.Hyperlink:
      return { ...at, kind: 'text', text: String((v as ExcelJS.CellHyperlinkValue).text ?? '') };
    case ExcelJS.ValueType.Boolean:
      return { ...at, kind: 'bool', text: String(v) };
    case ExcelJS.ValueType.Date:
      return { ...at, kind: 'date', text: (v as Date).toISOString() };
    case ExcelJS.ValueType.Formula: {
      const f = v as { formula?: string; sharedFormula?: string };
      return { ...at, kind: 'formula', text: cell.formula ?? f.formula ?? f.sharedFormula ?? '' };
    }
    case ExcelJS.ValueType.Error:
      return { ...at, kind: 'error', text: String((v as ExcelJS.CellErrorValue).error) };
    default:
      // Empty, and the cells a merged cell covers.
      return undefined;
  }
}

/** Every sheet's non-empty cells; no sheets when the bytes are not a workbook. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return [];
  }
  return wb.worksheets.map((ws) => {
    const rows: SheetCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const x = cellOf(cell, r, c);
        if (x) cells.push(x);
      });
      if (cells.length > 0) rows.push(cells);
    });
    return { name: ws.name, rows };
  });
}

/** Reads a filled-in form (as `rubric export --format xlsx` writes it) as assessments of the index's rubric. */
export async function readXlsxAssessment(bytes: Uint8Array, file: string, index: InputIndex): Promise<SheetRead> {
  return readAssessmentSheets(await readXlsxSheets(bytes), file, index);
}
