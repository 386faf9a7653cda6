// Documents without a usable table: the scored items are numbered paragraphs ("（一）宣传教育工作",
// "1.…计3分。"). Headings give the tree, each numbered paragraph is an indicator whose text is its
// 评价标准, and the points it states are read as for a table cell. Paragraphs outside the scoring
// part are kept as comments, except vetoes, grades and a stated total.
import type { SourceDocument } from './model.js';
import { newIndicator, type DraftIndicator, type DraftRubric } from './draft.js';
import { around, finish, lineWord, titleOf, type Draft } from './build.js';
import { parseMarker, cleanText, halfWidth } from './text.js';
import { recognize } from './rules/recognize.js';

const SCORING = /考核内容|计分|评分|考评内容|评分标准|考核标准|评价内容|评估内容/;
const POINTS = /(?:计|得|加)\s*(\d+(?:\.\d+)?)\s*分/g;

export function readNarrative(doc: SourceDocument, fileName: string): Draft[] {
  const word = lineWord(doc);
  const paras = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [{ text: cleanText(b.text), line: b.line }] : b.table.rows.map((r) => ({ text: r.cells.map((c) => cleanText(c.text)).filter((t) => t !== '').join(' '), line: r.line })))).filter((p) => p.text !== '');
  const scored = paras.filter((p) => POINTS.test(halfWidth(p.text)) || /一票否决/.test(p.text));
  POINTS.lastIndex = 0;
  if (scored.length === 0) return [];

  // The title: the last title-like paragraph before the first scored one, joined with a short
  // line before it that Word broke off ("通州区工商联各类商会工作" / "目标管理考评意见").
  const firstScored = paras.indexOf(scored[0]!);
  let titleAt = -1;
  for (let i = firstScored - 1; i >= 0 && titleAt < 0; i--) if (titleOf(paras[i]!.text) && !parseMarker(paras[i]!.text).marker) titleAt = i;
  let title = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  let titleFrom = titleAt;
  if (titleAt >= 0) {
    title = titleOf(paras[titleAt]!.text)!;
    const prev = paras[titleAt - 1];
    if (prev && prev.text.length <= 20 && !/[。；：:，,]$/.test(prev.text) && !parseMarker(prev.text).marker && !/^附件/.test(prev.text)) {
      title = `${prev.text}${title}`;
      titleFrom = titleAt - 1;
    }
  }
  const r: DraftRubric = { title, header: [], method: [], notes: [], indicators: [], bonuses: [], vetoes: [], grades: [], trailer: [], reviews: [] };
  r.reviews.push('原文没有评估表格，按编号段落读取计分条目');

  // The scoring part: from a heading that names it to the next heading of the same style.
  let start = paras.findIndex((p, i) => i > titleAt && parseMarker(p.text).marker && SCORING.test(p.text) && p.text.length < 40);
  let startStyle = start >= 0 ? (parseMarker(paras[start]!.text).marker as { style?: string }).style : undefined;
  if (start < 0) start = Math.max(titleAt, 0);
  let end = paras.length;
  for (let i = start + 1; i < paras.length; i++) {
    const m = parseMarker(paras[i]!.text).marker;
    if (startStyle && m && 'style' in m && m.style === startStyle) {
      end = i;
      break;
    }
  }
  const styles: string[] = [];
  const open: DraftIndicator[] = [];
  let vetoList = false;
  const consumed = new Set<{ text: string; line: number }>();
  paras.forEach((p, i) => {
    if (consumed.has(p)) return;
    if (i >= titleFrom && i <= titleAt) {
      r.header.push(`标题（${word(p.line)}）：${p.text}`);
      return;
    }
    const inScoring = i > start && i < end;
    const pm = parseMarker(p.text);
    const style = pm.marker && pm.marker.kind === 'ordinal' ? pm.marker.style : pm.marker ? 'dotted' : undefined;
    if (i > titleAt && /一票否决/.test(p.text) && /[：:]$/.test(p.text)) {
      vetoList = true;
      r.trailer.push(`${word(p.line)}：${p.text}`);
      return;
    }
    if (vetoList && style && style !== 'cn、' && style !== '(cn)') {
      r.vetoes.push({ text: pm.rest.replace(/[；;。]$/, ''), source: `${word(p.line)}：${p.text}` });
      return;
    }
    vetoList = false;
    if (/百分制/.test(p.text) && !r.total) r.total = { value: '100', source: `“百分制”（${word(p.line)}）` };
    if (!inScoring) {
      if (i < start) r.header.push(`${word(p.line)}：${p.text}`);
      else around(p.text, r, word(p.line));
      return;
    }
    let level = style ? styles.indexOf(style) : -1;
    if (style && level < 0) {
      styles.push(style);
      level = styles.length - 1;
    }
    const scoredPara = new RegExp(POINTS.source).test(halfWidth(p.text));
    if (style && !scoredPara && pm.rest.length <= 30) {
      // A heading: "（一）宣传教育工作".
      const parent = level > 0 ? open[level - 1] : undefined;
      const ind = newIndicator({ title: pm.rest.trim(), line: p.line });
      // "实行百分制，按80%计入总分" under it: a weighted part of a composite.
      const body = paras.slice(i + 1, end).findIndex((q) => {
        const qm = parseMarker(q.text).marker;
        return qm !== undefined && qm.kind === 'ordinal' && styles.indexOf(qm.style) >= 0 && styles.indexOf(qm.style) <= level;
      });
      const section = paras.slice(i + 1, body < 0 ? end : i + 1 + body);
      const weight = section.map((q) => /百分制[^。；]*?按\s*(\d+(?:\.\d+)?)\s*[%％]\s*计入/.exec(halfWidth(q.text))).find((m) => m);
      if (weight && level === 0) {
        ind.part = { name: ind.title.replace(/[^A-Za-z_\u3400-\u9fff0-9]/g, '') || `部分${r.indicators.length + 1}`, weight: weight[1]! };
        ind.stated = '100';
        ind.column = '100';
        ind.comments.push(`${word(p.line)}：${p.text}`);
        ind.reviews.push(`“百分制，按${weight[1]}%计入总分”读作满分 100、权重 ${weight[1]}% 的部分`);
        for (const q of section) {
          ind.comments.push(`${word(q.line)}：${q.text}`);
          const qm = parseMarker(q.text);
          const text = qm.rest.trim();
          if (/^内容[：:]/.test(text)) ind.standard.push(text.replace(/^内容[：:]\s*/, ''));
          else ind.note.push(text);
          consumed.add(q);
        }
        if (/民主评议|评议|评审/.test(ind.title)) ind.review = true;
        r.indicators.push(ind);
        open.length = 0;
        return;
      }
      ind.code = parent?.code ? `${parent.code}.${(pm.marker as { n: number }).n}` : String((pm.marker as { n?: number }).n ?? '');
      if (!ind.code) delete ind.code;
      ind.comments.push(`${word(p.line)}：${p.text}`);
      (parent ? parent.children : r.indicators).push(ind);
      open[level] = ind;
      open.length = level + 1;
      return;
    }
    if (!scoredPara) {
      around(p.text, r, word(p.line));
      return;
    }
    // A scored paragraph: numbered, or the text of the last heading.
    const parentLevel = style ? level - 1 : open.length - 1;
    const parent = parentLevel >= 0 ? open[parentLevel] : undefined;
    const body = style ? pm.rest.trim() : p.text;
    const first = body.split(/[，,。；;]/)[0]!.trim();
    const ind = newIndicator({ title: first.length <= 40 ? first : `${first.slice(0, 30)}…`, line: p.line });
    if (style && pm.marker && pm.marker.kind === 'ordinal') ind.code = parent?.code ? `${parent.code}.${pm.marker.n}` : String(pm.marker.n);
    ind.standard.push(body);
    ind.comments.push(`${word(p.line)}`);
    if (ind.title !== body) ind.reviews.push('原文条目没有标题，取其开头文字作标题');
    score(ind, body);
    if (/(?:^|[，,；;])\s*加\s*\d+(?:\.\d+)?\s*分/.test(halfWidth(body)) && !/计\s*\d/.test(body)) {
      ind.bonus = true;
      delete ind.code;
      r.bonuses.push(ind);
      return;
    }
    (parent ? parent.children : r.indicators).push(ind);
  });
  finishNarrative(r.indicators, r);
  finish(r.bonuses);
  if (r.indicators.length === 0 && r.total && r.bonuses.length === 0) {
    r.reviews.push(`原文写有${r.total.source}，但没有读出计分条目，未写总分`);
    delete r.total;
  }
  return [{ rubric: r, line: paras[0]?.line ?? 1, rows: 0 }];
}

/** Points of a scored paragraph: one stated value is the indicator's; several make items. */
function score(ind: DraftIndicator, text: string): void {
  const h = halfWidth(text);
  const values = [...h.matchAll(new RegExp(POINTS.source, 'g'))].map((m) => m[1]!);
  const per = /每|1\s*[次篇项条家名]|一\s*[次篇项条家名]/.test(h);
  if (values.length === 1 && !per) {
    ind.stated = values[0];
    ind.column = values[0];
    return;
  }
  if (values.length === 1 && per) return;
  // Alternatives (bands on one measure, or grades) stay one indicator.
  const alt = recognize(text, undefined);
  if (alt.items.length === 0 && !alt.unread && alt.rules.length === 1 && (alt.rules[0]!.kind === 'numeric' || (alt.rules[0]!.kind === 'bands' && alt.rules[0]!.bands.every((b) => /^(?:好|较好|一般|差|优秀|良好|合格|不合格|没有)$/.test(b.label))))) return;
  // Several scored clauses: one child each.
  const sentences = text.split(/[；;。]/).map((s) => s.trim()).filter((s) => s !== '');
  for (const s of sentences) {
    const clauses = s.split(/[，,]/);
    let ctx: string[] = [];
    for (const c of clauses) {
      if (!new RegExp(POINTS.source).test(halfWidth(c))) {
        ctx.push(c);
        continue;
      }
      const label = c.replace(/[，,]?\s*(?:每[^，,]*?)?(?:\d+\s*[次篇项条家名])?(?:计|得|加)\s*\d+(?:\.\d+)?\s*分.*$/, '').trim();
      const titleText = (label !== '' ? label : ctx[ctx.length - 1] ?? c).replace(/的$/, '');
      const child = newIndicator({ title: titleText, line: ind.line });
      child.standard.push([...ctx, c].join('，'));
      child.comments.push(`原文：${[...ctx, c].join('，')}`);
      const v = new RegExp(POINTS.source).exec(halfWidth(c))![1]!;
      if (!/每|1\s*[次篇项条家名]|一\s*[次篇项条家名]/.test(halfWidth([...ctx, c].join('，')))) {
        child.stated = v;
        child.column = v;
      }
      ind.children.push(child);
      ctx = [];
    }
  }
  if (ind.children.length > 0) ind.reviews.push(`按计分句拆成 ${ind.children.length} 项，请核对各项标题`);
}

function finishNarrative(inds: DraftIndicator[], r: DraftRubric): void {
  // Headings with nothing scored below them are text, not indicators.
  const prune = (xs: DraftIndicator[]): DraftIndicator[] =>
    xs.filter((x) => {
      x.children = prune(x.children);
      const keep = x.part !== undefined || x.children.length > 0 || x.stated !== undefined || x.standard.length > 0;
      if (!keep) r.trailer.push(...x.comments);
      return keep;
    });
  inds.splice(0, inds.length, ...prune(inds));
  finish(inds);
  // Children made from one paragraph keep the paragraph once, on the parent.
  const strip = (xs: DraftIndicator[]) => {
    for (const x of xs) {
      for (const c of x.children) if (c.comments.some((k) => k.startsWith('原文：'))) c.standard = [];
      strip(x.children);
    }
  };
  strip(inds);
}
