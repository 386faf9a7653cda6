// The import corpus and how a draft is measured against the hand transcriptions in rubrics/: shared
// by the tests (test/import/*.test.ts) and the benchmark (pnpm bench:import).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, compileText } from '@rubric/core';
import { importDocument, compareRubrics } from '@rubric/import';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** Each seed: its text file, the rebuilt documents, and the transcriptions of its tables in order. */
export const SEEDS = [
  { name: 'jiaxing-2016', seed: '000_148925b563ff98dd.txt', tables: ['jiaxing-2016'], formats: ['txt', 'docx', 'xlsx', 'html'] },
  { name: 'pingdingshan-2016', seed: '002_ffa2264a3df41473.txt', tables: ['pingdingshan-2016'], formats: ['txt', 'docx', 'xlsx', 'html'] },
  { name: 'yueyang', seed: '004_55a4884e00d380ba.txt', tables: ['yueyang-hangye', 'yueyang-lianhe', 'yueyang-zhuanye', 'yueyang-xueshu', 'yueyang-cishan'], formats: ['txt', 'docx', 'xlsx', 'html'] },
  { name: 'tongzhou-shanghui', seed: '001_02884ba88268a9b7.txt', tables: ['tongzhou-shanghui'], formats: ['txt', 'docx', 'html'], narrative: true },
  { name: 'luohe-2015', seed: '003_fdfdab905575f397.txt', tables: ['luohe-2015'], formats: ['txt', 'docx', 'html'], narrative: true },
];

export function fileOf(seed, format) {
  return format === 'txt' ? `test/import/seeds/${seed.seed}` : `test/import/corpus/${seed.name}.${format}`;
}

const host = { readFile: (p) => { try { return new Uint8Array(readFileSync(join(ROOT, p))); } catch { return undefined; } } };

/** Diagnostics as "severity CODE", sorted: what the checker says, without positions. */
const codes = (ds) => ds.map((d) => `${d.severity} ${d.code}`).sort();

/** Imports one file and measures each draft against its transcription. */
export async function evaluate(seed, format) {
  const file = fileOf(seed, format);
  const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
  const t0 = performance.now();
  const result = await importDocument(bytes, file);
  const ms = performance.now() - t0;
  const tables = result.rubrics.map((r, i) => {
    const handPath = `rubrics/${seed.tables[i] ?? seed.tables[0]}.rubric`;
    const hand = compile(handPath, host);
    const draft = compileText(`draft-${i + 1}.rubric`, r.text);
    const cmp = hand.rubric && draft.rubric ? compareRubrics(hand.rubric, draft.rubric) : undefined;
    return {
      hand: seed.tables[i],
      title: r.title,
      text: r.text,
      draft,
      comparison: cmp,
      handCodes: codes(hand.diagnostics.filter((d) => d.file === handPath)),
      draftCodes: codes(draft.diagnostics),
      reviews: r.reviews,
    };
  });
  return { file, result, tables, ms };
}
