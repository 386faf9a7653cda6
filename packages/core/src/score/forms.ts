// Assessment forms: the blank template an assessor fills in (JSON with comments, or CSV with one row
// per input), reading a filled CSV back (one organisation, or many: one per row), and the assessment
// that earns every point (a starting point for tests and benchmarks).
import { Decimal } from '../decimal.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics.js';
import type { IntervalIR, MeasureIR, RubricIR } from '../ir/model.js';
import { renderRef, type Locale } from '../messages/render.js';
import type { LabelId } from '../messages/labels.js';
import { LineIndex } from '../source.js';
import { InputIndex, readAssessmentRows, type Assessment, type ReadResult, type Row } from './assessment.js';
import { columnName, parseCsv, writeCsv } from './csv.js';
import type { InputSpec } from './inputs.js';

const say = (id: LabelId, locale: Locale, args: Record<string, string> = {}) => renderRef({ id, args }, locale);

/** What may be written for an input, in words: `好 / 较好 / 一般`, `0 至 10，步长 0.5`, `是 / 否`. */
export function allowedText(s: InputSpec, locale: Locale): string {
  const u = s.percent ? '%' : '';
  switch (s.kind) {
    case 'label':
      return s.labels!.join(' / ');
    case 'count':
      return say('form.whole', locale);
    case 'base':
    case 'gate':
    case 'veto':
      return say('form.yesNo', locale);
    default: {
      const range = s.min !== null && s.max !== null ? say('form.range', locale, { min: `${s.min}${u}`, max: `${s.max}${u}` }) : s.min !== null ? say('form.atLeast', locale, { min: `${s.min}${u}` }) : '';
      const step = s.kind === 'score' && s.step ? say('form.step', locale, { step: s.step.toString() }) : '';
      return [range, step].filter(Boolean).join(say('rule.and', locale));
    }
  }
}

/** A form lists what an assessor fills in; a score that would only replace a rule's result is accepted but not listed. */
const shown = (s: InputSpec): boolean => s.kind !== 'score' || s.required || !s.indicator || s.indicator.rules.length === 0;

const GROUP: Record<InputSpec['kind'], string> = { score: 'scores', label: 'labels', count: 'counts', measure: 'measures', base: 'bases', gate: 'gates', veto: 'vetoes' };

/** A blank assessment as JSON with comments: every input, null, with what it may be. */
export function templateJson(r: RubricIR, locale: Locale, index = new InputIndex(r)): string {
  const lines = ['{', '  "schema": "rubric-assessment",', '  "schemaVersion": 1,', `  "rubric": ${JSON.stringify(r.title)},`, '  "name": null,', '  "draft": false'];
  for (const kind of Object.keys(GROUP) as InputSpec['kind'][]) {
    const specs = index.specs.filter((s) => s.kind === kind && shown(s));
    if (specs.length === 0) continue;
    lines[lines.length - 1] += ',';
    lines.push(`  ${JSON.stringify(GROUP[kind])}: {`);
    specs.forEach((s, i) => {
      // The key already says the title when it is the title.
      const title = s.ref === s.title ? '' : s.indicator && s.indicator.code ? `${s.indicator.code} ${s.title}` : s.title;
      const flags = [s.required ? say('form.required', locale) : '', s.alternative ? say('form.alternative', locale) : ''].filter(Boolean).join('，');
      lines.push(`    // ${[title, s.unit ? `(${s.unit})` : '', allowedText(s, locale), flags].filter(Boolean).join('  ')}`.replace(/\s+$/, ''));
      lines.push(`    ${JSON.stringify(s.ref)}: null${i < specs.length - 1 ? ',' : ''}`);
    });
    lines.push('  }');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const HEADER: LabelId[] = ['form.key', 'form.indicator', 'form.title', 'form.kind', 'form.allowed', 'form.unit', 'form.required', 'form.value'];

/** A blank assessment as CSV: one row per input, the value column empty. */
export function templateCsv(r: RubricIR, locale: Locale, index = new InputIndex(r)): string {
  const rows: string[][] = [HEADER.map((h) => say(h, locale))];
  for (const s of index.specs.filter(shown)) {
    const x = s.indicator;
    rows.push([
      s.key,
      x ? (x.code ?? s.ref) : s.ref,
      s.title,
      say(`input.${s.kind}`, locale),
      allowedText(s, locale),
      s.unit ?? '',
      s.required ? say('form.yes', locale) : s.alternative ? say('form.alternative', locale) : say('form.no', locale),
      '',
    ]);
  }
  return writeCsv(rows);
}

/** Every spelling of a header, in both languages. */
function headerOf(id: LabelId): string[] {
  return [say(id, 'en'), say(id, 'zh-CN')];
}

/**
 * Reads a filled CSV form. A form with a key column and a value column is one organisation (the
 * template's layout); a form whose first column is a name and whose other headers are input keys holds
 * one organisation per row (a batch).
 */
export function readAssessmentCsv(text: string, file: string, index: InputIndex): ReadResult[] {
  const lines = new LineIndex(text);
  const rows = parseCsv(text);
  const bag = new DiagnosticBag();
  const place = (c: { start: number; end: number; row: number; column: number }) => ({ file, range: lines.range(c.start, c.end), at: `${columnName(c.column)}${c.row}` });
  const header = rows[0];
  if (!header) {
    bag.add('RUB400', file, lines.range(0, 0), { problem: '@json.unterminated', at: 'A1' });
    return [{ assessment: { name: null, rubric: null, draft: false, values: new Map() }, diagnostics: bag.items }];
  }
  const find = (id: LabelId) => header.findIndex((c) => headerOf(id).includes(c.text.trim()));
  const keyCol = find('form.key');
  const valueCol = find('form.value');
  if (keyCol >= 0 && valueCol >= 0) {
    const list: Row[] = [];
    for (const row of rows.slice(1)) {
      const k = row[keyCol];
      const v = row[valueCol];
      if (!k || k.text.trim() === '') continue;
      list.push({ key: k.text.trim(), value: v?.text ?? '', where: v ? place(v) : place(k), keyWhere: place(k) });
    }
    return [readAssessmentRows(list, file, index)];
  }
  // One organisation per row: the first column names it, the others are input keys.
  const out: ReadResult[] = [];
  for (const row of rows.slice(1)) {
    const list: Row[] = [];
    for (let i = 1; i < header.length; i++) {
      const cell = row[i];
      if (!cell) continue;
      list.push({ key: header[i]!.text.trim(), value: cell.text, where: place(cell), keyWhere: place(header[i]!) });
    }
    const name = row[0]?.text.trim();
    out.push(readAssessmentRows(list, file, index, name ? { name } : {}));
  }
  return out;
}

/** A value inside an interval: its lower end when included, else just inside. */
function within(i: IntervalIR, integer: boolean): Decimal {
  if (i.low && i.low.closed) return i.low.value;
  const step = integer ? Decimal.ONE : Decimal.parse('0.001')!;
  if (i.low) return i.low.value.add(step);
  if (i.high) return i.high.closed ? i.high.value : i.high.value.sub(step);
  return Decimal.ZERO;
}

/**
 * The assessment that earns every point: the best band, enough occurrences to reach every cap, no
 * deduction, base points met, the top of every measure's best band (or of its domain), every direct
 * score at the indicator's maximum. Bonuses and penalties are left out (they lie outside the total).
 */
export function fullAssessment(r: RubricIR, index = new InputIndex(r)): Assessment {
  const values: Assessment['values'] = new Map();
  const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
  const put = (s: InputSpec, v: Decimal | string | boolean) => values.set(s.key, { value: v, where: nowhere });
  const best = new Map<MeasureIR | string, Decimal>();
  for (const s of index.specs) {
    const x = s.indicator;
    if (x && (x.kind === 'bonus' || x.kind === 'penalty')) continue;
    if (s.kind === 'label') {
      const bands = x!.rules.flatMap((ru) => (ru.kind === 'bands' ? ru.bands : [])).filter((b) => b.label !== null);
      put(s, bands.reduce((p, c) => (c.points.gt(p.points) ? c : p)).label!);
    } else if (s.kind === 'count') put(s, x!.rules.some((ru) => ru.kind === 'deduct') ? Decimal.ZERO : Decimal.parse('1000000')!);
    else if (s.kind === 'base') put(s, true);
    else if (s.kind === 'score' && s.required) put(s, x!.max ?? x!.points ?? Decimal.ZERO);
    for (const ru of x?.rules ?? []) {
      if (ru.kind !== 'bands') continue;
      const top = ru.bands.filter((b) => b.conditions.length > 0).reduce<(typeof ru.bands)[number] | undefined>((p, c) => (!p || c.points.gt(p.points) ? c : p), undefined);
      for (const c of top?.conditions ?? []) best.set(c.decl ?? c.measure, within(c.interval, c.measureKind === 'integer'));
    }
  }
  for (const s of index.specs) if (s.kind === 'measure') put(s, best.get(s.measure!) ?? best.get(s.title) ?? s.max ?? Decimal.parse('1000000')!);
  return { name: null, rubric: r.title, draft: false, values };
}

export type { Diagnostic };
