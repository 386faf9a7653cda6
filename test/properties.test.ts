// Property tests: thousands of random and mutated rubrics through the parser, the checker and the
// formatter. Nothing may throw, every diagnostic range must lie inside its document, and formatting
// must be idempotent whenever it succeeds.
import fc from 'fast-check';
import { LineIndex, compileText, formatText, type Diagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { read, seedRubrics } from './harness.js';
// @ts-expect-error: a plain .mjs module without types
import { PIECES as SHARED_PIECES } from './fuzz/inputs.mjs';

const PIECES = SHARED_PIECES as string[];


function rangesInside(text: string, ds: Diagnostic[], file: string): void {
  const idx = new LineIndex(text);
  for (const d of ds) {
    if (d.file !== file) continue;
    expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    expect(d.range.start).toEqual(idx.position(d.range.start.offset));
    expect(d.range.end).toEqual(idx.position(d.range.end.offset));
    for (const e of d.fix?.edits ?? []) expect(e.range.end.offset).toBeLessThanOrEqual(text.length);
  }
}

function checkOne(text: string): void {
  const r = compileText('main.rubric', text);
  rangesInside(text, r.diagnostics, 'main.rubric');
  const f = formatText(text, 'main.rubric');
  if (f.text !== undefined) expect(formatText(f.text, 'main.rubric').text).toBe(f.text);
}

describe('properties', () => {
  it('random token soup never throws and keeps ranges inside the document', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.constantFrom(' ', '\n', ''), { maxLength: 60 }), (pieces, seps) => {
        checkOne(pieces.map((p, i) => p + (seps[i] ?? ' ')).join(''));
      }),
      { numRuns: 3000 },
    );
  });
  it('arbitrary unicode strings never throw', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => checkOne(s)), { numRuns: 1500 });
  });
  const seeds = seedRubrics().map((f) => read(f));
  it('mutated seed rubrics (deletions, insertions, swaps) never throw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          let text = seeds[which]!;
          for (const [at, len, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(Math.min(text.length, i + len));
          }
          checkOne(text);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
