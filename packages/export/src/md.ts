// The table in Markdown (GitHub-flavoured pipe table) for wikis and reviews. Markdown has no merged
// cells: a merged cell's text is written in its first row and the rows it covers are left blank.
// Lines inside a cell are joined with `<br>`; marks follow the text in bold with ⚠.
import type { Table, TableCell, TableMark } from '@rubric/core';
import { markLabel, markLines, where } from './layout.js';

function escapeText(s: string): string {
  return s.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function escapeCell(s: string): string {
  return escapeText(s).replace(/\r?\n/g, ' ');
}

function cellMd(cell: TableCell | null): string {
  if (!cell) return '';
  const parts = cell.lines.map(escapeCell);
  for (const m of markLines(cell)) parts.push(`**${escapeCell(markLabel(m))}**`);
  return parts.join('<br>');
}

function marksMd(marks: TableMark[]): string {
  return marks.map((m) => ` **${escapeText(markLabel({ code: m.code, text: m.message }))}**`).join('');
}

export function renderMarkdown(table: Table): string {
  const out: string[] = [];
  out.push(`# ${escapeText(table.title)}`, '');
  if (table.allMarks.length > 0) out.push(`> ${escapeText(table.words.legend)}`, '');
  out.push(`| ${table.columns.map((c) => escapeCell(c.header)).join(' | ')} |`);
  out.push(`|${table.columns.map((c) => (c.role === 'points' || c.role === 'self' || c.role === 'score' ? ':---:' : '---')).join('|')}|`);
  for (const row of table.rows) out.push(`| ${row.cells.map(cellMd).join(' | ')} |`);
  if (table.grades.length > 0) {
    out.push('', `## ${escapeText(table.words.grades)}`, '');
    for (const g of table.grades) out.push(`- **${escapeText(g.name)}**：${escapeText(g.condition)}${marksMd(g.marks)}`);
  }
  if (table.vetoes.length > 0) {
    out.push('', `## ${escapeText(table.words.vetoes)}`, '');
    table.vetoes.forEach((v, i) => out.push(`${i + 1}. ${escapeText(v.text)}${marksMd(v.marks)}`));
  }
  if (table.notes.length > 0) {
    out.push('', `## ${escapeText(table.words.notes)}`, '');
    for (const n of table.notes) out.push(escapeText(n), '');
    out.pop();
  }
  if (table.allMarks.length > 0) {
    out.push('', `## ${escapeText(table.words.problems)}`, '');
    table.allMarks.forEach((m, i) => out.push(`${i + 1}. \`${m.code}\` ${escapeText(where(m))} ${escapeText(m.message)}`));
  }
  return `${out.join('\n')}\n`;
}
