// The table as HTML: a self-contained printable page (A4 print CSS, CJK fonts, header rows repeated
// on every printed page, marked cells visible in print too), and the same content as the editor
// preview shows it (VS Code theme colours, click a row to reveal its source). No dependencies, no
// remote resources: the language server imports this module alone (`@rubric/export/html`).
import type { Table, TableCell, TableMark, TableRow } from '@rubric/core';
import { cellSeverity, markLines, pageLayout, where } from './layout.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

type Src = { file: string; start: { line: number; column: number; offset: number } } | null;

/** Where a click reveals the source (editor preview only: printed pages carry no paths). */
function reveal(range: Src, links: boolean): string {
  return links && range ? ` data-file="${escapeHtml(range.file)}" data-line="${range.start.line}" data-col="${range.start.column}"` : '';
}

const same = (a: Src, b: Src): boolean => !!a && !!b && a.file === b.file && a.start.offset === b.start.offset;

function marksHtml(cell: Pick<TableCell, 'marks' | 'subtotal'>): string {
  return markLines(cell)
    .map((m) => `<div class="mark ${m.severity === 'error' ? 'err' : 'warn'}">⚠ ${escapeHtml(m.text)} <span class="code">${m.code}</span></div>`)
    .join('');
}

/** A cell; in a row, what the row says already (its indicator and source) is not repeated. */
function cellHtml(cell: TableCell, tag: 'td' | 'th', row: TableRow | null, links: boolean): string {
  const cls = [cell.role === 'level' ? 'lvl' : cell.role];
  const sev = cellSeverity(cell);
  if (sev) cls.push(sev === 'error' ? 'err' : 'warn');
  if (cell.subtotal) cls.push('mismatch');
  const span = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
  const own = cell.indicatorId !== null && cell.indicatorId !== row?.indicatorId;
  const id = own ? ` data-id="${escapeHtml(cell.indicatorId!)}"` : '';
  const src = own || !same(cell.range, row?.range ?? null) ? reveal(cell.range, links) : '';
  const text = cell.lines.map(escapeHtml).join('<br>');
  return `<${tag} class="${cls.join(' ')}"${span}${id}${src}>${text}${marksHtml(cell)}</${tag}>`;
}

function rowHtml(row: TableRow, cells: (TableCell | null)[], links: boolean): string {
  const cls: string[] = [row.kind];
  if (row.indicatorKind === 'bonus') cls.push('bonus');
  if (row.cells.some((c) => c && cellSeverity(c) === 'error')) cls.push('has-err');
  const id = row.indicatorId !== null ? ` data-id="${escapeHtml(row.indicatorId)}"` : '';
  return `<tr class="${cls.join(' ')}"${id}${reveal(row.range, links)}>${cells.map((c) => (c ? cellHtml(c, 'td', row, links) : '')).join('')}</tr>`;
}

/**
 * Rows per table. Browsers lay out (and print) a very long table of tall merged cells slowly, so a long
 * table is written as consecutive tables of at most this many rows that read as one: a merged cell cut
 * at a boundary is repeated at the top of the next table. Tables shorter than this are one table.
 */
export const ROWS_PER_TABLE = 200;

/** The body rows of each table: the model's rows, cut every `ROWS_PER_TABLE` rows. */
function tableBodies(table: Table, links: boolean): string[] {
  const n = table.rows.length;
  // Which cell covers each position: its row, column and cell.
  const owner: ({ r: number; c: number; cell: TableCell } | undefined)[][] = table.rows.map(() => table.columns.map(() => undefined));
  table.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (!cell) return;
      for (let i = r; i < Math.min(n, r + cell.rowSpan); i++) for (let j = c; j < c + cell.colSpan; j++) owner[i]![j] = { r, c, cell };
    }),
  );
  const bodies: string[] = [];
  for (let a = 0; a < n; a += ROWS_PER_TABLE) {
    const b = Math.min(n, a + ROWS_PER_TABLE);
    const rows: string[] = [];
    for (let r = a; r < b; r++) {
      const cells = table.columns.map((_, c): TableCell | null => {
        const o = owner[r]![c];
        if (!o || o.c !== c || (o.r !== r && r !== a)) return null;
        return { ...o.cell, rowSpan: Math.min(o.r + o.cell.rowSpan, b) - r };
      });
      rows.push(rowHtml(table.rows[r]!, cells, links));
    }
    bodies.push(rows.join('\n'));
  }
  return bodies;
}

function markList(marks: TableMark[]): string {
  return marks.map((m) => `<div class="mark ${m.severity === 'error' ? 'err' : 'warn'}">⚠ ${escapeHtml(m.message)} <span class="code">${m.code}</span></div>`).join('');
}

/**
 * The page content: title, legend, table and the parts after it. With `links` (the editor preview),
 * rows and cells say where their indicator is written, for click-to-reveal.
 */
export function renderTableBody(table: Table, links = false): string {
  const total = table.columns.reduce((n, c) => n + c.width, 0) || 1;
  // The widths are also in data-w: the preview's content security policy ignores style attributes,
  // so its script sets them through the DOM.
  const cols = table.columns
    .map((c) => {
      const w = ((c.width / total) * 100).toFixed(2);
      return `<col data-w="${w}" style="width:${w}%">`;
    })
    .join('');
  const head = table.header.map((r) => `<tr>${r.map((c) => (c ? cellHtml(c, 'th', null, false) : '')).join('')}</tr>`).join('');
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(table.title)}</h1>`);
  if (table.allMarks.length > 0) parts.push(`<p class="legend">${escapeHtml(table.words.legend)}</p>`);
  for (const body of tableBodies(table, links)) parts.push(`<table class="rb"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`);
  if (table.grades.length > 0) {
    const items = table.grades
      .map((g) => `<li${reveal(g.range, links)}><b>${escapeHtml(g.name)}</b>：${escapeHtml(g.condition)}${markList(g.marks)}</li>`)
      .join('');
    parts.push(`<section class="grades"><h2>${escapeHtml(table.words.grades)}</h2><ul>${items}</ul></section>`);
  }
  if (table.vetoes.length > 0) {
    const items = table.vetoes.map((v) => `<li${reveal(v.range, links)}>${escapeHtml(v.text)}${markList(v.marks)}</li>`).join('');
    parts.push(`<section class="vetoes"><h2>${escapeHtml(table.words.vetoes)}</h2><ol>${items}</ol></section>`);
  }
  if (table.notes.length > 0) {
    parts.push(`<section class="notes"><h2>${escapeHtml(table.words.notes)}</h2>${table.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</section>`);
  }
  if (table.allMarks.length > 0) {
    const items = table.allMarks
      .map((m) => `<li class="${m.severity === 'error' ? 'err' : 'warn'}"${reveal(m.range, links)}><span class="code">${m.code}</span> <span class="where">${escapeHtml(where(m))}</span> ${escapeHtml(m.message)}</li>`)
      .join('');
    parts.push(`<section class="problems"><h2>${escapeHtml(table.words.problems)}</h2><ol>${items}</ol></section>`);
  }
  return parts.join('\n');
}

function css(table: Table): string {
  const page = pageLayout(table);
  return `
:root{--rb-fg:#111;--rb-bg:#fff;--rb-muted:#555;--rb-border:#222;--rb-head:#eee;--rb-err:#c00000;--rb-err-bg:#fde4e4;--rb-warn:#8a5a00;--rb-warn-bg:#fff2cc;--rb-hover:#eaf1fb;
--rb-font:"FangSong","仿宋","FangSong_GB2312","仿宋_GB2312","STFangsong","Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif;
--rb-head-font:"SimHei","黑体","Heiti SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;}
body.vscode-light,body.vscode-dark,body.vscode-high-contrast,body.vscode-high-contrast-light{--rb-fg:var(--vscode-editor-foreground);--rb-bg:var(--vscode-editor-background);--rb-muted:var(--vscode-descriptionForeground);--rb-border:var(--vscode-editorWidget-border,var(--vscode-panel-border,#888));--rb-head:var(--vscode-editorWidget-background);--rb-err:var(--vscode-errorForeground);--rb-err-bg:var(--vscode-inputValidation-errorBackground,transparent);--rb-warn:var(--vscode-editorWarning-foreground);--rb-warn-bg:var(--vscode-inputValidation-warningBackground,transparent);--rb-hover:var(--vscode-list-hoverBackground);--rb-font:var(--vscode-font-family);--rb-head-font:var(--vscode-font-family);}
html,body{background:var(--rb-bg);color:var(--rb-fg)}
body{font-family:var(--rb-font);font-size:${page.fontPt}pt;line-height:1.35;margin:16px}
h1{font-family:var(--rb-head-font);font-size:16pt;font-weight:bold;text-align:center;margin:0 0 10px}
h2{font-family:var(--rb-head-font);font-size:12pt;font-weight:bold;margin:14px 0 6px}
.legend{color:var(--rb-muted);font-size:90%;margin:0 0 6px}
table.rb{border-collapse:collapse;width:100%;table-layout:fixed}
table.rb+table.rb{margin-top:-1px}
table.rb+table.rb thead{display:none}
table.rb th,table.rb td{border:1px solid var(--rb-border);padding:3px 4px;vertical-align:middle;overflow-wrap:anywhere;word-break:break-word}
table.rb th{font-family:var(--rb-head-font);font-weight:bold;background:var(--rb-head);text-align:center}
table.rb td.lvl{text-align:left}
table.rb td.points,table.rb td.self,table.rb td.score{text-align:center}
table.rb tr.total td,table.rb tr.final td,table.rb tr.grade td{font-weight:bold}
table.rb tr.total td.lvl,table.rb tr.final td.lvl,table.rb tr.grade td.lvl{text-align:center}
table.rb td.err{border:2px solid var(--rb-err);background:var(--rb-err-bg)}
table.rb td.warn{border:2px solid var(--rb-warn);background:var(--rb-warn-bg)}
.mark{font-weight:bold;font-size:90%;margin-top:2px}
.mark.err,li.err{color:var(--rb-err)}
.mark.warn,li.warn{color:var(--rb-warn)}
.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:90%}
.where{color:var(--rb-muted)}
section ul,section ol{margin:0;padding-left:2em}
section p{margin:2px 0;text-indent:2em}
body[class*="vscode-"] [data-line]{cursor:pointer}
body[class*="vscode-"] table.rb td.lvl{vertical-align:top}
body[class*="vscode-"] table.rb tr[data-line]:hover td:not([rowspan]){background:var(--rb-hover)}
body[class*="vscode-"] table.rb td.lvl[data-line]:hover{background:var(--rb-hover)}
@page{size:A4 ${page.orientation};margin:12mm 10mm}
@media print{body{margin:0}thead,table.rb+table.rb thead{display:table-header-group}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;
}

/** A self-contained printable page of the table. */
export function renderHtml(table: Table): string {
  const lang = table.locale === 'en' ? 'en' : 'zh-CN';
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(table.title)}</title><style>${css(table)}</style></head>
<body><main id="rubric-root">${renderTableBody(table)}</main></body></html>
`;
}

/**
 * The page the editor preview shows: the same content under a content security policy that allows no
 * remote resource (only this page's own style and script, by nonce). Clicking a cell posts
 * `{ type: 'reveal', file, line, column }`; posting `{ type: 'update', body }` to the page replaces
 * its content (from `renderTableBody`) without reloading it, so the scroll position is kept.
 */
export function renderPreviewHtml(table: Table, nonce: string): string {
  const n = escapeHtml(nonce);
  const lang = table.locale === 'en' ? 'en' : 'zh-CN';
  const script = `(function(){var api=acquireVsCodeApi();
function widths(){document.querySelectorAll('col[data-w]').forEach(function(c){c.style.width=c.getAttribute('data-w')+'%';});}
widths();
document.addEventListener('click',function(e){var el=e.target&&e.target.closest?e.target.closest('[data-line]'):null;if(!el)return;
api.postMessage({type:'reveal',file:el.getAttribute('data-file'),line:Number(el.getAttribute('data-line')),column:Number(el.getAttribute('data-col'))});});
window.addEventListener('message',function(e){var m=e.data;if(m&&m.type==='update'&&typeof m.body==='string'){document.getElementById('rubric-root').innerHTML=m.body;widths();}});
}());`;
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(table.title)}</title><style nonce="${n}">${css(table)}</style></head>
<body><main id="rubric-root">${renderTableBody(table, true)}</main><script nonce="${n}">${script}</script></body></html>
`;
}
