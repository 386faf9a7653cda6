// Reading scoring rules out of a standard's wording. The text is cut into sentences (；。) and
// clauses (，); a clause that ends in points ("得4分", "计3分", "不得分", "得满分") is an item, the
// clauses before it are its context. Items become the construct a person would write: qualitative
// or numeric bands, per-occurrence points with their cap, a rate, a deduction, a gate, or — when
// the items add up exactly to the indicator's points — child indicators. Anything else is left as
// text for review. Every guess is returned as a review note; no points are invented (a guessed
// full-marks band takes the indicator's own points).
import { Decimal } from '@rubric/core';
import type { Measure, Rule } from './model.js';
import { halfWidth } from '../text.js';

export interface Item {
  title: string;
  /** Scored by a review panel (the item's words say 评审). */
  review: boolean;
  points?: string;
  rules: Rule[];
  gates: { text: string; source: string }[];
  source: string;
}

export interface Recognition {
  rules: Rule[];
  gates: { text: string; source: string }[];
  review: boolean;
  /** Separately scored items whose points add up to the indicator's points. */
  items: Item[];
  /** Points the text states for the whole indicator when the table gives none (满分N分). */
  full?: string;
  /** True when some wording gives points that were not turned into a construct. */
  unread: boolean;
  reviews: string[];
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const QUAL = /^(?:好|较好|很好|一般|较差|差|优秀|优|良好|良|中|合格|基本合格|不合格|没有|无|未|否则|其他|其余|达标|未达标)$/;
const QUAL_END = /(好|较好|一般|较差|差|优秀|良好|合格)$/;
const VERB = /^(?:建立|设立|成立|开展|组织|制定|配备|建|设|有)(?=[\u4e00-\u9fff]{2})/;
const TIME_UNITS = '季度|年度|半年|年|月|周|天|日';
const COUNT_UNITS = '次|项|期|篇|条|个|家|名|人|场|件|份|批|起|届|位';
const UNITS = `%|％|平方米|万元|元|${COUNT_UNITS}|年`;

const D = (s: string): Decimal => Decimal.parse(s)!;
const sumOf = (xs: string[]): string => Decimal.sum(xs.map(D)).toString();
const maxOf = (xs: string[]): string => xs.map(D).reduce((a, b) => Decimal.max(a, b)).toString();

interface Clause {
  text: string;
  /** The clause without its points phrase. */
  label: string;
  points?: string;
  /** "各得N分": one item per name listed with 、. */
  each?: boolean;
  /** The name of the item this clause's band belongs to ("分别得…"), or true for a further band of it. */
  item?: string;
  alt?: boolean;
}

/** "每半年或季度报主管单位的分别得 3 分、1 分": one band per frequency, in the order written. */
function respectively(s: string): { clauses: Clause[]; rest: string } | undefined {
  const h = halfWidth(s);
  const m = /^(.*?)(?:的)?[，,]?\s*分别(?:得|计)\s*(\d+(?:\.\d+)?)\s*分((?:\s*[、，,]\s*(?:得|计)?\s*\d+(?:\.\d+)?\s*分)+)(.*)$/.exec(h);
  if (!m) return undefined;
  const values = [m[2]!, ...[...m[3]!.matchAll(/(\d+(?:\.\d+)?)\s*分/g)].map((x) => x[1]!)];
  const f = new RegExp(`^每(${TIME_UNITS})((?:(?:或|、)(?:每)?(?:${TIME_UNITS}))+)(.*)$`).exec(m[1]!.trim());
  if (!f) return undefined;
  const alts = [f[1]!, ...f[2]!.split(/或|、/).filter((x) => x !== '').map((x) => x.replace(/^每/, ''))];
  if (alts.length !== values.length) return undefined;
  const item = trimLabel(f[3]!);
  const text = s.slice(0, s.length - m[4]!.length);
  return { clauses: alts.map((a, i) => ({ text, label: `每${a}`, points: values[i]!, ...(i === 0 ? { item } : { alt: true }) })), rest: m[4]!.replace(/^[，,]/, '') };
}

/** The points phrase at the end of a clause. */
function clausePoints(text: string, full: string | undefined): { label: string; points: string; each: boolean } | undefined {
  const r = clausePoints1(text, full);
  if (r) return r;
  // "没有不得分（年度发展报告采用评审办法…）": a remark in brackets after the points.
  const m = /^(.*?)\s*[（(][^（）()]*[）)]$/.exec(text);
  return m && m[1] !== '' ? clausePoints1(m[1]!, full) : undefined;
}

function clausePoints1(text: string, full: string | undefined): { label: string; points: string; each: boolean } | undefined {
  const t = halfWidth(text);
  let m = new RegExp(`^(.*?)[，,]?\\s*(?:的)?\\s*(各)?(?:得|计|记|加|给)\\s*${NUM}\\s*分?(?:[）)])?$`).exec(t);
  if (m && (m[3] !== undefined) && (/分[）)]?$/.test(t) || /得\s*\d+$/.test(t))) return { label: text.slice(0, m[1]!.length), points: m[3]!, each: !!m[2] };
  m = new RegExp(`^(.*?[^\\d.])${NUM}\\s*分$`).exec(t);
  if (m && !/[扣减]$/.test(m[1]!.trim()) && !/(最高|最多|满分|为|至|共|约|达)$/.test(m[1]!.trim())) return { label: text.slice(0, m[1]!.length), points: m[2]!, each: false };
  m = new RegExp(`^(.*?)(?:的)?[，,]?\\s*扣(?:除)?\\s*${NUM}\\s*分$`).exec(t);
  if (m && numericCondition(m[1]!)) return { label: text.slice(0, m[1]!.length), points: `-${m[2]}`, each: false };
  m = /^(.*?)(?:的)?[，,]?\s*(?:此项)?(?:不得分|不计分|得0分|计0分|不给分)$/.exec(t);
  if (m) return { label: text.slice(0, m[1]!.length), points: '0', each: false };
  m = /^(.*?)(?:的)?[，,]?\s*得满分$/.exec(t);
  if (m && full !== undefined) return { label: text.slice(0, m[1]!.length), points: full, each: false };
  return undefined;
}

function trimLabel(s: string): string {
  let t = s.trim().replace(/^[，,、；;：:\s]+|[，,、；;：:\s]+$/g, '');
  const colon = Math.max(t.lastIndexOf('：'), t.lastIndexOf(':'));
  if (colon >= 0 && colon < t.length - 1) t = t.slice(colon + 1);
  t = t.replace(/^(?:此项|该项)/, '').replace(/(?:此项|该项)$/, '');
  t = t.replace(/的$/, '').trim();
  return t;
}

/** Splits a standard into sentences and clauses; a parenthesis holding a points phrase is a sentence. */
function sentences(text: string): string[] {
  const t = text.replace(/[（(]([^（）()]*?(?:得|计|扣|加)\s*\d+(?:\.\d+)?\s*分|[^（）()]*?不得分)[）)]/g, '；$1；');
  return t
    .split(/[；;。]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const clausesOf = (s: string): string[] =>
  s
    .split(/[，,]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');

// ---- numeric conditions -------------------------------------------------------------------

interface Numeric {
  condition: string;
  unit: string;
}

function unitOf(u: string | undefined): string {
  return (u ?? '').replace('％', '%');
}

/** A numeric condition written in a clause, in the language's syntax (boundaries as printed). */
export function numericCondition(text: string): Numeric | undefined {
  const t = halfWidth(text).replace(/\s+/g, '');
  const U = `(${UNITS})?`;
  const pct = (n: string, u: string) => (u === '%' ? `${n}%` : n);
  let m = new RegExp(`${NUM}${U}(?:-|－|~|～|—|–|至|到)${NUM}${U}`).exec(t);
  if (m) {
    const unit = unitOf(m[4] ?? m[2]);
    return { condition: `${pct(m[1]!, unit)}~${pct(m[3]!, unit)}`, unit };
  }
  const ops: [RegExp, string][] = [
    [/(?:不小于|不少于|不低于|达到|大于等于|≥|>=)/, '>='],
    [/(?:不大于|不多于|不超过|不高于|小于等于|≤|<=)/, '<='],
    [/(?:大于|多于|高于|超过|>)/, '>'],
    [/(?:小于|少于|低于|不足|<)/, '<'],
  ];
  for (const [re, op] of ops) {
    m = new RegExp(`${re.source}[^\\d]{0,12}?${NUM}${U}`).exec(t);
    if (m) {
      const unit = unitOf(m[2]);
      return { condition: `${op} ${pct(m[1]!, unit)}`, unit };
    }
  }
  m = new RegExp(`${NUM}${U}(?:[（(]含[）)])?(?:及)?(以上|以下)`).exec(t);
  if (m) {
    const unit = unitOf(m[2]);
    return { condition: `${pct(m[1]!, unit)} ${m[3]}`, unit };
  }
  return undefined;
}

export function measureFor(text: string, unit: string, taken: Set<string>): Measure {
  const rate = /([\u4e00-\u9fff]{2})率/.exec(text);
  let name: string;
  if (rate) name = `${rate[1]}率`;
  else if (unit === '%') name = '比例';
  else if (unit === '平方米') name = '面积';
  else if (unit === '万元' || unit === '元') name = /捐/.test(text) ? '捐赠额' : '金额';
  else if (unit === '') name = '数值';
  else name = `${unit}数`;
  let n = name;
  for (let i = 2; taken.has(n); i++) n = `${name}${i}`;
  taken.add(n);
  const type = unit === '%' ? 'percent' : new RegExp(`^(?:${COUNT_UNITS})$`).test(unit) ? 'integer' : 'number';
  return { name: n, type, ...(type === 'number' && unit !== '' ? { unit } : {}) };
}

// ---- the recogniser ------------------------------------------------------------------------

const capOf = (t: string): string | undefined => new RegExp(`(?:最高|最多|满分(?:为)?|上限(?:为)?|封顶|不超过)\\s*(?:得|计|为)?\\s*${NUM}\\s*分`).exec(halfWidth(t))?.[1];

function perOf(t: string): { unit: string; points: string } | undefined {
  const h = halfWidth(t);
  if (/每(?:递增|增加|增长|提高|上升|减少|下降)/.test(h)) return undefined;
  let m = new RegExp(`每(?!(?:${TIME_UNITS}))[^，,；;。]{0,20}?(${COUNT_UNITS})[^；;。]*?(?:得|计|加)?\\s*${NUM}\\s*分`).exec(h);
  if (m && !/扣/.test(m[0])) return { unit: m[1]!, points: m[2]! };
  if (new RegExp(`每(?:${TIME_UNITS})|半年|季度`).test(h)) return undefined;
  m = new RegExp(`(?:^|[^\\d])(?:1|一)\\s*(${COUNT_UNITS})[^；;。\\d]*?(?:得|计|加)\\s*${NUM}\\s*分`).exec(h);
  // "组织3名…计10分，组织2名…计8分，组织1名…计5分" counts people: bands, not points per person.
  if (m && !/扣/.test(m[0]) && !new RegExp(`(?:[02-9]|\\d{2,})\\s*${m[1]}`).test(h)) return { unit: m[1]!, points: m[2]! };
  return undefined;
}

function rateOf(t: string): { step: string; percent: boolean; points: string } | undefined {
  const m = new RegExp(`每(?:递增|增加|增长|提高|上升)\\s*${NUM}\\s*(%|％|个百分点)?[^，,；;。]*?(?:得|加|计)\\s*${NUM}\\s*分`).exec(halfWidth(t));
  return m ? { step: m[1]!, percent: m[2] !== undefined, points: m[3]! } : undefined;
}

function deductOf(t: string): { points: string; unit?: string } | undefined {
  const h = halfWidth(t);
  let m = new RegExp(`(?:每|有\\s*(?:1|一)|(?:1|一))\\s*(${COUNT_UNITS})[^，,；;。]*?扣(?:除)?\\s*${NUM}\\s*分`).exec(h);
  if (m) return { points: m[2]!, unit: m[1]! };
  m = new RegExp(`每[^，,；;。]{0,16}?扣(?:除)?\\s*${NUM}\\s*分`).exec(h);
  if (m) return { points: m[1]! };
  return undefined;
}

const gateText = (label: string): string => trimLabel(label).replace(/^(?:凡|如|若)/, '');

interface Group {
  source: string;
  kind: 'per' | 'rate' | 'numeric' | 'items';
  per?: { unit: string; points: string; max?: string };
  rate?: { step: string; percent: boolean; points: string; max?: string };
  numeric?: { condition: string; unit: string; points: string; source: string }[];
  clauses: Clause[];
  /** Clauses after the last item that give no points (text the items do not account for). */
  trailing: boolean;
  /** Clauses before the first item (its context), and the numeric condition among them. */
  context: string;
}

const POINTS_WORDING = /\d\s*分|不得分|不计分|满分/;

export function recognize(text: string, points: string | undefined): Recognition {
  const out: Recognition = { rules: [], gates: [], review: /评审/.test(text), items: [], unread: false, reviews: [] };
  const full = points ?? capOf(text);
  if (points === undefined && full !== undefined) out.full = full;
  const sents = sentences(text);

  // Base points plus increments ("基本分3分，每增加1项加1分") is one rule the language does not have
  // yet: the wording stays as text, for review, rather than half of it as a rule.
  const base = /(?:基本分|基础分|起评分|起始分)[^，,；;。]*?\d/.exec(halfWidth(text));
  if (base && /每(?:增加|多|超过|增)/.test(text)) {
    out.unread = true;
    out.review = false;
    out.reviews.push(`“${text}”是基本分加递增，尚无对应的语言结构，保留为评价标准`);
    return out;
  }

  const deduct = deductOf(text);
  if (deduct && points !== undefined) {
    out.rules.push({ kind: 'deduct', points: deduct.points, ...(deduct.unit ? { unit: deduct.unit } : {}), source: sents.find((s) => /扣/.test(s)) ?? text });
    if (/扣完为止/.test(text)) out.reviews.push('“扣完为止”读作最低 0 分（默认）');
    return out;
  }

  const groups: Group[] = [];
  // "按递增比例得分" restates a rate; it needs a look only when no rate was read.
  const proportional: string[] = [];
  for (const s of sents) {
    const rate = rateOf(s);
    if (rate) {
      const cap = capOf(s) ?? capOf(text);
      groups.push({ source: s, kind: 'rate', rate: { ...rate, ...(cap ? { max: cap } : {}) }, clauses: [], trailing: false, context: '' });
      continue;
    }
    const per = perOf(s);
    if (per) {
      const cap = capOf(s);
      groups.push({ source: s, kind: 'per', per: { ...per, ...(cap ? { max: cap } : {}) }, clauses: [], trailing: false, context: '' });
      continue;
    }
    const clauses: Clause[] = [];
    let pending: string[] = [];
    let context = '';
    const resp = respectively(s);
    if (resp) {
      clauses.push(...resp.clauses);
      out.reviews.push(`“分别得”按书写顺序对应：${resp.clauses.map((c) => `${c.label} ${c.points} 分`).join('，')}`);
    } else if (/分别/.test(s)) {
      out.unread = true;
      out.reviews.push(`未能读出计分规则：“${s}”`);
      continue;
    }
    for (const c of clausesOf(resp ? resp.rest : s)) {
      const p = clausePoints(c, full);
      if (p) {
        const own = trimLabel(p.label);
        const label = own === '' && pending.length > 0 ? pending.pop()! : own;
        if (clauses.length === 0) context = pending.join('，');
        clauses.push({ text: [...pending, c].join('，'), label: trimLabel(label), points: p.points, each: p.each });
        pending = [];
      } else if (capOf(c) === undefined && !/按.*比例/.test(c)) pending.push(c);
    }
    if (clauses.length === 0) {
      if (POINTS_WORDING.test(halfWidth(s)) && !capOf(s)) {
        out.unread = true;
        out.reviews.push(`未能读出计分规则：“${s}”`);
      } else if (/按.*比例/.test(s) && !/按比例(?:递减|计分|折算|得分|扣减)/.test(s)) proportional.push(s);
      continue;
    }
    const nums = clauses.map((c) => ({ c, n: numericCondition(c.label) }));
    const units = new Set(nums.filter((x) => x.n).map((x) => x.n!.unit));
    for (const x of nums) {
      if (x.n) continue;
      // "组织2名企业家" beside "组织3名及以上": exactly that many.
      const e = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS})`).exec(halfWidth(x.c.label));
      if (e && units.has(unitOf(e[2]))) x.n = { condition: `= ${unitOf(e[2]) === '%' ? `${e[1]}%` : e[1]}`, unit: unitOf(e[2]) };
    }
    const numeric = nums.filter((x) => x.n !== undefined);
    if (numeric.length > 0 && numeric.length >= clauses.filter((c) => c.points !== '0').length) {
      const unit = numeric[0]!.n!.unit;
      groups.push({
        source: s,
        kind: 'numeric',
        numeric: numeric.filter((x) => x.n!.unit === unit).map((x) => ({ condition: x.n!.condition, unit, points: x.c.points!, source: x.c.text })),
        clauses: nums.filter((x) => x.n === undefined).map((x) => x.c),
        trailing: pending.length > 0,
        context,
      });
      continue;
    }
    groups.push({ source: s, kind: 'items', clauses, trailing: pending.length > 0, context });
  }
  if (!groups.some((g) => g.kind === 'rate')) for (const p of proportional) out.reviews.push(`“${p}”未转写为规则`);
  if (out.unread) {
    // Part of the wording gives points that could not be read: a partial reading could report
    // errors the document does not have, so the text stays as it is, for review.
    out.review = out.review && groups.length === 0;
    return out;
  }

  if (groups.length === 0) {
    // A requirement with a number and no points stated: full marks when it is met (a guess).
    const n = numericCondition(text);
    if (n && points !== undefined && !POINTS_WORDING.test(halfWidth(text))) {
      out.rules.push({ kind: 'numeric', measure: measureFor(text, n.unit, new Set()), bands: [{ condition: n.condition, points, source: text }] });
      out.reviews.push(`达到“${text}”读作得满分 ${points} 分，原文未写其他情形的分数`);
    }
    return out;
  }

  const additive = tryAdditive(groups, points);
  if (additive) {
    out.items = additive;
    out.review = false;
    out.reviews.push(`按评价标准拆分为 ${additive.length} 项，各项分值之和 ${points} 与本指标分值相符`);
    return out;
  }

  // Alternatives: one indicator with several ways to score.
  const taken = new Set<string>();
  const qual: { label: string; points: string; source: string }[] = [];
  let numericRule: Extract<Rule, { kind: 'numeric' }> | undefined;
  for (const g of groups) {
    if (g.kind === 'rate') {
      const m = measureFor(g.source, g.rate!.percent ? '%' : '', taken);
      out.rules.push({
        kind: 'rate',
        measure: m.type === 'percent' && !/率/.test(m.name) ? { ...m, name: '增长率' } : m,
        step: g.rate!.percent ? `${g.rate!.step}%` : g.rate!.step,
        points: g.rate!.points,
        ...(g.rate!.max ? { max: g.rate!.max } : {}),
        source: g.source,
      });
    } else if (g.kind === 'per') {
      const cap = g.per!.max !== undefined && g.per!.max !== points ? g.per!.max : undefined;
      out.rules.push({ kind: 'per', unit: g.per!.unit, points: g.per!.points, ...(cap ? { max: cap } : {}), source: g.source });
    } else if (g.kind === 'numeric') {
      if (!numericRule) {
        numericRule = { kind: 'numeric', measure: measureFor(g.source, g.numeric![0]!.unit, taken), bands: [] };
        out.rules.push(numericRule);
      }
      for (const b of g.numeric!) numericRule.bands.push({ condition: b.condition, points: b.points, source: b.source });
      for (const c of g.clauses) qual.push({ label: c.label, points: c.points!, source: c.text });
      // A requirement with a number before the bands, without points: full marks (a guess).
      const lead = g.context !== '' ? numericCondition(g.context) : undefined;
      if (lead && lead.unit === g.numeric![0]!.unit && points !== undefined && !numericRule.bands.some((b) => b.points === points)) {
        numericRule.bands.unshift({ condition: lead.condition, points, source: g.context });
        out.reviews.push(`“${g.context}”未写分数，读作得满分 ${points} 分（本指标分值）`);
      }
    } else {
      for (const c of g.clauses) qual.push({ label: c.label, points: c.points!, source: c.text });
    }
  }
  // "4期（含）以上得4分；按比例递减": below the threshold, points in proportion (a guess).
  const prop = /按比例(?:递减|计分|折算|得分|扣减)/.exec(text);
  if (prop && numericRule && numericRule.bands.length === 1 && !out.rules.some((r) => r.kind === 'rate')) {
    const b = numericRule.bands[0]!;
    const m = /^(\d+(?:\.\d+)?)%? 以上$/.exec(b.condition);
    const each = m ? divide(b.points, m[1]!) : undefined;
    if (m && each) {
      const unit = numericRule.measure.type === 'percent' ? '%' : '';
      out.rules.push({ kind: 'rate', measure: numericRule.measure, step: `1${unit}`, points: each, max: b.points, source: prop[0] });
      out.reviews.push(`“${prop[0]}”读作每 1${unit || (numericRule.measure.unit ?? '')} 得 ${each} 分（${b.points} ÷ ${m[1]}），最高 ${b.points} 分`);
    }
  }
  if (numericRule && numericRule.bands.every((b) => b.points === '0')) {
    // Only "…低于50%不得分": a condition under which the indicator scores nothing.
    out.rules = out.rules.filter((r) => r !== numericRule);
    for (const b of numericRule.bands) out.gates.push({ text: gateText(b.source.replace(/(?:的)?[，,]?\s*(?:此项)?(?:不得分|不计分|得0分)$/, '')), source: b.source });
    numericRule = undefined;
  }
  const positives = qual.filter((q) => q.points !== '0');
  const zeros = qual.filter((q) => q.points === '0');
  if (numericRule || positives.length === 0) {
    for (const z of zeros) out.gates.push({ text: gateText(z.label) || z.source, source: z.source });
    if (numericRule && positives.length > 0) {
      out.unread = true;
      out.reviews.push(`数值档次之外的计分说法未转写：${positives.map((p) => `“${p.source}”`).join('，')}`);
    }
    return finish(out, points);
  }
  if (positives.length === 1 && zeros.length === 0 && out.rules.length === 0 && points !== undefined && positives[0]!.points === points && !QUAL_END.test(positives[0]!.label)) {
    const n = numericCondition(positives[0]!.label);
    if (n) out.rules.push({ kind: 'numeric', measure: measureFor(positives[0]!.source, n.unit, taken), bands: [{ condition: n.condition, points, source: positives[0]!.source }] });
    // Otherwise "…得 2 分" only restates the indicator's points: no rule to write.
    return out;
  }
  const bands = qual.map((q) => ({ label: q.label || q.source, points: q.points, source: q.source }));
  const first = groups.find((g) => g.kind === 'items');
  if (points !== undefined && first && first.context !== '' && D(maxOf(bands.map((b) => b.points))).lt(D(points))) {
    bands.unshift({ label: trimLabel(first.context), points, source: first.context });
    out.reviews.push(`“${trimLabel(first.context)}”未写分数，读作得满分 ${points} 分（本指标分值）`);
  }
  if (bands.length > 0) out.rules.push({ kind: 'bands', bands: dedupeLabels(bands) });
  return finish(out, points);
}

/** a ÷ b as an exact decimal with at most six places, or undefined. */
export function divide(a: string, b: string): string | undefined {
  const x = D(a);
  const y = D(b);
  if (y.isZero()) return undefined;
  for (let k = 0; k <= 6; k++) {
    const step = Decimal.unit(k);
    // Try the quotient's digits at this scale: q = round(a / b) found by exact search over the mantissa.
    let lo = 0n;
    let hi = BigInt(10 ** (k + 6));
    while (lo < hi) {
      const mid = (lo + hi) / 2n;
      const q = step.mul(D(mid.toString()));
      if (q.mul(y).lt(x)) lo = mid + 1n;
      else hi = mid;
    }
    const q = step.mul(D(lo.toString()));
    if (q.mul(y).eq(x)) return q.toString();
  }
  return undefined;
}

function dedupeLabels(bands: { label: string; points: string; source: string }[]) {
  const seen = new Map<string, number>();
  return bands.map((b) => {
    const n = (seen.get(b.label) ?? 0) + 1;
    seen.set(b.label, n);
    return n === 1 ? b : { ...b, label: `${b.label}（${n}）` };
  });
}

function finish(out: Recognition, points: string | undefined): Recognition {
  const bands = out.rules.find((r) => r.kind === 'bands');
  if (bands && bands.kind === 'bands' && points !== undefined) {
    const top = maxOf(bands.bands.map((b) => b.points));
    if (D(top).gt(D(points))) out.reviews.push(`档次最高 ${top} 分，超过本指标分值 ${points} 分（照原文转写）`);
  }
  return out;
}

/** The additive reading, when every sentence is an item and their worths add up to the points. */
function tryAdditive(groups: Group[], points: string | undefined): Item[] | undefined {
  const taken = new Set<string>();
  if (points === undefined || groups.some((g) => g.trailing || g.kind === 'rate')) return undefined;
  const items: Item[] = [];
  for (const g of groups) {
    if (g.kind === 'per') {
      if (g.per!.max === undefined) return undefined;
      items.push({ title: subjectOf(g.source), points: g.per!.max, rules: [{ kind: 'per', unit: g.per!.unit, points: g.per!.points, source: g.source }], review: false, gates: [], source: g.source });
    } else if (g.kind === 'numeric') {
      if (g.clauses.length > 0 || g.context !== '') return undefined;
      items.push({
        title: subjectOf(g.source),
        points: maxOf(g.numeric!.map((b) => b.points)),
        rules: [{ kind: 'numeric', measure: measureFor(g.source, g.numeric![0]!.unit, taken), bands: g.numeric!.map((b) => ({ condition: b.condition, points: b.points, source: b.source })) }],
        review: false,
        gates: [],
        source: g.source,
      });
    } else {
      // An item, then the alternatives that only name a grade ("一般得1分", "没有不得分").
      let cur: { title: string; alts: { label: string; points: string }[]; source: string } | undefined;
      const flush = () => {
        if (!cur) return;
        if (cur.alts.length > 1) {
          // "理事会…，积极发挥作用，…得到肯定的得1分，一般不得分": the last clause names the first grade.
          const segs = cur.title.split('，');
          if (segs.length > 1 && cur.alts[0]!.label === cur.title) {
            cur.alts[0]!.label = segs.pop()!;
            cur.title = segs.join('，');
          }
        }
        const rules: Rule[] = cur.alts.length > 1 || (cur.alts[0]!.label !== cur.title && QUAL.test(cur.alts[0]!.label)) ? [{ kind: 'bands', bands: cur.alts.map((a) => ({ label: a.label, points: a.points, source: cur!.source })) }] : [];
        items.push({ title: cur.title, points: maxOf(cur.alts.map((a) => a.points)), rules, review: /评审/.test(cur.source), gates: [], source: cur.source });
        cur = undefined;
      };
      for (const c of g.clauses) {
        const bare = c.label.replace(/的$/, '');
        if (c.item !== undefined) {
          flush();
          cur = { title: c.item, alts: [{ label: c.label, points: c.points! }], source: c.text };
          continue;
        }
        if (cur && (c.alt || QUAL.test(bare) || c.points === '0')) {
          cur.alts.push({ label: bare === '' ? '其他' : bare, points: c.points! });
          if (!cur.source.includes(c.text)) cur.source += `，${c.text}`;
          continue;
        }
        flush();
        if (c.points === '0') return undefined;
        const name = trimLabel(c.text.replace(new RegExp(`(?:的)?[，,]?\\s*(?:各)?(?:得|计)?\\s*${NUM}\\s*分?\\s*$`), ''));
        if (c.each) {
          const names = name.split('、').map((x) => x.trim()).filter((x) => x !== '');
          // "建团组织、工会各得1分": the verb of the first name is shared by the others.
          const verb = VERB.exec(names[0]!)?.[0];
          names.forEach((n, k) => {
            const title = k > 0 && verb && !VERB.test(n) ? `${verb}${n}` : n;
            items.push({ title, points: c.points!, rules: [], review: false, gates: [], source: c.text });
          });
          continue;
        }
        const segs = name.split(/[，,]/);
        const last = trimLabel(segs[segs.length - 1]!);
        if (segs.length > 1 && QUAL.test(last)) {
          // "…，较好的得 2 分": a grade in a clause of its own names a band.
          cur = { title: trimLabel(segs.slice(0, -1).join('，')), alts: [{ label: last, points: c.points! }], source: c.text };
        } else {
          cur = { title: name, alts: [{ label: name, points: c.points! }], source: c.text };
          // "作用发挥好得2分，一般得1分": a grade word glued to the name, when alternatives follow.
          const next = g.clauses[g.clauses.indexOf(c) + 1];
          const qe = QUAL_END.exec(name);
          if (qe && next && (QUAL.test(next.label.replace(/的$/, '')) || next.points === '0')) {
            cur.title = name.slice(0, name.length - qe[1]!.length);
            cur.alts[0]!.label = qe[1]!;
          }
        }
      }
      flush();
    }
  }
  if (items.length < 2 || items.some((i) => i.title === '' || i.points === '0')) return undefined;
  if (!D(sumOf(items.map((i) => i.points!))).eq(D(points))) return undefined;
  // A common subject at the start of every item ("协会商会…") is the indicator's, not the items'.
  const prefix = commonPrefix(items.map((i) => i.title));
  if (prefix.length >= 3) for (const i of items) i.title = i.title.slice(prefix.length);
  for (const i of items) i.title = i.title.replace(/的$/, '');
  return items;
}

function subjectOf(source: string): string {
  const first = source.split(/[，,]/)[0]!;
  const cut = first.search(/每|\d|不小于|不低于|达到|超过/);
  return trimLabel(cut > 0 ? first.slice(0, cut) : first);
}

function commonPrefix(xs: string[]): string {
  if (xs.length < 2) return '';
  let p = xs[0]!;
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  // Only whole words: stop before the last character when the rest of an item would be too short.
  return xs.every((x) => x.length - p.length >= 2) ? p : '';
}
