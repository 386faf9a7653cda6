// Word (.docx): the container is a zip (fflate), word/document.xml is read with a real XML parser
// (saxes, see xml.ts). Paragraphs and tables come out in reading order; cells keep their grid span
// (w:gridSpan), vertical merges (w:vMerge restart/continue) become row spans, and w:gridBefore
// leaves empty grid columns in front of a row.
import { unzipSync } from 'fflate';
import { elements, parseXmlTree, textContent, type XElement as Element } from './xml.js';
import { cell, type Block, type Cell, type Row, type SourceDocument } from '../model.js';
import { ImportError } from '../errors.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function unzip(bytes: Uint8Array, file: string, format: string): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (e) {
    throw new ImportError('IMP002', { file, format, detail: e instanceof Error ? e.message : String(e) });
  }
}

export function parseXml(bytes: Uint8Array | undefined, file: string, format: string, part: string): Element {
  if (!bytes) throw new ImportError('IMP002', { file, format, detail: `${part} missing` });
  try {
    return parseXmlTree(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new ImportError('IMP002', { file, format, detail: `${part}: ${e instanceof Error ? e.message : String(e)}` });
  }
}

const children = elements;
const isW = (e: Element, name: string): boolean => e.uri === W && e.local === name;
const child = (e: Element, name: string): Element | undefined => children(e).find((c) => isW(c, name));
const val = (e: Element | undefined): string | undefined => (e ? e.attrs.get(`${W}|val`) || undefined : undefined);

export function readDocx(bytes: Uint8Array, file: string): SourceDocument {
  const parts = unzip(bytes, file, 'Word');
  const root = parseXml(parts['word/document.xml'], file, 'Word', 'word/document.xml');
  const body = child(root, 'body');
  if (!body) throw new ImportError('IMP002', { file, format: 'Word', detail: 'w:body missing' });
  const blocks: Block[] = [];
  let n = 0;
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (isW(c, 'p')) blocks.push({ kind: 'paragraph', text: paragraphText(c), line: ++n });
      else if (isW(c, 'tbl')) {
        let row = 0;
        blocks.push({ kind: 'table', table: { rows: tableRows(c, () => ++row), mergesUnknown: false }, line: n + 1 });
      }
      else if (isW(c, 'sdt')) {
        const content = child(c, 'sdtContent');
        if (content) walk(content);
      } else if (isW(c, 'customXml') || isW(c, 'ins') || isW(c, 'smartTag')) walk(c);
    }
  };
  walk(body);
  return { format: 'docx', blocks: blocks.filter((b) => b.kind === 'table' || b.text.trim() !== ''), lineLabel: 'block' };
}

/** The text of a paragraph: runs, tabs as spaces, breaks as line breaks; deleted text is left out. */
function paragraphText(p: Element): string {
  let out = '';
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (c.uri !== W) continue;
      switch (c.local) {
        case 't':
          out += textContent(c);
          break;
        case 'tab':
          out += ' ';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'del':
        case 'delText':
        case 'instrText':
        case 'pPr':
        case 'rPr':
          break;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return out;
}

/** The text of a cell: its paragraphs (and nested tables' cells) separated by line breaks. */
function cellText(tc: Element): string {
  const lines: string[] = [];
  const walk = (e: Element): void => {
    for (const c of children(e)) {
      if (isW(c, 'p')) lines.push(paragraphText(c));
      else if (isW(c, 'tbl')) {
        for (const r of tableRows(c, () => 0)) lines.push(r.cells.map((x) => x.text).join(' '));
      } else if (isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) walk(c);
    }
  };
  walk(tc);
  return lines.join('\n');
}

interface RawCell {
  text: string;
  col: number;
  span: number;
  vmerge: 'restart' | 'continue' | undefined;
}

function tableRows(tbl: Element, nextLine: () => number): Row[] {
  const raw: { line: number; cells: RawCell[] }[] = [];
  for (const tr of children(tbl).filter((c) => isW(c, 'tr'))) {
    const trPr = child(tr, 'trPr');
    let col = Number(val(trPr && child(trPr, 'gridBefore')) ?? 0);
    const cells: RawCell[] = [];
    if (col > 0) cells.push({ text: '', col: 0, span: col, vmerge: undefined });
    const tcs: Element[] = [];
    const collect = (e: Element): void => {
      for (const c of children(e)) {
        if (isW(c, 'tc')) tcs.push(c);
        else if (isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) collect(c);
      }
    };
    collect(tr);
    for (const tc of tcs) {
      const pr = child(tc, 'tcPr');
      const span = Number(val(pr && child(pr, 'gridSpan')) ?? 1) || 1;
      const vm = pr && child(pr, 'vMerge');
      const vmerge = vm ? (val(vm) === 'restart' ? 'restart' : 'continue') : undefined;
      cells.push({ text: cellText(tc), col, span, vmerge });
      col += span;
    }
    raw.push({ line: nextLine(), cells });
  }
  // Vertical merges: a restart cell spans the rows below it that continue at the same grid column.
  return raw.map((r, i) => ({
    line: r.line,
    cells: r.cells
      .filter((c) => c.vmerge !== 'continue')
      .map((c): Cell => {
        let rowSpan = 1;
        if (c.vmerge === 'restart') {
          for (let j = i + 1; j < raw.length; j++) {
            if (!raw[j]!.cells.some((d) => d.col === c.col && d.vmerge === 'continue')) break;
            rowSpan++;
          }
        }
        return cell(c.text, c.span, rowSpan);
      }),
  }));
}
