// A table as a rectangular grid. Each slot knows the cell it belongs to: its own cell (the top-left
// slot of a merged region), or a slot covered by a merge from above or from the left.
import type { Row } from '../model.js';

export interface Slot {
  text: string;
  /** 'own' is the top-left slot of a cell; the others are covered by a merged cell. */
  kind: 'own' | 'up' | 'left';
  /** Row index (in the grid) of the cell's top-left slot. */
  originRow: number;
  colSpan: number;
  rowSpan: number;
}

export interface Grid {
  rows: Slot[][];
  lines: number[];
  width: number;
}

export function toGrid(rows: Row[], width?: number): Grid {
  const grid: (Slot | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const kind = dr === 0 && dc === 0 ? 'own' : dc === 0 ? 'up' : 'left';
          grid[r + dr]![c + dc] = { text: cell.text, kind, originRow: r, colSpan: cell.colSpan, rowSpan: cell.rowSpan };
        }
      }
      c += cell.colSpan;
    }
  });
  const w = width ?? Math.max(0, ...grid.map((g) => g.length));
  return {
    rows: grid.map((g, r) => Array.from({ length: w }, (_, c) => g[c] ?? { text: '', kind: 'own' as const, originRow: r, colSpan: 1, rowSpan: 1 })),
    lines: rows.map((r) => r.line),
    width: w,
  };
}
