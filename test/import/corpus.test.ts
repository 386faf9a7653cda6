// The importer on the corpus: the seed texts as copied out of Word, and the seeds rebuilt as the
// .docx, .xlsx and .html files staff have (test/import/corpus, made by
// packages/import/scripts/make-corpus.mjs). For the tabular seeds every format must give the hand
// transcription's indicator tree (code, title, points, parent), its scoring constructs, and the same
// diagnostics from the checker. Measured through core's compiled IR (sections expanded).
import { describe, expect, it } from 'vitest';
import { REVIEW } from '@rubric/import';
// @ts-expect-error: a plain ES module shared with the benchmark
import { SEEDS, evaluate } from './cases.mjs';

interface Table {
  hand: string;
  comparison: { indicators: number; matched: number; rules: number; rulesMatched: number; misses: string[]; ruleMisses: string[] };
  handCodes: string[];
  draftCodes: string[];
  draft: { diagnostics: { severity: string; code: string }[] };
  text: string;
}
interface Seed {
  name: string;
  tables: string[];
  formats: string[];
  narrative?: boolean;
}

describe('tabular seeds, every format', () => {
  for (const seed of (SEEDS as Seed[]).filter((s) => !s.narrative)) {
    for (const format of seed.formats) {
      it(`${seed.name}.${format}: the transcription's trees, rules and diagnostics`, async () => {
        const e = await evaluate(seed, format);
        const tables = e.tables as Table[];
        expect(tables.map((t) => t.hand)).toEqual(seed.tables);
        for (const t of tables) {
          expect(t.comparison.misses, t.hand).toEqual([]);
          expect(t.comparison.matched).toBe(t.comparison.indicators);
          expect(t.comparison.ruleMisses, t.hand).toEqual([]);
          // The same audited errors (and warnings) as the transcription, and no other.
          expect(t.draftCodes, t.hand).toEqual(t.handCodes);
        }
      });
    }
  }
});

describe('narrative seeds', () => {
  const seeds = (SEEDS as Seed[]).filter((s) => s.narrative);
  for (const seed of seeds) {
    for (const format of seed.formats) {
      it(`${seed.name}.${format}: a draft without errors, unread items marked for review`, async () => {
        const e = await evaluate(seed, format);
        const [t] = e.tables as Table[];
        expect(t!.draft.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        // Whatever the checker reports on the draft, it also reports on the transcription.
        for (const c of t!.draftCodes) expect(t!.handCodes).toContain(c);
        expect(t!.text).toContain(`// ${REVIEW}`);
      });
    }
  }
  it('通州: two weighted parts, the veto list and the grade', async () => {
    const e = await evaluate(seeds.find((s) => s.name === 'tongzhou-shanghui'), 'docx');
    const [t] = e.tables as Table[];
    expect(t!.comparison.misses).toEqual([]);
    expect(t!.comparison.ruleMisses).toEqual([]);
    expect(t!.text).toMatch(/部分 \S+ "工作目标定量考评" 100 权重 80%/);
    expect(t!.text).toMatch(/部分 \S+ "民主评议定性评价" 100 权重 20%/);
    expect(t!.text.match(/^\s*一票否决 /gm)).toHaveLength(4);
    expect(t!.text).toMatch(/等级 "五好商会" 90 以上/);
  });
  it('漯河: per-occurrence items, count bands and the attendance bands are read', async () => {
    const e = await evaluate(seeds.find((s) => s.name === 'luohe-2015'), 'txt');
    const [t] = e.tables as Table[];
    expect(t!.text).toMatch(/指标 1\.4 [^\n]*\{\n\s*评价标准 [^\n]*\n\s*每 "期" 2\n/);
    expect(t!.text).toMatch(/档 出勤率 < 80% -5/);
    expect(t!.text).toMatch(/档 名数 = 2 8/);
    expect(t!.text).toMatch(/加分 "积极完成上级工商联交办的临时性任务" 5/);
    expect(t!.draftCodes).toEqual(['warning RUB208']);
  });
});
