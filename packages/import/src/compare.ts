// Measures a draft against a hand transcription of the same table, through core's compiled IR
// (sections expanded): the share of the transcription's indicators that the draft has with the same
// code, title, points and parent, and the share of its scoring rules that the draft wrote as the
// same construct. Titles are compared without white space and without a trailing points statement
// ("活动资金(10分)" = "活动资金"): the transcriptions themselves differ on keeping it. Points are what
// the indicator is worth: its declared points, else the most its rules give.
import type { IndicatorIR, RubricIR, RuleIR } from '@rubric/core';
import { halfWidth, trailingPoints } from './text.js';

export interface Comparison {
  indicators: number;
  matched: number;
  rules: number;
  rulesMatched: number;
  /** Hand indicators without a match, as "path — reason". */
  misses: string[];
  /** Rules of matched indicators that the draft wrote differently, as "path — hand ≠ draft". */
  ruleMisses: string[];
}

export function normalTitle(t: string): string {
  const s = halfWidth(t).replace(/\s+/g, '');
  const tp = trailingPoints(s);
  return (tp ? tp.rest : s).replace(/（/g, '(').replace(/）/g, ')');
}

const worth = (i: IndicatorIR): string => (i.points ?? i.max)?.toString() ?? '-';

/** The constructs of an indicator, as comparable strings. */
export function constructs(i: IndicatorIR): string[] {
  const out: string[] = [];
  const pts = (r: RuleIR): string => {
    switch (r.kind) {
      case 'bands':
        return `${r.measure ? 'numeric' : 'bands'}:${r.bands.map((b) => b.points.toString()).sort().join(',')}`;
      case 'per':
        return `per:${r.items.map((x) => `${x.points.low}~${x.points.high}`).sort().join(',')}`;
      case 'rate':
        return `rate:${r.points}/${r.per}`;
      case 'deduct':
        return `deduct:${r.points.low}~${r.points.high}`;
    }
  };
  for (const r of i.rules) out.push(pts(r));
  for (const _ of i.gates) out.push('gate');
  if (i.review) out.push('review');
  return out;
}

function rubricConstructs(r: RubricIR): string[] {
  return [...r.vetoes.map(() => 'veto'), ...r.grades.map((g) => `grade:${g.name}`), ...(r.total ? [`total:${r.total}`] : [])];
}

export function compareRubrics(hand: RubricIR, draft: RubricIR): Comparison {
  const out: Comparison = { indicators: 0, matched: 0, rules: 0, rulesMatched: 0, misses: [], ruleMisses: [] };
  const countRules = (h: string[], d: string[]) => {
    out.rules += h.length;
    const left = [...d];
    for (const x of h) {
      const k = left.indexOf(x);
      if (k >= 0) {
        out.rulesMatched++;
        left.splice(k, 1);
      }
    }
  };
  const walk = (hs: IndicatorIR[], ds: IndicatorIR[] | undefined, path: string) => {
    const used = new Set<IndicatorIR>();
    for (const h of hs) {
      out.indicators++;
      const t = normalTitle(h.title);
      const d = ds?.find((x) => !used.has(x) && normalTitle(x.title) === t) ?? ds?.find((x) => !used.has(x) && h.code !== null && x.code === h.code);
      const here = `${path}/${h.code ? `${h.code} ` : ''}${h.title}`;
      if (!d) {
        out.misses.push(`${here} — 草稿中没有（${ds ? '同一上级下无此标题' : '上级未匹配'}）`);
        countRules(constructs(h), []);
        walk([...h.children, ...h.bonuses], undefined, here);
        continue;
      }
      used.add(d);
      const problems: string[] = [];
      if (normalTitle(d.title) !== t) problems.push(`标题“${d.title}”`);
      if ((d.code ?? '') !== (h.code ?? '')) problems.push(`编号 ${d.code ?? '无'}`);
      if (worth(d) !== worth(h)) problems.push(`分值 ${worth(d)}（应为 ${worth(h)}）`);
      if (d.kind !== h.kind) problems.push(`类别 ${d.kind}`);
      if (problems.length === 0) out.matched++;
      else out.misses.push(`${here} — ${problems.join('，')}`);
      const before = out.rulesMatched;
      countRules(constructs(h), constructs(d));
      if (out.rulesMatched - before < constructs(h).length) out.ruleMisses.push(`${here} — ${constructs(h).join(' ')} ≠ ${constructs(d).join(' ') || '（无）'}`);
      walk([...h.children, ...h.bonuses], [...d.children, ...d.bonuses], here);
    }
  };
  walk([...hand.parts, ...hand.indicators, ...hand.bonuses], [...draft.parts, ...draft.indicators, ...draft.bonuses], '');
  countRules(rubricConstructs(hand), rubricConstructs(draft));
  return out;
}
