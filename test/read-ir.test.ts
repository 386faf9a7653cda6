// readIR loads the compact IR (schemaVersion 2) back into the in-memory IR: every seed rubric and every
// fixture program round-trips (compile → serializeIR → readIR gives the compiled IR again, offsets
// aside, which the JSON does not carry), and bad input is one coded, located diagnostic (RUB040–RUB044),
// never an exception.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, compileText, readIR, serializeIR, serializeIRs, type Diagnostic, type RubricIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { ROOT, compileRepoFile, diskHost, fixturePrograms, fixtureFiles, read, seedRubrics } from './harness.js';

/** Sets every offset of a freshly compiled IR to -1, as readIR gives it (the JSON carries lines and columns only). */
function dropOffsets(r: RubricIR): RubricIR {
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    const o = x as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.column === 'number' && typeof o.offset === 'number') {
      o.offset = -1;
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(r);
  return r;
}

function roundTrip(r: RubricIR): void {
  const text = serializeIR(r);
  const back = readIR(text);
  expect(back.diagnostics).toEqual([]);
  expect(back.rubrics).toHaveLength(1);
  expect(back.rubrics[0]).toEqual(dropOffsets(r));
  expect(serializeIR(back.rubrics[0]!)).toBe(text);
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('readIR round trip', () => {
  for (const seed of seedRubrics()) {
    it(`${seed}: compile → serializeIR → readIR gives the compiled IR`, () => {
      const r = compileRepoFile(seed).rubric;
      expect(r).toBeDefined();
      roundTrip(r!);
    });
  }
  it('every fixture program (imports, parts, vetoes, grades, rates, errors) round-trips', () => {
    const entries = [...fixtureFiles(), ...fixturePrograms().map((p) => p.entry)];
    let rubrics = 0;
    for (const entry of entries) {
      for (const r of compile(entry, diskHost).rubrics) {
        roundTrip(r);
        rubrics++;
      }
    }
    expect(rubrics).toBeGreaterThan(20);
  });
  it('a rubric built from several files keeps each range’s file', () => {
    const { rubrics } = compile('test/fixtures/imports/main.rubric', diskHost);
    const r = rubrics[0]!;
    const files = new Set<string>([r.range.file]);
    const walk = (xs: RubricIR['indicators']): void => xs.forEach((i) => (files.add(i.range.file), walk(i.children)));
    walk(r.indicators);
    expect(files.size).toBeGreaterThan(1);
    // The section's indicator names its file by index: [file, line, column, endLine, endColumn].
    const json = JSON.parse(serializeIR(r));
    expect(json.indicators[0].at[0]).toHaveLength(5);
    expect(json.files[json.indicators[0].at[0][0]]).toBe(r.indicators[0]!.range.file);
    roundTrip(r);
  });
  it('the generated 1,000-leaf benchmark tree round-trips', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-tree-'));
    writeFileSync(join(dir, 'tree.json'), execFileSync(process.execPath, [join(ROOT, 'test/bench/tree/gen-tree.mjs'), '1000', '7'], { encoding: 'utf8' }));
    const text = execFileSync(process.execPath, [join(ROOT, 'test/bench/tree/to-rubric.mjs'), join(dir, 'tree.json')], { encoding: 'utf8' });
    const r = compileText('tree.rubric', text).rubric;
    expect(r).toBeDefined();
    roundTrip(r!);
  });
  it('several rubrics are one array, read back in order', () => {
    const { rubrics } = compile('test/fixtures/no-tables.rubric', diskHost);
    const all = [...compileRepoFile('rubrics/jiaxing-2016.rubric').rubrics, ...compileRepoFile('rubrics/luohe-2015.rubric').rubrics, ...rubrics];
    const back = readIR(serializeIRs(all, { pretty: true }));
    expect(back.diagnostics).toEqual([]);
    expect(back.rubrics.map((r) => r.title)).toEqual(all.map((r) => r.title));
    expect(serializeIRs(back.rubrics)).toBe(serializeIRs(all));
  });
});

describe('readIR on bad input', () => {
  const good = serializeIR(compileRepoFile('rubrics/pingdingshan-2016.rubric').rubric!);
  const edit = (f: (ir: Record<string, any>) => void): string => {
    const ir = JSON.parse(good);
    f(ir);
    return JSON.stringify(ir, null, 2);
  };
  it('truncated JSON: RUB040 where the text ends', () => {
    const r = readIR(good.slice(0, 500), 'p.ir.json');
    expect(codes(r.diagnostics)).toEqual(['RUB040']);
    expect(r.diagnostics[0]!.range.start.offset).toBeGreaterThanOrEqual(490);
    expect(r.diagnostics[0]!.file).toBe('p.ir.json');
    expect(r.rubrics).toEqual([]);
  });
  it('not JSON at all, and empty text: RUB040', () => {
    expect(codes(readIR('评估表 "x" {}').diagnostics)).toEqual(['RUB040']);
    expect(codes(readIR('').diagnostics)).toEqual(['RUB040']);
  });
  it('another schema version: RUB041 with the version found', () => {
    const r = readIR(edit((ir) => (ir.schemaVersion = 1)));
    expect(codes(r.diagnostics)).toEqual(['RUB041']);
    expect(r.diagnostics[0]!.args).toMatchObject({ found: '1', expected: 2 });
    expect(r.diagnostics[0]!.range.start.line).toBe(2);
    // The previous, verbose form is refused as a whole, not half read.
    expect(codes(readIR(read('test/golden/jiaxing-2016.ir.json').replace('"schemaVersion": 2', '"schemaVersion": 1')).diagnostics)).toEqual(['RUB041']);
  });
  it('a value of the wrong type: RUB042 at its JSON path and line', () => {
    const r = readIR(edit((ir) => (ir.indicators[1].children[0].points = 5)));
    expect(codes(r.diagnostics)).toEqual(['RUB042']);
    expect(r.diagnostics[0]!.args).toMatchObject({ at: '$.indicators[1].children[0].points', expected: '@ir.decimal', found: '5' });
    const text = edit((ir) => (ir.indicators[1].children[0].points = 5));
    const line = text.split('\n')[r.diagnostics[0]!.range.start.line - 1]!;
    expect(line.trim()).toBe('"points": 5,');
  });
  it('points as a binary-float number, a bad interval, a bad range, a bad measure index: RUB042', () => {
    const cases: [(ir: Record<string, any>) => void, string][] = [
      [(ir) => (ir.step = 0.1), '@ir.decimal'],
      [(ir) => (ir.measures = [{ name: 'm', kind: 'percent', domain: '[0,', at: [[1, 1, 2]] }]), '@ir.interval'],
      [(ir) => (ir.measures = [{ name: 'm', kind: 'percent', domain: '[,100]', at: [[1, 1, 2]] }]), '@ir.interval'],
      [(ir) => (ir.indicators[0].at[0] = [1, 2, 3, 4, 5, 6]), '@ir.range'],
      [(ir) => (ir.indicators[0].at[0] = [0, 'a', 3]), '@ir.integer'],
      [(ir) => (ir.indicators[0].at[0] = [99, 1, 1, 2, 1]), '@ir.fileIndex'],
      [(ir) => (ir.indicators[0].at = []), '@ir.at'],
      [(ir) => (ir.at = [[-5, 1, 2]]), '@ir.range'],
      [(ir) => (ir.indicators = {}), '@ir.array'],
      [(ir) => (ir.files = []), '@ir.files'],
      [(ir) => (ir.indicators[0].rules = [{ kind: 'rate', measure: 7, per: '1', points: '1', at: [[1, 2]] }]), '@ir.measureRef'],
    ];
    for (const [f, expected] of cases) {
      const r = readIR(edit(f));
      expect(codes(r.diagnostics)).toEqual(['RUB042']);
      expect(r.diagnostics[0]!.args.expected).toBe(expected);
    }
  });
  it('a value outside its list of choices: RUB042 naming the choices', () => {
    const r = readIR(edit((ir) => (ir.indicators[0].kind = 'section')));
    expect(codes(r.diagnostics)).toEqual(['RUB042']);
    expect(r.diagnostics[0]!.args.expected).toEqual(['indicator', 'bonus', 'penalty', 'part']);
    expect(codes(readIR(edit((ir) => (ir.indicators[0].review = false))).diagnostics)).toEqual(['RUB042']);
    expect(codes(readIR('[1]').diagnostics)).toEqual(['RUB042']);
    expect(codes(readIR('null').diagnostics)).toEqual(['RUB042']);
  });
  it('an unknown key: RUB043; a missing key: RUB044', () => {
    const u = readIR(edit((ir) => (ir.indicators[0].colour = 'red')));
    expect(codes(u.diagnostics)).toEqual(['RUB043']);
    expect(u.diagnostics[0]!.args).toMatchObject({ key: 'colour', at: '$.indicators[0].colour' });
    const m = readIR(edit((ir) => delete ir.indicators[0].title));
    expect(codes(m.diagnostics)).toEqual(['RUB044']);
    expect(m.diagnostics[0]!.args).toMatchObject({ key: 'title', at: '$.indicators[0]' });
    expect(codes(readIR(edit((ir) => delete ir.schemaVersion)).diagnostics)).toEqual(['RUB044']);
    // Keys are own keys of the JSON: `toString` is unknown, not something every object has.
    expect(codes(readIR(edit((ir) => (ir.indicators[0].toString = 'x'))).diagnostics)).toEqual(['RUB043']);
    expect(codes(readIR(good.replace('"schemaVersion":2,', '"schemaVersion":2,"__proto__":{},')).diagnostics)).toEqual(['RUB043']);
  });
  it('indicators nested deeper than any rubric can be: RUB040, no stack overflow', () => {
    let deep: Record<string, unknown> = { title: 'x', at: [[1, 2]] };
    for (let i = 0; i < 1000; i++) deep = { title: 'x', at: [[1, 2]], children: [deep] };
    const r = readIR(edit((ir) => (ir.indicators = [deep])));
    expect(codes(r.diagnostics)).toEqual(['RUB040']);
    expect(r.diagnostics[0]!.args.problem).toBe('@json.depth');
  });
});
