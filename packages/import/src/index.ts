// Public API of @rubric/import: a Word, Excel, text or HTML document in, draft rubrics out.
import { compileText, type Diagnostic } from '@rubric/core';
import { readDocument } from './readers/index.js';
import { buildDrafts } from './build.js';
import { emitRubric, REVIEW } from './emit.js';

/** The comment that marks a guess in a draft (`// 待确认：…`). */
export { REVIEW };
import { walkDraft, type DraftRubric } from './draft.js';
import { ImportError } from './errors.js';

export { ImportError, IMPORT_ERRORS, IMPORT_TEXTS, renderImportError, renderImportText, type ImportErrorCode } from './errors.js';
export { readDocument, EXTENSIONS } from './readers/index.js';
export type { SourceDocument, Block, Table, Row, Cell, Format } from './model.js';
export type { DraftRubric, DraftIndicator } from './draft.js';
export type { Rule, Measure } from './rules/model.js';
export { recognize } from './rules/recognize.js';
export { compareRubrics, normalTitle, constructs, type Comparison } from './compare.js';

export interface ImportedRubric {
  /** The rubric's title. */
  title: string;
  /** The draft in canonical layout. */
  text: string;
  /** Where its table starts in the source document (a line of a text file, a block otherwise). */
  line: number;
  indicators: number;
  rules: number;
  reviews: number;
  draft: DraftRubric;
}

export interface ImportResult {
  format: string;
  rubrics: ImportedRubric[];
}

/** Reads a document and writes one draft rubric per evaluation table found in it. */
export async function importDocument(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
  const doc = await readDocument(bytes, fileName);
  if (doc.blocks.length === 0 || doc.blocks.every((b) => (b.kind === 'paragraph' ? b.text.trim() === '' : b.table.rows.every((r) => r.cells.every((c) => c.text.trim() === ''))))) {
    throw new ImportError('IMP005', { file: fileName });
  }
  const drafts = buildDrafts(doc, fileName);
  if (drafts.length === 0) throw new ImportError('IMP006', { file: fileName });
  const rubrics = drafts.map((d): ImportedRubric => {
    const text = emitRubric(d.rubric);
    let indicators = 0;
    let rules = 0;
    walkDraft([...d.rubric.indicators, ...d.rubric.bonuses], (x) => {
      indicators++;
      rules += x.rules.length + x.gates.length + (x.review ? 1 : 0);
    });
    rules += d.rubric.vetoes.length + d.rubric.grades.length;
    const reviews = text.split('\n').filter((l) => l.includes(`// ${REVIEW}`)).length;
    return { title: d.rubric.title, text, line: d.line, indicators, rules, reviews, draft: d.rubric };
  });
  if (rubrics.every((r) => r.indicators === 0 && r.draft.vetoes.length === 0 && r.draft.grades.length === 0)) throw new ImportError('IMP006', { file: fileName });
  return { format: doc.format, rubrics };
}

/** Output file names for the drafts of one document: `base.rubric`, or `base-1.rubric`, `base-2.rubric`… */
export function draftNames(base: string, count: number): string[] {
  const stem = base.replace(/\.rubric$/, '');
  return count === 1 ? [`${stem}.rubric`] : Array.from({ length: count }, (_, i) => `${stem}-${i + 1}.rubric`);
}

/** Compiles a draft held in memory, as `rubric check` would. */
export function checkDraft(path: string, text: string): Diagnostic[] {
  return compileText(path, text).diagnostics;
}

