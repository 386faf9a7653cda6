// From the document model to drafts: tables become indicator trees (table/tree.ts), the text
// around them gives the title, the total, vetoes and grades; rules are read from each leaf's
// standard (rules/recognize.ts). A document without a usable table is read as numbered
// paragraphs (narrative.ts).
import type { Block, SourceDocument } from './model.js';
import { newIndicator, walkDraft, type DraftIndicator, type DraftRubric } from './draft.js';
import { readTable, type TableReading } from './table/tree.js';
import type { Column } from './table/columns.js';
import { recognize } from './rules/recognize.js';
import { cleanText, cleanTitle, parseMarker } from './text.js';
import { readNarrative } from './narrative.js';

/** Names a place of the source in comments: a line of a text file, a paragraph, a row of table k. */
export function lineWord(doc: SourceDocument, table?: number): (line: number) => string {
  if (doc.lineLabel === 'line') return (n) => `原文第${n}行`;
  if (table !== undefined) return (n) => `表${table}第${n}行`;
  return (n) => (doc.lineLabel === 'row' ? `第${n}行` : `第${n}段`);
}

const TITLE_WORDS = /指标|细则|标准|办法|评估|考核|评价|考评|评分|计分|评比/;

/** A paragraph that names the table below it. */
export function titleOf(text: string): string | undefined {
  let t = cleanTitle(text.replace(/\[bookmark:[^\]]*\]/g, ''));
  if (t.length > 60 || t.length < 4 || /[。；;：:]$/.test(t) || /[=＝*×]/.test(t) || !TITLE_WORDS.test(t)) return undefined;
  const m = parseMarker(t);
  if (m.marker?.kind === 'ordinal') t = m.rest.trim();
  t = t.replace(/^附件\s*\d*\s*[：:]?/, '').trim();
  return t === '' ? undefined : t;
}

const looksLikeCriterion = (t: string): boolean => /(?:得|计|扣|加)\s*\d|不得分|不计分|每[^，。；]{0,10}\d*\s*分|\d+(?:\.\d+)?\s*[%％]|不小于|不低于|不少于|超过|[≥≤]/.test(t);

/** Titles and points once the tree is complete; then the rules read from each leaf's text. */
export function finish(inds: DraftIndicator[]): void {
  walkDraft(inds, (ind) => {
    if (ind.part) {
      ind.points = ind.stated;
      return;
    }
    if (ind.children.length > 0) {
      ind.title = ind.bare;
      ind.points = ind.stated ?? ind.column;
      if (ind.stated === undefined && ind.column !== undefined) ind.reviews.push('上级指标的分值取自分值栏');
      return;
    }
    if (ind.column !== undefined) ind.points = ind.column;
    else {
      ind.points = ind.stated;
      ind.title = ind.bare;
    }
    const text = ind.standard.length > 0 ? ind.standard.join('；') : looksLikeCriterion(ind.bare) ? ind.bare : '';
    if (text === '') return;
    const r = recognize(text, ind.points);
    ind.rules.push(...r.rules);
    ind.gates.push(...r.gates);
    if (r.review) ind.review = true;
    ind.reviews.push(...r.reviews);
    if (r.unread) ind.reviews.push('评价标准中的计分说法未能全部转写，原文保留在评价标准中');
    for (const it of r.items) {
      const child = newIndicator({ title: it.title, line: ind.line, ...(it.points !== undefined ? { column: it.points, points: it.points } : {}) });
      child.rules.push(...it.rules);
      child.review = it.review;
      child.gates.push(...it.gates);
      child.comments.push(`原文：${it.source}`);
      ind.children.push(child);
    }
  });
}

function newRubric(title: string): DraftRubric {
  return { title, header: [], method: [], notes: [], indicators: [], bonuses: [], vetoes: [], grades: [], trailer: [], reviews: [] };
}

export interface Draft {
  rubric: DraftRubric;
  /** Where the table starts in the source. */
  line: number;
  rows: number;
}

export function buildDrafts(doc: SourceDocument, fileName: string): Draft[] {
  const word = lineWord(doc);
  const drafts: Draft[] = [];
  let pending: { text: string; line: number; where?: string }[] = [];
  let current: Draft | undefined;
  let columns: Column[] | undefined;
  let tableCount = 0;
  const fileTitle = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

  type Text = { text: string; line: number; where?: string };
  const placeOf = (p: Text): string => p.where ?? word(p.line);
  const place = (items: Text[], into: Draft) => {
    for (const p of items) around(p.text, into.rubric, placeOf(p));
  };

  for (const b of doc.blocks as Block[]) {
    if (b.kind === 'paragraph') {
      pending.push({ text: b.text, line: b.line });
      continue;
    }
    tableCount++;
    const rowWord = lineWord(doc, tableCount);
    const reading: TableReading | undefined = readTable(b.table, rowWord, columns);
    if (!reading || (reading.indicators.length === 0 && reading.bonuses.length === 0)) {
      for (const r of b.table.rows) {
        const t = r.cells.map((c) => cleanText(c.text)).filter((x) => x !== '').join(' ');
        if (t !== '') pending.push({ text: t, line: r.line, where: rowWord(r.line) });
      }
      continue;
    }
    const texts = [...pending, ...reading.above.map((a) => ({ ...a, where: rowWord(a.line) }))];
    let at = -1;
    for (let i = texts.length - 1; i >= 0 && at < 0; i--) if (titleOf(texts[i]!.text) !== undefined) at = i;
    const titled = at >= 0 ? texts[at] : undefined;
    const continuation = current && (!titled || reading.header.length === 0) && sameColumns(columns, reading.columns);
    if (continuation && current) {
      place(texts, current);
      current.rubric.reviews.push(`表${tableCount}（${word(b.line)}起）的表格与上一表格各列相同、中间没有标题，作为同一评估表的续表`);
      mergeInto(current.rubric.indicators, reading.indicators);
      current.rubric.bonuses.push(...reading.bonuses);
      current.rows += reading.rows;
    } else {
      const d: Draft = { rubric: newRubric(titled ? titleOf(titled.text)! : fileTitle), line: b.line, rows: reading.rows };
      // Text before the title belongs to the previous rubric when there is one (text after its
      // table), else it is the document's preamble, kept as comments.
      const before = at >= 0 ? texts.slice(0, at) : texts;
      const after = at >= 0 ? texts.slice(at + 1) : [];
      if (current) place(before, current);
      else for (const p of before) d.rubric.header.push(`${placeOf(p)}：${p.text}`);
      if (titled) d.rubric.header.push(`标题（${placeOf(titled)}）：${titled.text}`);
      else d.rubric.reviews.push('没有找到表格的标题，以文件名作标题');
      for (const p of after) {
        // Text between the title and the table may state the total ("本表满分为100分").
        const total = /(?:总分|满分|总计)\s*(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分/.exec(p.text);
        if (total && !d.rubric.total && p.text.length <= 40) d.rubric.total = { value: total[1]!, source: `${placeOf(p)}：${p.text}` };
        else d.rubric.header.push(`${placeOf(p)}：${p.text}`);
      }
      drafts.push(d);
      current = d;
      d.rubric.indicators.push(...reading.indicators);
      d.rubric.bonuses.push(...reading.bonuses);
    }
    const r = current!.rubric;
    if (reading.header.length > 0) {
      for (const h of reading.header) r.header.push(`表头（${rowWord(h.line)}）：${h.text}`);
      r.header.push(`各列：${reading.columns.map((c) => `${c.name || `第${c.index + 1}列`}→${ROLE_WORD[c.role]}${c.level ? c.level : ''}`).join('；')}`);
      for (const c of reading.columns) if (c.guess) r.reviews.push(`${c.name || `第${c.index + 1}列`}：${c.guess}`);
    }
    if (reading.total) r.total = { value: reading.total.value, source: `${reading.total.source} ${reading.total.value}（${rowWord(reading.total.line)}）` };
    r.reviews.push(...reading.reviews);
    for (const t of reading.below) around(t.text, r, rowWord(t.line));
    columns = reading.columns;
    pending = [];
  }
  if (drafts.length === 0) return readNarrative(doc, fileName);
  for (const p of pending) around(p.text, drafts[drafts.length - 1]!.rubric, placeOf(p));
  for (const d of drafts) {
    finish(d.rubric.indicators);
    finish(d.rubric.bonuses);
  }
  return drafts;
}

const ROLE_WORD: Record<string, string> = { level: '指标第', points: '分值', standard: '评价标准', method: '评定方法', note: '说明', score: '得分（不转写）', unknown: '说明（待确认）' };

function sameColumns(a: Column[] | undefined, b: Column[]): boolean {
  return !!a && a.length === b.length && a.every((c, i) => c.role === b[i]!.role);
}

/** A continuation table: its first indicators may repeat the last open ones (page break). */
function mergeInto(into: DraftIndicator[], more: DraftIndicator[]): void {
  for (const m of more) {
    const last = into[into.length - 1];
    if (last && last.printed.replace(/\s+/g, '') === m.printed.replace(/\s+/g, '')) {
      last.comments.push('续表重复了此单元格，已合并');
      mergeInto(last.children, m.children);
    } else into.push(m);
  }
}

/** Text around the tables: a veto, a grade, a note, or a comment. */
export function around(text: string, r: DraftRubric, where: string): void {
  const t = cleanText(text);
  if (t === '') return;
  // "有下列情形之一的，实行一票否决：" then "1、…；" "2、…。": one veto per listed item.
  const m = parseMarker(t);
  if (r.vetoList && m.marker?.kind === 'ordinal' && m.marker.style !== 'cn、') {
    r.vetoes.push({ text: m.rest.trim().replace(/[；;。]$/, ''), source: `${where}：${t}` });
    return;
  }
  r.vetoList = /一票否决/.test(t) && /[：:]$/.test(t);
  if (/一票否决/.test(t) && !/[：:]$/.test(t)) {
    r.vetoes.push({ text: t.replace(/^(?:注|备注|说明)\s*[：:]\s*/, ''), source: `${where}：${t}` });
    return;
  }
  // "总分1000分", "满分为100分": the declared total, when the table did not give one.
  const total = /(?:总分|满分|总计)\s*(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分/.exec(t);
  if (total && !r.total && t.length <= 40) {
    r.total = { value: total[1]!, source: `${where}：${t}` };
    return;
  }
  const g = gradeOf(t);
  if (g.length > 0) {
    r.grades.push(...g.map((x) => ({ ...x, source: `${where}：${t}` })));
    return;
  }
  r.trailer.push(`${where}：${t}`);
}

/** "90分以上的为五好商会", "5A级：950分以上". */
export function gradeOf(t: string): { name: string; condition: string }[] {
  const out: { name: string; condition: string }[] = [];
  const re = /(\d+(?:\.\d+)?)\s*分(?:（含）)?\s*(以上|及以上|以下)(?:的)?[，,]?\s*(?:为|评为|定为|确定为|将被确定为|将被评为)\s*(?:本年度的)?[“"]?([^，。；”"]{1,12}?)[”"]?(?=[，。；]|$)/g;
  for (const m of t.matchAll(re)) out.push({ name: m[3]!.replace(/^(?:本年度的|本年度)/, ''), condition: `${m[1]} ${m[2] === '以下' ? '以下' : '以上'}` });
  const re2 = /([0-9A-Za-z一二三四五]+(?:A级|级|等))\s*[：:]\s*(\d+(?:\.\d+)?)\s*分\s*(?:（含）)?\s*(以上|及以上)/g;
  for (const m of t.matchAll(re2)) out.push({ name: m[1]!, condition: `${m[2]} 以上` });
  return out;
}
