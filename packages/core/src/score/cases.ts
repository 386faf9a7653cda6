// Rubric tests: example assessments shipped beside a rubric (`<rubric>.tests.jsonc`) with the results
// their author expects — the base, final score and grade, vetoes, and any indicator scores worth
// pinning. `rubric test` runs them; a failure says what was expected, what came out and why, at the
// place in the test file, so an editor can show it there.
//
// A case starts from nothing given (`"start": "empty"`, the default: indicators without inputs stay
// unscored) or from the assessment that earns every point (`"start": "full"`), then gives its own
// inputs in the groups of an assessment (scores, labels, counts, measures, bases, gates, vetoes).
import { Decimal } from '../decimal.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import type { RubricIR } from '../ir/model.js';
import type { Range } from '../source.js';
import { InputIndex, pickRubric, readAssessmentNode, type Assessment } from './assessment.js';
import { score, type IndicatorScore, type ScoreResult } from './engine.js';
import { reasonText } from './explain.js';
import { fullAssessment } from './forms.js';
import { jsonPath, parseJson, type JsonNode } from './json.js';

export interface CaseOutcome {
  name: string;
  /** Where the case is written (for an editor). */
  range: Range;
  passed: boolean;
  result: ScoreResult | undefined;
}

export interface TestRun {
  cases: CaseOutcome[];
  /** Failures (RUB420) and problems in the test file (RUB4xx), located in it. */
  diagnostics: Diagnostic[];
}

const CASE_KEYS = new Set(['name', 'start', 'expect']);
const EXPECT_KEYS = new Set(['base', 'final', 'total', 'grade', 'vetoed', 'complete', 'scores']);

function text(n: JsonNode): string | null | undefined {
  return n.kind === 'string' ? n.value : n.kind === 'number' ? n.text : n.kind === 'null' ? null : n.kind === 'bool' ? String(n.value) : undefined;
}

/** Runs the cases of a test file against the rubrics of the file it tests. */
export function runCases(source: string, file: string, rubrics: readonly RubricIR[]): TestRun {
  const bag = new DiagnosticBag();
  const out: CaseOutcome[] = [];
  const parsed = parseJson(source);
  if (parsed.error) {
    bag.add('RUB400', file, parsed.error.range, { problem: `@json.${parsed.error.message}`, at: `${parsed.error.range.start.line}:${parsed.error.range.start.column}` });
    return { cases: out, diagnostics: bag.items };
  }
  const root = parsed.value;
  const at = (n: { range: Range }, p: (string | number)[]) => ({ range: n.range, at: jsonPath(p) });
  if (root.kind !== 'object') {
    bag.add('RUB400', file, root.range, { problem: '@json.notObject', at: '$' });
    return { cases: out, diagnostics: bag.items };
  }
  const wanted = root.entries.find((e) => e.key === 'rubric');
  const title = wanted && wanted.value.kind === 'string' ? wanted.value.value : null;
  const picked = pickRubric(rubrics, title, file);
  if (!picked.rubric) {
    for (const d of picked.diagnostics) bag.items.push({ ...d, range: wanted?.value.range ?? root.range });
    return { cases: out, diagnostics: bag.items };
  }
  const rubric = picked.rubric;
  const index = new InputIndex(rubric);
  const full = fullAssessment(rubric, index);
  for (const e of root.entries) {
    if (e.key === 'rubric') continue;
    if (e.key !== 'cases') bag.add('RUB412', file, e.keyRange, { key: e.key, at: jsonPath([e.key]) });
  }
  const cases = root.entries.find((e) => e.key === 'cases')?.value;
  if (!cases || cases.kind !== 'array') return { cases: out, diagnostics: bag.items };
  cases.items.forEach((c, i) => {
    const path: (string | number)[] = ['cases', i];
    if (c.kind !== 'object') {
      bag.add('RUB411', file, c.range, { value: c.kind, kind: '@input.object', at: jsonPath(path) });
      return;
    }
    const field = (k: string) => c.entries.find((e) => e.key === k)?.value;
    const name = text(field('name') ?? { kind: 'null', range: c.range }) ?? `#${i + 1}`;
    const start = field('start');
    const from: Assessment | undefined = start && text(start) === 'full' ? full : undefined;
    if (start && !['full', 'empty'].includes(text(start) ?? '')) bag.add('RUB412', file, start.range, { key: `start = ${text(start)}`, at: jsonPath([...path, 'start']) });
    const read = readAssessmentNode(c, path, file, index, CASE_KEYS, from);
    for (const d of read.diagnostics) bag.items.push(d);
    // A case is a draft: what it does not give stays open, and only what it expects is compared.
    const result = score(rubric, { ...read.assessment, draft: true }, index);
    for (const d of result.diagnostics) bag.items.push(d);
    const before = bag.items.length;
    const expect = field('expect');
    if (expect && expect.kind === 'object') compare(bag, file, name, expect, [...path, 'expect'], result, index, at);
    out.push({ name, range: c.range, passed: bag.items.length === before && read.diagnostics.length === 0 && result.diagnostics.length === 0, result });
  });
  return { cases: out, diagnostics: bag.items };
}

function compare(
  bag: DiagnosticBag,
  file: string,
  name: string,
  expect: Extract<JsonNode, { kind: 'object' }>,
  path: (string | number)[],
  r: ScoreResult,
  index: InputIndex,
  at: (n: { range: Range }, p: (string | number)[]) => { range: Range; at: string },
): void {
  const fail = (n: JsonNode, p: (string | number)[], what: string, expected: string, actual: string, why: string) => {
    const w = at(n, p);
    bag.add('RUB420', file, w.range, { case: name, what, expected, actual, why, at: w.at });
  };
  const num = (d: Decimal | null, min: Decimal | null, max: Decimal | null) => (d !== null ? d.toString() : `? (${min ?? '-∞'}–${max ?? '∞'})`);
  for (const { key, keyRange, value } of expect.entries) {
    const p = [...path, key];
    if (!EXPECT_KEYS.has(key)) {
      bag.add('RUB412', file, keyRange, { key, at: jsonPath(p) });
      continue;
    }
    const want = text(value);
    const same = (actual: Decimal | null) => want !== undefined && want !== null && actual !== null && Decimal.parse(want)?.eq(actual) === true;
    if (key === 'base' || key === 'total') {
      if (!same(r.base.score)) fail(value, p, '@expect.base', want ?? '', num(r.base.score, r.base.min, r.base.max), r.unscored.length > 0 ? `@expect.unscored` : '');
    } else if (key === 'final') {
      if (!same(r.final.score)) fail(value, p, '@expect.final', want ?? '', num(r.final.score, r.final.min, r.final.max), '');
    } else if (key === 'grade') {
      if ((r.grade ?? null) !== want) fail(value, p, '@expect.grade', want ?? '—', r.grade ?? '—', r.complete ? '' : '@expect.unscored');
    } else if (key === 'vetoed') {
      const vetoed = r.vetoes.some((v) => v.applies === 'yes');
      if (String(vetoed) !== want) fail(value, p, '@expect.vetoed', want ?? '', String(vetoed), r.vetoes.map((v) => v.text ?? v.target ?? '').join('；'));
    } else if (key === 'complete') {
      if (String(r.complete) !== want) fail(value, p, '@expect.complete', want ?? '', String(r.complete), r.unscored.join(', '));
    } else if (value.kind === 'object') {
      const byId = new Map<string, IndicatorScore>();
      const walk = (xs: IndicatorScore[]) => {
        for (const x of xs) {
          byId.set(x.id, x);
          walk(x.children);
          walk(x.bonuses);
        }
      };
      walk([...r.parts, ...r.indicators, ...r.bonuses]);
      for (const e of value.entries) {
        const ep = [...p, e.key];
        const hits = index.indicators(e.key);
        const x = hits.length === 1 ? byId.get(hits[0]!.id) : undefined;
        if (!x) {
          bag.add(hits.length > 1 ? 'RUB413' : 'RUB401', file, e.keyRange, { ref: e.key, count: hits.length, suggestion: '', at: jsonPath(ep) });
          continue;
        }
        const w = text(e.value);
        const ok = w !== undefined && w !== null && x.score !== null && Decimal.parse(w)?.eq(x.score) === true;
        if (!ok) fail(e.value, ep, x.code ? `${x.code} ${x.title}` : x.title, w ?? '', num(x.score, x.min, x.max), reasonText(x.reason, 'zh-CN'));
      }
    }
  }
}
