// Source text, positions and ranges. Lines and columns are 1-based; columns count UTF-16 code units
// (what editors count). Offsets are 0-based UTF-16 indexes into the text. A Range's end is exclusive.

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Maps offsets to line/column for one text. Built once per document; lookups are O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line of the last lookup, unless it jumped far ahead: lookups mostly go forward through the
   * text line by line, with jumps to the end of a block in between, which do not move it. */
  private last = 0;

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const last = this.last;
    if (starts[last]! <= o && (last + 1 >= starts.length || o < starts[last + 1]!)) return { line: last + 1, column: o - starts[last]! + 1, offset: o };
    if (last + 1 < starts.length && starts[last + 1]! <= o && (last + 2 >= starts.length || o < starts[last + 2]!)) {
      this.last = last + 1;
      return { line: last + 2, column: o - starts[last + 1]! + 1, offset: o };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    if (lo - last < 8) this.last = lo;
    return { line: lo + 1, column: o - starts[lo]! + 1, offset: o };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(Math.max(startOffset, endOffset)) };
  }

  /** Offset of the start of a 1-based line (clamped). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Offset just past the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    let e = next;
    while (e > this.lineStart(line) && (this.text[e - 1] === '\n' || this.text[e - 1] === '\r')) e--;
    return e;
  }
}
