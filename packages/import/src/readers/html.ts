// HTML (a table saved from Word, or a web page) through parse5: tables with colspan/rowspan, and
// the text of the blocks around them as paragraphs.
import { parse } from 'parse5';
import { cell, type Block, type Cell, type Row, type SourceDocument } from '../model.js';

interface HNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HNode[];
  content?: HNode;
}

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'caption', 'dt', 'dd', 'section', 'article', 'header', 'footer']);
const SKIP = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);

const attr = (n: HNode, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;

/** Text of a node with block boundaries and <br> as line breaks. */
function textOf(n: HNode): string {
  if (n.nodeName === '#text') return (n.value ?? '').replace(/[ \t\r\n\f]+/g, ' ').replace(/\u00a0/g, ' ');
  if (n.tagName && SKIP.has(n.tagName)) return '';
  if (n.tagName === 'br') return '\n';
  const inner = (n.childNodes ?? []).map(textOf).join('');
  return n.tagName && (BLOCK.has(n.tagName) || n.tagName === 'tr' || n.tagName === 'table') ? `\n${inner}\n` : inner;
}

const clean = (t: string): string =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

export function readHtml(text: string): SourceDocument {
  const doc = parse(text) as unknown as HNode;
  const blocks: Block[] = [];
  let n = 0;
  let pending = '';
  const flushText = () => {
    for (const l of clean(pending).split('\n')) if (l !== '') blocks.push({ kind: 'paragraph', text: l, line: ++n });
    pending = '';
  };
  const walk = (node: HNode): void => {
    if (node.tagName && SKIP.has(node.tagName)) return;
    if (node.tagName === 'table') {
      flushText();
      let row = 0;
      blocks.push({ kind: 'table', table: { rows: tableRows(node, () => ++row), mergesUnknown: false }, line: n + 1 });
      return;
    }
    if (node.nodeName === '#text' || node.tagName === 'br') {
      pending += textOf(node);
      return;
    }
    const isBlock = node.tagName !== undefined && BLOCK.has(node.tagName);
    if (isBlock) pending += '\n';
    for (const c of node.childNodes ?? []) walk(c);
    if (isBlock) pending += '\n';
  };
  walk(doc);
  flushText();
  return { format: 'html', blocks, lineLabel: 'block' };
}

function tableRows(table: HNode, nextLine: () => number): Row[] {
  const rows: Row[] = [];
  const walk = (node: HNode): void => {
    for (const c of node.childNodes ?? []) {
      if (c.tagName === 'tr') {
        const cells: Cell[] = (c.childNodes ?? [])
          .filter((x) => x.tagName === 'td' || x.tagName === 'th')
          .map((td) => cell(clean(textOf(td)), Math.max(1, Number(attr(td, 'colspan') ?? 1) || 1), Math.max(1, Number(attr(td, 'rowspan') ?? 1) || 1)));
        rows.push({ cells, line: nextLine() });
      } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}
