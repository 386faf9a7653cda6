// Writes a draft as rubric text in canonical layout (two spaces per level, one statement per
// line), with the guesses as comments marked “待确认”. rubric fmt's formatter runs over the result.
import { formatText } from '@rubric/core';
import type { DraftIndicator, DraftRubric } from './draft.js';
import type { Measure, Rule } from './rules/model.js';
import { quote } from './text.js';

export const REVIEW = '待确认：';

const TYPE: Record<Measure['type'], string> = { percent: '百分比', integer: '整数', number: '数值' };

function comment(text: string): string[] {
  return text.split('\n').map((l) => `// ${l}`.trimEnd());
}

function measureLine(m: Measure): string {
  return `度量 ${m.name} ${TYPE[m.type]}${m.unit ? ` ${quote(m.unit)}` : ''}`;
}

function ruleLines(rule: Rule, shown: string): string[] {
  // The words a rule was read from, unless the indicator already shows each of them.
  const src = (s: string): string[] => (s !== '' && !s.split('；').every((p) => shown.includes(p.replace(/\s+/g, ''))) ? comment(`原文：${s}`) : []);
  switch (rule.kind) {
    case 'bands':
      return [...src(rule.bands.map((b) => b.source).filter((s, i, a) => a.indexOf(s) === i).join('；')), ...rule.bands.map((b) => `档 ${quote(b.label)} ${b.points}`)];
    case 'numeric':
      return [
        ...src(rule.bands.map((b) => b.source).join('；')),
        measureLine(rule.measure),
        ...rule.bands.map((b) => `档 ${rule.measure.name} ${b.condition} ${b.points}`),
      ];
    case 'per':
      return [...src(rule.source), `每 ${quote(rule.unit)} ${rule.points}${rule.max !== undefined ? ` 最高 ${rule.max}` : ''}`];
    case 'rate':
      return [...src(rule.source), measureLine(rule.measure), `按比例 ${rule.measure.name} 每 ${rule.step} ${rule.points}${rule.max !== undefined ? ` 最高 ${rule.max}` : ''}`];
    case 'deduct':
      return [...src(rule.source), `扣 ${rule.points}${rule.unit ? ` 每 ${quote(rule.unit)}` : ''}`];
  }
}

function indicatorLines(ind: DraftIndicator): string[] {
  const out: string[] = [];
  for (const c of ind.comments) out.push(...comment(c));
  for (const r of ind.reviews) out.push(...comment(`${REVIEW}${r}`));
  const head = ind.part
    ? `部分 ${ind.part.name} ${quote(ind.title)} ${ind.points ?? ''} 权重 ${ind.part.weight}%`
    : `${ind.bonus ? '加分' : '指标'}${ind.code ? ` ${ind.code}` : ''} ${quote(ind.title)}${ind.points !== undefined ? ` ${ind.points}` : ''}`;
  const body: string[] = [];
  const shown = [ind.title, ...ind.standard, ...ind.method, ...ind.note, ...ind.comments].join('').replace(/\s+/g, '');
  if (ind.review) body.push('评审');
  for (const t of ind.standard) body.push(`评价标准 ${quote(t)}`);
  for (const t of ind.method) body.push(`评定方法 ${quote(t)}`);
  for (const t of ind.note) body.push(`说明 ${quote(t)}`);
  const measures = new Set<string>();
  for (const r of ind.rules) {
    const lines = ruleLines(r, shown);
    // A measure is declared once per indicator.
    for (const l of lines) {
      if (l.startsWith('度量 ')) {
        if (measures.has(l)) continue;
        measures.add(l);
      }
      body.push(l);
    }
  }
  for (const g of ind.gates) {
    if (!shown.includes(g.source.replace(/\s+/g, ''))) body.push(...comment(`原文：${g.source}`));
    body.push(`不得分 ${quote(g.text)}`);
  }
  for (const c of ind.children) body.push(...indicatorLines(c));
  if (body.length === 0) return [...out, head];
  return [...out, `${head} {`, ...body.map((l) => `  ${l}`), '}'];
}

export function emitRubric(d: DraftRubric): string {
  const out: string[] = [];
  for (const h of d.header) out.push(...comment(h));
  for (const r of d.reviews) out.push(...comment(`${REVIEW}${r}`));
  out.push(`评估表 ${quote(d.title)} {`);
  const body: string[] = [];
  if (d.total) body.push(`总分 ${d.total.value} // 原文：${d.total.source}`);
  for (const t of d.method) body.push(`评定方法 ${quote(t)}`);
  for (const t of d.notes) body.push(`说明 ${quote(t)}`);
  for (const ind of d.indicators) {
    if (body.length > 0 && ind === d.indicators[0]) body.push('');
    body.push(...indicatorLines(ind));
  }
  if (d.bonuses.length > 0) body.push('');
  for (const b of d.bonuses) body.push(...indicatorLines(b));
  if (d.vetoes.length > 0) body.push('');
  for (const v of d.vetoes) {
    if (v.source !== v.text) body.push(...comment(v.source));
    body.push(`一票否决 ${quote(v.text)}`);
  }
  if (d.grades.length > 0) body.push('');
  for (const g of d.grades) {
    body.push(...comment(g.source));
    body.push(`等级 ${quote(g.name)} ${g.condition}`);
  }
  if (d.trailer.length > 0) body.push('');
  for (const t of d.trailer) body.push(...comment(t));
  out.push(...body.map((l) => (l === '' ? '' : `  ${l}`)));
  out.push('}');
  const text = `${out.join('\n')}\n`;
  const formatted = formatText(text, 'draft.rubric');
  return formatted.text ?? text;
}
