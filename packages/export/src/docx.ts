// The table as a Word document (docx 9), ready for publication in the look of a Chinese government
// document: A4 (landscape when the table is wide), the title in 黑体, the table and text in 仿宋 (Latin
// letters in Times New Roman), merged cells as in the model (rowSpan/columnSpan), the header rows
// repeated on every page, then the grades, vetoes, notes and the problems the checker found. Marked
// cells are shaded and say what is wrong in red, so the marks survive printing in black and white
// as text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table as DocTable,
  TableCell as DocCell,
  TableLayoutType,
  TableRow as DocRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Table, TableCell, TableMark } from '@rubric/core';
import { cellSeverity, markLabel, markLines, pageLayout, where } from './layout.js';

/** 仿宋 for Chinese text, with the names it goes by on Windows, macOS and Linux tried by the reader. */
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const HEAD = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
/** Chinese text is tagged zh-CN, so that a reader without 仿宋 falls back to a Simplified Chinese face. */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const RED = 'C00000';
const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = 1000; // twips, about 17.6 mm

function runs(text: string, size: number, opts: { bold?: boolean; color?: string; head?: boolean } = {}): TextRun {
  return new TextRun({ text, font: opts.head ? HEAD : BODY, size, bold: opts.bold ?? false, language: LANGUAGE, ...(opts.color ? { color: opts.color } : {}) });
}

function cellParagraphs(cell: TableCell, size: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], head: boolean): Paragraph[] {
  const out = cell.lines.map((l) => new Paragraph({ alignment: align, children: [runs(l, size, { head, bold: head })] }));
  for (const m of markLines(cell)) {
    out.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [runs(markLabel(m), size - 2, { bold: true, color: m.severity === 'error' ? RED : '8A5A00' })] }));
  }
  return out.length > 0 ? out : [new Paragraph({ children: [] })];
}

function markParagraphs(marks: TableMark[], size: number): TextRun[] {
  return marks.map((m) => runs(`  ${markLabel({ code: m.code, text: m.message })}`, size - 2, { bold: true, color: RED }));
}

export async function renderDocx(table: Table): Promise<Uint8Array> {
  const page = pageLayout(table);
  const size = Math.round(page.fontPt * 2); // half-points
  const landscape = page.orientation === 'landscape';
  const usable = (landscape ? A4.height : A4.width) - 2 * MARGIN;
  const total = table.columns.reduce((n, c) => n + c.width, 0) || 1;
  const widths = table.columns.map((c) => Math.floor((c.width / total) * usable));
  const spanWidth = (c: number, span: number): number => widths.slice(c, c + span).reduce((a, b) => a + b, 0);

  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

  const docCell = (cell: TableCell, c: number, head: boolean, summary: boolean): DocCell => {
    const sev = cellSeverity(cell);
    const centred = head || cell.role === 'points' || cell.role === 'self' || cell.role === 'score' || (summary && cell.role === 'level');
    return new DocCell({
      children: cellParagraphs(cell, size, centred ? AlignmentType.CENTER : AlignmentType.LEFT, head),
      rowSpan: cell.rowSpan,
      columnSpan: cell.colSpan,
      verticalAlign: VerticalAlignTable.CENTER,
      width: { size: spanWidth(c, cell.colSpan), type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } } : {}),
      ...(sev ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: sev === 'error' ? 'FDE4E4' : 'FFF2CC' } } : {}),
    });
  };

  const rows: DocRow[] = [];
  for (const hr of table.header) {
    rows.push(
      new DocRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: 400, rule: HeightRule.ATLEAST },
        children: hr.flatMap((cell, c) => (cell ? [docCell(cell, c, true, false)] : [])),
      }),
    );
  }
  for (const row of table.rows) {
    rows.push(
      new DocRow({
        cantSplit: true,
        children: row.cells.flatMap((cell, c) => (cell ? [docCell(cell, c, false, row.kind !== 'leaf')] : [])),
      }),
    );
  }

  const children: (Paragraph | DocTable)[] = [];
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [runs(table.title, 44, { head: true })] }));
  if (table.allMarks.length > 0) children.push(new Paragraph({ spacing: { after: 120 }, children: [runs(table.words.legend, size - 2, { color: RED })] }));
  children.push(
    new DocTable({
      rows,
      width: { size: usable, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
    }),
  );
  const heading = (text: string): Paragraph => new Paragraph({ spacing: { before: 240, after: 120 }, children: [runs(text, size + 4, { head: true })] });
  const body = (parts: TextRun[]): Paragraph => new Paragraph({ spacing: { after: 60 }, indent: { firstLine: size * 20 }, children: parts });
  if (table.grades.length > 0) {
    children.push(heading(table.words.grades));
    for (const g of table.grades) children.push(body([runs(`${g.name}：${g.condition}`, size), ...markParagraphs(g.marks, size)]));
  }
  if (table.vetoes.length > 0) {
    children.push(heading(table.words.vetoes));
    table.vetoes.forEach((v, i) => children.push(body([runs(`${i + 1}. ${v.text}`, size), ...markParagraphs(v.marks, size)])));
  }
  if (table.notes.length > 0) {
    children.push(heading(table.words.notes));
    for (const n of table.notes) children.push(body([runs(n, size)]));
  }
  if (table.allMarks.length > 0) {
    children.push(heading(table.words.problems));
    table.allMarks.forEach((m, i) =>
      children.push(body([runs(`${i + 1}. ${m.code} ${where(m)} ${m.message}`, size, { color: m.severity === 'error' ? RED : '8A5A00' })])),
    );
  }

  const doc = new Document({
    creator: 'rubric',
    title: table.title,
    styles: { default: { document: { run: { font: BODY, size, language: LANGUAGE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: BODY, size: size - 2, children: ['— ', PageNumber.CURRENT, ' —'] })] })],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
