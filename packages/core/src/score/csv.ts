// CSV as staff get it from a spreadsheet: comma-separated, quoted when needed, a byte-order mark so
// that Excel opens UTF-8 as such. Pure text work; every cell keeps its row and column for messages.

export interface Cell {
  text: string;
  /** 1-based. */
  row: number;
  column: number;
  /** Offsets of the cell in the text. */
  start: number;
  end: number;
}

/** Splits CSV text into rows of cells (RFC 4180 quoting; commas, or tabs when the first line has no comma). */
export function parseCsv(text: string): Cell[][] {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLine = text.slice(i, text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i));
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let r = 1;
  let c = 1;
  while (i <= text.length) {
    const start = i;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      // Anything between the closing quote and the separator is kept.
      while (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      while (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    row.push({ text: value, row: r, column: c, start, end: i });
    if (i >= text.length) {
      if (row.length > 1 || row[0]!.text !== '') rows.push(row);
      break;
    }
    if (text[i] === sep) {
      i++;
      c++;
      continue;
    }
    // End of line.
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    if (row.length > 1 || row[0]!.text !== '') rows.push(row);
    row = [];
    r++;
    c = 1;
  }
  return rows;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text for rows of values, with a byte-order mark and CRLF line ends (as Excel writes them). */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The spreadsheet name of a column: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
