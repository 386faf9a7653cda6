// `rubric score`, `rubric template` and `rubric test`: scoring organisations against a rubric from
// assessments (JSON, CSV, or the xlsx form `rubric export` writes; a folder, or a CSV with one
// organisation per row, is a batch), writing the blank form assessors fill in, and running a rubric's
// own example assessments. An xlsx form gives the assessment (评估结果, 评估得分) and, when its 自评得分
// column is filled, the organisation's own scores as a second one. Exit codes: 0 scored
// (or every test passed), 1 the assessments (or tests) have errors, 2 usage or I/O errors.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  compile,
  decodeBytes,
  explain,
  InputIndex,
  pickRubric,
  readAssessmentCsv,
  readAssessmentJson,
  readAssessmentNode,
  parseJson,
  reasonText,
  runCases,
  score,
  scoreResultToJson,
  templateCsv,
  templateJson,
  writeCsv,
  type Diagnostic,
  type IndicatorScore,
  type Locale,
  type ReadResult,
  type RubricIR,
  type ScoreResult,
} from '@rubric/core';
import { formatLine, type Output } from './commands.js';
import { exportCommand } from './export.js';
import { collectFiles, display, hostFor, UsageError } from './files.js';
import { say } from './messages.js';

export interface ScoreOptions {
  format: 'text' | 'json';
  explain: boolean;
  locale: Locale;
  output?: string;
  /** The title of the rubric to use when the file holds several. */
  rubric?: string;
  /** Called as assessments are scored (the CLI shows a progress bar on a terminal). */
  progress?: (done: number, total: number) => void;
}

/** The rubrics of a file, or a usage error when it holds none. */
function loadRubrics(path: string, locale: Locale, err: string[]): RubricIR[] {
  const [file] = collectFiles([path]).files;
  const r = compile(file!, hostFor(file!));
  // The document's own arithmetic errors are `rubric check`'s business; what keeps it from being read is shown.
  for (const d of r.diagnostics.filter((x) => x.severity === 'error' && /^RUB[01]/.test(x.code))) err.push(formatLine(d, locale));
  if (r.rubrics.length === 0) throw new UsageError(path);
  return r.rubrics;
}

const ASSESSMENT = /\.(json|jsonc|csv|xlsx)$/i;

/** Assessment files: files as given, folders expanded to the JSON, CSV and xlsx files in them. */
function assessmentFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(p);
    }
    // Excel's lock files (~$form.xlsx) are not forms.
    if (st.isDirectory()) for (const n of readdirSync(p).sort()) (ASSESSMENT.test(n) && !n.endsWith('.tests.jsonc') && !n.startsWith('~$') ? out.push(display(join(p, n))) : undefined);
    else out.push(display(p));
  }
  return out;
}

interface Scored {
  file: string;
  read: ReadResult;
  result: ScoreResult | undefined;
  diagnostics: Diagnostic[];
}

// The xlsx reader brings exceljs: loaded by its package name, outside the CLI's bundle, when a form is read.
const XLSX: string = '@rubric/export/xlsx';

async function readFile(file: string, index: (r: RubricIR) => InputIndex, rubrics: RubricIR[], wanted: string | undefined, locale: Locale): Promise<ReadResult[]> {
  const bytes = new Uint8Array(readFileSync(file));
  if (/\.xlsx$/i.test(file)) {
    const { readXlsxAssessment } = (await import(XLSX)) as typeof import('@rubric/export/xlsx');
    const rubric = pickRubric(rubrics, wanted ?? null, file).rubric ?? rubrics[0]!;
    const { assessed, self } = await readXlsxAssessment(bytes, file, index(rubric));
    const name = basename(file);
    assessed.assessment.name = name;
    if (self) self.assessment.name = say('selfScores', { name }, locale);
    return self ? [assessed, self] : [assessed];
  }
  const decoded = decodeBytes(bytes);
  const at = { line: 1, column: 1, offset: 0 };
  if (decoded.failed) return [{ assessment: { name: null, rubric: null, draft: false, values: new Map() }, diagnostics: [{ code: 'RUB009', severity: 'error', file, range: { start: at, end: at }, args: {} }] }];
  // The rubric an assessment is for: named by the option, else by the assessment (JSON), else the only one.
  const first = pickRubric(rubrics, wanted ?? null, file).rubric ?? rubrics[0]!;
  if (/\.csv$/i.test(file)) return readAssessmentCsv(decoded.text, file, index(first));
  if (/\.jsonc?$/i.test(file)) {
    // The assessment may name its rubric: read it with that rubric's inputs.
    const parsed = parseJson(decoded.text);
    if (parsed.error) return [readAssessmentJson(decoded.text, file, index(first))];
    const named = parsed.value.kind === 'object' ? parsed.value.entries.find((e) => e.key === 'rubric')?.value : undefined;
    const title = named?.kind === 'string' ? named.value : undefined;
    const target = wanted === undefined && title !== undefined ? (rubrics.find((r) => r.title === title) ?? first) : first;
    return [readAssessmentNode(parsed.value, [], file, index(target))];
  }
  throw new UsageError(file);
}

export async function scoreCommand(rubricPath: string, inputs: string[], opts: ScoreOptions): Promise<Output> {
  const err: string[] = [];
  const out: string[] = [];
  const rubrics = loadRubrics(rubricPath, opts.locale, err);
  const indexes = new Map<RubricIR, InputIndex>();
  const index = (r: RubricIR) => indexes.get(r) ?? indexes.set(r, new InputIndex(r)).get(r)!;
  const files = assessmentFiles(inputs);
  const reads: { file: string; read: ReadResult }[] = [];
  for (const f of files) for (const read of await readFile(f, index, rubrics, opts.rubric, opts.locale)) reads.push({ file: f, read });
  const scored: Scored[] = [];
  reads.forEach(({ file, read }, i) => {
    const picked = pickRubric(rubrics, opts.rubric ?? read.assessment.rubric, file);
    const result = picked.rubric && read.diagnostics.every((d) => d.severity !== 'error') ? score(picked.rubric, read.assessment, index(picked.rubric)) : undefined;
    scored.push({ file, read, result, diagnostics: [...read.diagnostics, ...picked.diagnostics, ...(result?.diagnostics ?? [])] });
    opts.progress?.(i + 1, reads.length);
  });
  for (const s of scored) for (const d of s.diagnostics) err.push(formatLine(d, opts.locale));
  const results = scored.map((s) => s.result).filter((r): r is ScoreResult => !!r);
  if (opts.format === 'json') {
    const json = JSON.stringify(scored.length === 1 && results.length === 1 ? scoreResultToJson(results[0]!, opts.locale) : results.map((r) => scoreResultToJson(r, opts.locale)), null, 2);
    if (opts.output) writeFileSync(opts.output, `${json}\n`);
    else out.push(json);
  } else {
    if (scored.length === 1 && results.length === 1) out.push(...(opts.explain ? explain(results[0]!, opts.locale) : table(results[0]!, opts.locale)));
    else out.push(...batch(scored, rubrics, opts.locale));
    if (opts.output) writeResults(opts.output, scored, opts.locale);
  }
  const failed = scored.some((s) => s.diagnostics.some((d) => d.severity === 'error'));
  return { out, err, code: failed ? 1 : 0 };
}

/** One row per indicator: code, title, points, score, and the reason in a few words. */
function table(r: ScoreResult, locale: Locale): string[] {
  const rows: string[][] = [];
  const walk = (xs: IndicatorScore[], depth: number) => {
    for (const x of xs) {
      const s = x.score !== null ? x.score.toString() : `${x.min ?? '-∞'}~${x.max ?? '∞'}`;
      const why = reasonText(x.reason, locale);
      rows.push([`${'  '.repeat(depth)}${x.code ?? ''}`, short(x.title, 28), x.points?.toString() ?? '', s, short(why, 40)]);
      walk(x.children, depth + 1);
      walk(x.bonuses, depth + 1);
    }
  };
  walk([...r.parts, ...r.indicators, ...r.bonuses], 0);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => width(row[i]!))));
  const lines = rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd());
  return [...lines, '', ...explain(r, locale).slice(explain(r, locale).indexOf('') + 1)];
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
function short(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A batch: one line per organisation, then counts per grade, vetoes, incomplete ones and a histogram. */
function batch(scored: Scored[], rubrics: RubricIR[], locale: Locale): string[] {
  const out: string[] = [];
  for (const s of scored) {
    const name = s.read.assessment.name ?? basename(s.file);
    const r = s.result;
    if (!r) {
      out.push(`${name}  ${say('batchError', {}, locale)}`);
      continue;
    }
    const vetoed = r.vetoes.some((v) => v.applies === 'yes');
    const final = r.final.score?.toString() ?? `${r.final.min}~${r.final.max}`;
    out.push(`${name}  ${final}  ${vetoed ? say('vetoed', {}, locale) : (r.grade ?? (r.complete ? '—' : say('incomplete', {}, locale)))}`);
  }
  const results = scored.map((s) => s.result).filter((r): r is ScoreResult => !!r);
  const grades = new Map<string, number>();
  for (const r of results) if (r.grade !== null && !r.vetoes.some((v) => v.applies === 'yes')) grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
  out.push('');
  out.push(say('summary.count', { n: scored.length, scored: results.length }, locale));
  const names = rubrics.flatMap((r) => r.grades.map((g) => g.name));
  for (const g of [...new Set(names)]) out.push(say('summary.grade', { grade: g, n: grades.get(g) ?? 0 }, locale));
  out.push(say('summary.vetoed', { n: results.filter((r) => r.vetoes.some((v) => v.applies === 'yes')).length }, locale));
  out.push(say('summary.incomplete', { n: results.filter((r) => !r.complete).length }, locale));
  const finals = results.map((r) => r.final.score).filter((x): x is NonNullable<typeof x> => x !== null);
  if (finals.length > 0) out.push('', ...histogram(finals.map((d) => d.toString())));
  return out;
}

/** A small text histogram of scores in ten bins. The bin edges are for reading only; scores stay exact. */
function histogram(values: string[]): string[] {
  const nums = values.map(Number);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const bins = 10;
  const size = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of nums) counts[Math.min(bins - 1, Math.floor((v - lo) / size))]!++;
  const most = Math.max(...counts);
  return counts.map((c, i) => {
    const from = lo + i * size;
    const label = `${fmt(from)}–${fmt(from + size)}`.padStart(15);
    return `${label} │${'█'.repeat(Math.round((c / most) * 30))} ${c}`;
  });
}
function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Results to a file: `.json` (every result), `.csv` (one row per organisation). */
function writeResults(path: string, scored: Scored[], locale: Locale): void {
  const results = scored.filter((s) => s.result);
  if (/\.json$/i.test(path)) {
    writeFileSync(path, `${JSON.stringify(results.map((s) => scoreResultToJson(s.result!, locale)), null, 2)}\n`);
    return;
  }
  if (!/\.csv$/i.test(path)) throw new UsageError(path);
  const head = ['name', 'file', 'base', 'bonus', 'penalty', 'final', 'grade', 'vetoed', 'complete'];
  const rows = results.map(({ file, read, result: r }) => [
    read.assessment.name ?? '',
    file,
    r!.base.score?.toString() ?? '',
    r!.bonus.toString(),
    r!.penalty.toString(),
    r!.final.score?.toString() ?? '',
    r!.grade ?? '',
    String(r!.vetoes.some((v) => v.applies === 'yes')),
    String(r!.complete),
  ]);
  writeFileSync(path, writeCsv([head, ...rows]));
}

/** `rubric template`: the blank assessment form of a rubric (xlsx: the exported table, which is the Excel form). */
export async function templateCommand(rubricPath: string, opts: { format: 'json' | 'csv' | 'xlsx'; locale: Locale; output?: string; rubric?: string }): Promise<Output> {
  if (opts.format === 'xlsx') return exportCommand(rubricPath, { format: 'xlsx', locale: opts.locale, ...(opts.output ? { output: opts.output } : {}) });
  const err: string[] = [];
  const rubrics = loadRubrics(rubricPath, opts.locale, err);
  const picked = pickRubric(rubrics, opts.rubric ?? (rubrics.length === 1 ? null : rubrics[0]!.title), rubricPath);
  if (!picked.rubric) {
    for (const d of picked.diagnostics) err.push(formatLine(d, opts.locale));
    return { out: [], err, code: 2 };
  }
  const text = opts.format === 'csv' ? templateCsv(picked.rubric, opts.locale) : templateJson(picked.rubric, opts.locale);
  if (opts.output) {
    writeFileSync(opts.output, text);
    return { out: [], err, code: 0 };
  }
  return { out: [text.replace(/^\ufeff/, '').trimEnd()], err, code: 0 };
}

/** Test files of rubrics: `<name>.tests.jsonc` beside `<name>.rubric`, in the paths given. */
function testFiles(paths: string[]): { rubric: string; tests: string }[] {
  const out: { rubric: string; tests: string }[] = [];
  for (const f of collectFiles(paths.length > 0 ? paths : ['.']).files) {
    const tests = f.replace(/\.rubric$/, '.tests.jsonc');
    try {
      if (statSync(tests).isFile()) out.push({ rubric: f, tests });
    } catch {
      // No tests for this rubric.
    }
  }
  return out;
}

/** `rubric test`: runs every rubric's example assessments and reports each case. */
export function testCommand(paths: string[], opts: { locale: Locale }): Output {
  const out: string[] = [];
  const err: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const { rubric, tests } of testFiles(paths)) {
    const rubrics = compile(rubric, hostFor(rubric)).rubrics;
    const run = runCases(readFileSync(tests, 'utf8'), tests, rubrics);
    for (const c of run.cases) {
      out.push(`${c.passed ? '✓' : '✗'} ${tests}: ${c.name}`);
      if (c.passed) passed++;
      else failed++;
    }
    for (const d of run.diagnostics) err.push(formatLine(d, opts.locale));
    if (run.cases.length === 0 && run.diagnostics.length > 0) failed++;
  }
  out.push(say('testSummary', { passed, failed }, opts.locale));
  return { out, err, code: failed > 0 ? 1 : 0 };
}
