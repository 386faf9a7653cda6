// Finding a table's header rows and what each column holds.
import { cleanTitle, pointsCell } from '../text.js';
import type { Grid } from './grid.js';

export type Role = 'level' | 'points' | 'standard' | 'method' | 'note' | 'score' | 'unknown';

export interface Column {
  index: number;
  role: Role;
  /** The header text as printed (all header rows, top to bottom). */
  name: string;
  /** For level columns: 1 for the outermost. */
  level?: number;
  /** How the role was chosen, when it was a guess. */
  guess?: string;
}

const LEVEL = /([一二三四五六七八九1-9])\s*级|评价内容|评价项目|考核内容|考核项目|考评内容|考评项目|评估内容|评估项目|项目|类别|指标|内容/;
const POINTS = /分值|标准分|基本分|满分|分数|配分|权重|计分$|^分$/;
const SCORE = /得分|自评|评分$|扣分|实得|打分/;
const STANDARD = /标准|细则|要求|评分办法|计分办法|考核办法|评分规则/;
const METHOD = /方法|方式|说明|依据|查验|核查|核实|佐证|资料|材料/;
const NOTE = /备注|附注/;

export function roleOf(name: string): Role | undefined {
  const n = cleanTitle(name);
  if (n === '') return undefined;
  if (SCORE.test(n) && !POINTS.test(n.replace(/得分/g, ''))) return 'score';
  if (POINTS.test(n)) return 'points';
  if (NOTE.test(n)) return 'note';
  if (/[一二三四五六七八九1-9]\s*级/.test(n)) return 'level';
  if (METHOD.test(n) && !/标准/.test(n)) return 'method';
  if (STANDARD.test(n) && !/指标/.test(n)) return 'standard';
  if (LEVEL.test(n)) return 'level';
  return undefined;
}

/** True for a row that reads like a header: at least two cells name a column kind, no cell is a number. */
export function isHeaderRow(texts: string[]): boolean {
  const named = texts.filter((t) => roleOf(t) !== undefined).length;
  const numbers = texts.filter((t) => pointsCell(t) !== undefined).length;
  return numbers === 0 && named >= 2;
}

/** Header rows at the top of the grid (after any title rows), and the columns they name. */
export function readHeader(grid: Grid): { first: number; last: number; columns: Column[] } | undefined {
  const texts = (r: number) => grid.rows[r]!.map((s) => (s.kind === 'own' ? s.text : ''));
  let first = -1;
  for (let r = 0; r < Math.min(grid.rows.length, 60); r++) {
    if (isHeaderRow(texts(r))) {
      first = r;
      break;
    }
  }
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < grid.rows.length) {
    const t = texts(last + 1);
    const named = t.filter((x) => roleOf(x) !== undefined).length;
    if (t.some((x) => pointsCell(x) !== undefined) || named === 0 || t.filter((x) => x.trim() !== '').length > named) break;
    last++;
  }
  const columns: Column[] = [];
  for (let c = 0; c < grid.width; c++) {
    const parts: string[] = [];
    for (let r = first; r <= last; r++) {
      const s = grid.rows[r]![c]!;
      const t = cleanTitle(s.text);
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    // The lowest header text is the most specific ("指标分类和标准" over "一级指标").
    let role: Role | undefined;
    for (let i = parts.length - 1; i >= 0 && !role; i--) role = roleOf(parts[i]!);
    columns.push({ index: c, role: role ?? 'unknown', name: parts.join('/') });
  }
  // An unnamed column right of a level column and left of the points is one more level (the
  // sub-rows of a merged indicator cell).
  columns.forEach((col, i) => {
    if (col.role === 'unknown' && col.name === '' && i > 0 && columns[i - 1]!.role === 'level' && columns.slice(i + 1).some((c) => c.role === 'points' || c.role === 'standard')) {
      col.role = 'level';
      col.guess = '表头为空，按下一级指标处理';
    }
  });
  let n = 0;
  for (const col of columns) if (col.role === 'level') col.level = ++n;
  if (n === 0) return undefined;
  return { first, last, columns };
}
