// The document model every reader produces: paragraphs and tables in reading order. Tables keep
// the cells as the file has them (text with its line breaks, horizontal and vertical spans); the
// table reader (table/grid.ts) turns them into a rectangular grid.

export interface Cell {
  /** The cell's text; paragraphs inside the cell are separated by "\n". */
  text: string;
  /** Columns this cell covers (gridSpan, colspan, merged Excel columns). */
  colSpan: number;
  /** Rows this cell covers (vMerge, rowspan, merged Excel rows); 1 when not merged. */
  rowSpan: number;
}

export interface Row {
  cells: Cell[];
  /** Where the row starts: a line of a text file, else its row number in its table or sheet. */
  line: number;
}

export interface Table {
  rows: Row[];
  /** Set when the reader could not see merges (copied text): empty cells may hide merged ones. */
  mergesUnknown: boolean;
}

export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'table'; table: Table; line: number };

export type Format = 'docx' | 'xlsx' | 'txt' | 'html';

export interface SourceDocument {
  format: Format;
  blocks: Block[];
  /** How places are named in comments: lines of a text file, or paragraphs and table rows. */
  lineLabel: 'line' | 'row' | 'block';
}

export function cell(text: string, colSpan = 1, rowSpan = 1): Cell {
  return { text, colSpan, rowSpan };
}
