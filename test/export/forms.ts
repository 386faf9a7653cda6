// Helpers of the export tests: leaf scores of a rubric (hand-made and random, in the rubric's score
// step, within each leaf's reachable min and max), and the runners of the real programs (LibreOffice
// through Python-UNO, Chromium, pdftoppm).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allIndicators, Decimal, type IndicatorIR, type RubricIR } from '@rubric/core';
import { ROOT } from '../harness.js';

/** A leaf's two scores: self-assessed and assessed. */
export interface Assessment {
  name: string;
  self: Map<string, Decimal>;
  score: Map<string, Decimal>;
}

/** A small deterministic PRNG (mulberry32), so that every run types the same numbers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const leaves = (r: RubricIR): IndicatorIR[] => allIndicators(r).filter((x) => x.children.length === 0);

/** The leaf's range of scores: its reachable min and max, an open end taken 20 points past the other. */
function span(x: IndicatorIR): [Decimal, Decimal] {
  const lo = x.min ?? (x.max ? x.max.sub(Decimal.parse('20')!) : Decimal.ZERO);
  const hi = x.max ?? lo.add(Decimal.parse('20')!);
  return [lo, hi];
}

/** `lo + k × step` for k in 0..n, with n the number of whole steps in the span. */
function stepped(lo: Decimal, hi: Decimal, step: Decimal, pick: (n: number) => number): Decimal {
  let n = 0;
  while (lo.add(step.mul(Decimal.parse(String(n + 1))!)).cmp(hi) <= 0 && n < 100000) n++;
  return lo.add(step.mul(Decimal.parse(String(pick(n)))!));
}

/** Hand-made assessments (full marks, lowest, zero where allowed, half way) and `random` random ones. */
export function assessments(r: RubricIR, random: number, seed = 1): Assessment[] {
  const ls = leaves(r);
  const make = (name: string, f: (x: IndicatorIR, which: 'self' | 'score') => Decimal): Assessment => ({
    name,
    self: new Map(ls.map((x) => [x.id, f(x, 'self')])),
    score: new Map(ls.map((x) => [x.id, f(x, 'score')])),
  });
  const out: Assessment[] = [
    make('full marks', (x) => span(x)[1]),
    make('lowest', (x) => span(x)[0]),
    make('zero where allowed', (x) => {
      const [lo, hi] = span(x);
      return Decimal.max(lo, Decimal.min(hi, Decimal.ZERO));
    }),
    make('half way', (x) => stepped(span(x)[0], span(x)[1], r.step, (n) => Math.floor(n / 2))),
    make('self full, assessed lowest', (x, which) => (which === 'self' ? span(x)[1] : span(x)[0])),
  ];
  const rnd = prng(seed);
  for (let i = 0; i < random; i++) out.push(make(`random ${i + 1}`, (x) => stepped(span(x)[0], span(x)[1], r.step, (n) => Math.floor(rnd() * (n + 1)))));
  return out;
}

export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

export type Grid = (number | string)[][];
export interface RecalcJob {
  file: string;
  /** Each round: ranges to fill (`F5:G20` with rows of values), then ranges to read after recalculation, and where to save the filled form (xlsx), if anywhere. */
  rounds: { writes: [sheet: string, range: string, values: (number | string)[][]][]; reads: [sheet: string, range: string][]; save?: string }[];
}

/**
 * Runs test/export/lo_recalc.py: LibreOffice opens each file, takes each round's values,
 * recalculates, and the read ranges come back (formula cells as their results, '' when empty).
 * Returns, per job, per round, one grid per read range.
 */
export function recalc(jobs: RecalcJob[]): Grid[][][] {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-recalc-'));
  try {
    writeFileSync(join(dir, 'jobs.json'), JSON.stringify(jobs));
    const r = spawnSync('/usr/bin/python3', [join(ROOT, 'test/export/lo_recalc.py'), join(dir, 'jobs.json'), join(dir, 'out.json')], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (r.status !== 0) throw new Error(`LibreOffice recalculation failed (${r.status ?? r.signal}): ${r.stderr}`);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { rounds: { values: Grid[] }[] }[];
    return out.map((j) => j.rounds.map((x) => x.values));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Converts an office document to PDF with LibreOffice headless; returns the PDF's path. */
export function officeToPdf(file: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'rubric-lo-'));
  try {
    const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, file], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`soffice --convert-to pdf failed: ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return join(outDir, `${base}.pdf`);
}

/** Renders PDF pages to PNG files `<prefix>-<n>.png` with pdftoppm; returns their paths. */
export function pdfToPngs(pdf: string, prefix: string, opts: { dpi?: number; first?: number; last?: number } = {}): string[] {
  spawnSync('sh', ['-c', `rm -f '${prefix}'-*.png`]);
  const args = ['-png', '-r', String(opts.dpi ?? 80)];
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  const r = spawnSync('pdftoppm', [...args, pdf, prefix], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const pages = spawnSync('sh', ['-c', `ls '${prefix}'-*.png`], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  return pages;
}

/** Number of pages of a PDF (pdfinfo). */
export function pdfPages(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /Pages:\s+(\d+)/.exec(r.stdout);
  return m ? Number(m[1]) : 0;
}
