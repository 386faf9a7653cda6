// The incremental reparse (incremental.ts) against a full parse: after any edit of a seed rubric,
// the reparsed file has the same AST, tokens, comments and diagnostics as loadSource of the new
// text, whether the old file is kept or consumed; and ordinary edits inside a block do take the
// block path.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, loadSource, reparse, type SourceFile } from '@rubric/core';

const DIR = new URL('../../../rubrics/', import.meta.url).pathname;
const SEEDS = readdirSync(DIR).filter((f) => f.endsWith('.rubric')).sort();
const texts = Object.fromEntries(SEEDS.map((f) => [f, readFileSync(DIR + f, 'utf8')]));

/** Everything a parse produces, as plain comparable data. */
function snapshot(f: SourceFile): unknown {
  const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, v) => (v instanceof Decimal ? `D:${v}` : typeof v === 'bigint' ? v.toString() : v)));
  const tok = (t: SourceFile['parse']['tokens'][number]) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];
  const diags = [...f.diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset || (a.code < b.code ? -1 : 1));
  const lines = f.parse.lines;
  const starts = Array.from({ length: lines.lineCount }, (_, i) => [lines.lineStart(i + 1), lines.lineEnd(i + 1)]);
  return { ast: plain(f.parse.ast), marks: plain(f.parse.marks), tokens: f.parse.tokens.map(tok), comments: f.parse.comments.map(tok), diagnostics: plain(diags), lines: starts, text: f.text };
}

const pieces = ['', ' ', '\n', '\r\n', '\r', '\r\n\r', '1', '0.5', '10', '"', '“', '}', '{', '｛', '指标 "甲" 3', '档 "好" 2', '档 参与率 >= 60% 20', '每 "次" 2 最高 4', '// 注释', '/*', '*/', '，', '；', '-', '~', '使用 住所', '评估表', '@'];

describe('incremental reparse', () => {
  it('equals a full parse after random edits of every seed (both modes)', () => {
    const edit = fc.record({ file: fc.constantFrom(...SEEDS), at: fc.nat(), len: fc.nat({ max: 8 }), piece: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(edit, ({ file, at, len, piece }) => {
        const text = texts[file]!;
        const from = at % (text.length + 1);
        const next = text.slice(0, from) + piece + text.slice(Math.min(text.length, from + len));
        const expected = snapshot(loadSource(file, next));
        expect(snapshot(reparse(loadSource(file, text), next).file)).toEqual(expected);
        expect(snapshot(reparse(loadSource(file, text), next, { consume: true }).file)).toEqual(expected);
      }),
      { numRuns: 120, seed: 42 },
    );
  });

  it('stays equal over a chain of consuming edits', () => {
    const file = 'pingdingshan-2016.rubric';
    let current = loadSource(file, texts[file]!);
    const plan = fc.sample(fc.record({ at: fc.nat(), len: fc.nat({ max: 4 }), piece: fc.constantFrom(...pieces) }), { seed: 7, numRuns: 60 });
    for (const { at, len, piece } of plan) {
      const text = current.text;
      const from = at % (text.length + 1);
      const next = text.slice(0, from) + piece + text.slice(Math.min(text.length, from + len));
      current = reparse(current, next, { consume: true }).file;
      expect(snapshot(current)).toEqual(snapshot(loadSource(file, next)));
    }
  });

  it('stays equal over a long chain of typing, where every edit moves what follows it', () => {
    // Blanks and line breaks typed and deleted again, one at a time, as in an editor: the positions
    // after each edit are moved from the list the consumed file hands on to the next one.
    const file = 'pingdingshan-2016.rubric';
    let current = loadSource(file, texts[file]!);
    const pieces = [' ', '\n', '  ', '\n\n'];
    let blocks = 0;
    for (let k = 0; k < 80; k++) {
      const piece = pieces[k % pieces.length]!;
      const from = 1 + ((k * 7919) % (current.text.length - 2));
      for (const typing of [true, false]) {
        const text = current.text;
        const next = typing ? text.slice(0, from) + piece + text.slice(from) : text.slice(0, from) + text.slice(from + piece.length);
        const r = reparse(current, next, { consume: true });
        if (r.mode === 'block') blocks++;
        current = r.file;
        expect(snapshot(current)).toEqual(snapshot(loadSource(file, next)));
      }
    }
    expect(blocks).toBeGreaterThan(100);
  });

  it('reparses only the enclosing block when a leaf’s points change', () => {
    const file = 'pingdingshan-2016.rubric';
    const text = texts[file]!;
    const at = text.indexOf('档 "不低于注册资金" 7') + '档 "不低于注册资金" '.length;
    const next = `${text.slice(0, at)}8${text.slice(at + 1)}`;
    const r = reparse(loadSource(file, text), next);
    expect(r.mode).toBe('block');
    expect(r.reparsed).toBeLessThan(text.length / 10);
    expect(reparse(r.file, next).mode).toBe('unchanged');
  });

  it('falls back to a full parse when the edit is outside every block', () => {
    const file = 'tongzhou-shanghui.rubric';
    const text = texts[file]!;
    const next = `// 新注释\n${text}`;
    expect(reparse(loadSource(file, text), next).mode).toBe('full');
  });
});
