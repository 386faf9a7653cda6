// Text copied out of Word: cells separated by tabs. Two shapes occur in real files:
//  - one row per line ("评价内容\t评价指标\t…"): a line with tabs is a row;
//  - one cell per line: every cell starts with a tab at the start of a line, and a cell's own line
//    breaks (even blank lines) stay in the text, so rows can only be told apart by counting cells.
// Lines without tabs outside tables are paragraphs. Merges are invisible in both shapes: a merged
// cell comes out empty, so the table is marked `mergesUnknown`.
import { cell, type Block, type Cell, type Row, type SourceDocument } from '../model.js';

export function readText(text: string): SourceDocument {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\u000b/g, '\n').split('\n');
  const tabLines = lines.filter((l) => l.includes('\t'));
  const cellPerLine = tabLines.filter((l) => /^\t[^\t]*$/.test(l)).length;
  const blocks = tabLines.length > 0 && cellPerLine >= 0.8 * tabLines.length ? cellPerLineBlocks(lines) : rowPerLineBlocks(lines);
  return { format: 'txt', blocks, lineLabel: 'line' };
}

function paragraph(text: string, line: number): Block {
  return { kind: 'paragraph', text: text.trim(), line };
}

function rowPerLineBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let rows: Row[] = [];
  let start = 0;
  const flush = () => {
    if (rows.length > 0) blocks.push({ kind: 'table', table: { rows, mergesUnknown: true }, line: start });
    rows = [];
  };
  lines.forEach((l, i) => {
    if (l.includes('\t')) {
      if (rows.length === 0) start = i + 1;
      rows.push({ cells: l.split('\t').map((t) => cell(t.trim())), line: i + 1 });
    } else if (l.trim() === '') {
      // A blank line inside a table is kept in it when the table goes on after it.
      const next = lines.slice(i + 1).find((x) => x.trim() !== '');
      if (next === undefined || !next.includes('\t')) flush();
    } else {
      flush();
      blocks.push(paragraph(l, i + 1));
    }
  });
  flush();
  return blocks.filter((b) => b.kind === 'table' || b.text !== '');
}

interface Tok {
  /** Cells starting on this line (a line may hold more than one tab). */
  starts: string[];
  /** Text before the first tab: continues the open cell, or is a paragraph. */
  lead: string;
  line: number;
}

/** The usual number of cells in a row, from chunks that start after a blank line. */
function usualWidth(lines: string[]): number {
  const counts = new Map<number, number>();
  let n = 0;
  lines.forEach((l, i) => {
    if (l.startsWith('\t') && i > 0 && isBlank(lines[i - 1]!) && n > 0) {
      counts.set(n, (counts.get(n) ?? 0) + 1);
      n = 0;
    }
    n += l.includes('\t') ? l.split('\t').length - 1 : 0;
  });
  if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [k, c] of counts) if (c > bestCount || (c === bestCount && k > best)) [best, bestCount] = [k, c];
  return best;
}

function cellPerLineBlocks(lines: string[]): Block[] {
  const width = usualWidth(lines);
  const toks: Tok[] = lines.map((l, i) => {
    const parts = l.split('\t');
    return { lead: parts[0]!, starts: parts.slice(1), line: i + 1 };
  });
  const blocks: Block[] = [];
  let rows: Row[] = [];
  let row: { cells: string[]; line: number } | undefined;
  let tableStart = 0;
  let blankBefore = false;
  const closeRow = () => {
    if (row && row.cells.length > 0) rows.push({ cells: row.cells.map((t) => cellOf(t)), line: row.line });
    row = undefined;
  };
  const closeTable = () => {
    closeRow();
    if (rows.length > 0) blocks.push({ kind: 'table', table: { rows, mergesUnknown: true }, line: tableStart });
    rows = [];
  };
  // Cells in the chunk that starts at token i (up to the next blank line followed by a tab line).
  const chunkCells = (i: number): number => {
    let n = 0;
    for (let j = i; j < toks.length; j++) {
      if (j > i && toks[j]!.starts.length > 0 && toks[j - 1]!.lead.trim() === '' && toks[j - 1]!.starts.length === 0) break;
      if (j > i && toks[j]!.starts.length === 0 && toks[j]!.lead.trim() !== '' && n >= width) break;
      n += toks[j]!.starts.length;
    }
    return n;
  };
  toks.forEach((t, i) => {
    const blank = t.starts.length === 0 && t.lead.trim() === '';
    if (t.starts.length === 0) {
      if (blank) {
        if (row) row.cells[row.cells.length - 1] += '\n';
      } else if (row && (row.cells.length < width || !blankBefore)) {
        row.cells[row.cells.length - 1] += `\n${t.lead}`;
      } else {
        closeTable();
        blocks.push(paragraph(t.lead, t.line));
      }
      blankBefore = blank;
      return;
    }
    if (t.lead.trim() !== '') {
      // Text before a tab on a cell line: it ends the paragraph run or continues the open cell.
      if (row) row.cells[row.cells.length - 1] += `\n${t.lead}`;
      else {
        closeTable();
        blocks.push(paragraph(t.lead, t.line));
      }
    }
    if (!row) {
      if (rows.length === 0) tableStart = t.line;
      row = { cells: [], line: t.line };
    } else if (row.cells.length >= width) {
      closeRow();
      row = { cells: [], line: t.line };
    } else if (blankBefore && row.cells.length + chunkCells(i) !== width) {
      // A short row (merged cells) ends at a blank line unless the cells after it complete it.
      closeRow();
      row = { cells: [], line: t.line };
    }
    for (const s of t.starts) {
      if (row!.cells.length >= width) {
        closeRow();
        row = { cells: [], line: t.line };
      }
      row!.cells.push(s);
    }
    blankBefore = false;
  });
  closeTable();
  return blocks.filter((b) => b.kind === 'table' || b.text !== '');
}

const isBlank = (l: string): boolean => !l.includes('\t') && l.trim() === '';

function cellOf(text: string): Cell {
  return cell(
    text
      .split('\n')
      .map((l) => l.trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, ''),
  );
}
