// Nothing in a source document is dropped: every non-empty cell and paragraph of every corpus file
// appears in the drafts — as a title (with its points on the same line when the title's "(N分)" was
// read as points), a text, a comment, or beside the rule read from it. The check is independent of
// the importer's reading: it only compares texts without white space.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument, readDocument } from '@rubric/import';
// @ts-expect-error: a plain ES module shared with the benchmark
import { ROOT, SEEDS, fileOf } from './cases.mjs';

const squash = (s: string): string => s.replace(/\s+/g, '').replace(/\\"/g, '"');

/** Texts of the document as its reader sees them: paragraphs and cells. */
async function texts(file: string, bytes: Uint8Array): Promise<string[]> {
  const doc = await readDocument(bytes, file);
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push(b.text);
    else for (const r of b.table.rows) for (const c of r.cells) out.push(c.text);
  }
  return out.filter((t) => t.trim() !== '');
}

const MARKER = /^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

function accounted(text: string, lines: string[], all: string): boolean {
  const t = squash(text);
  if (all.includes(t)) return true;
  // A numbered paragraph ("4.积极组织…"): its number is written as the indicator's code.
  if (MARKER.test(t) && all.includes(t.replace(MARKER, ''))) return true;
  // A level cell: code, title and a points statement, written as 指标 code "title" points.
  const m = /^(\d+(?:\.\d+)*)?(.*?)[（(]?(?:满分)?(\d+(?:\.\d+)?)分[）)]?$/.exec(t);
  if (!m || m[2] === '') return false;
  return lines.some((l) => l.includes(`"${m[2]}"`) && l.includes(` ${m[3]}`) && (!m[1] || l.includes(` ${m[1]} `)));
}

describe('nothing in the source is dropped', () => {
  for (const seed of SEEDS as { name: string; formats: string[] }[]) {
    for (const format of seed.formats) {
      const file = fileOf(seed, format) as string;
      it(file, async () => {
        const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
        const result = await importDocument(bytes, file);
        const out = result.rubrics.map((r) => r.text).join('\n');
        const lines = out.split('\n');
        const all = squash(out);
        const missing = (await texts(file, bytes)).filter((t) => !accounted(t, lines, all));
        expect(missing).toEqual([]);
      });
    }
  }
});
