// Golden IR of the seed rubrics: `rubric compile --pretty` output is byte-identical to the reviewed
// files in test/golden (regenerate with `pnpm golden`), deterministic, the compact form holds the same
// JSON, and both are valid against the shipped schema.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { compile, serializeIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { ROOT, compileRepoFile, diskHost, fixtureFiles, fixturePrograms, read } from './harness.js';

const schema = JSON.parse(read('packages/core/schema/rubric-ir.schema.json'));
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

describe('golden IR', () => {
  const goldens = readdirSync(join(ROOT, 'test/golden')).filter((f) => f.endsWith('.ir.json')).sort();
  it('exists for every seed rubric', () => {
    expect(goldens.length).toBe(9);
  });
  for (const g of goldens) {
    const rubric = `rubrics/${g.replace(/\.ir\.json$/, '.rubric')}`;
    it(`${rubric} compiles to its golden IR`, () => {
      const ir = compileRepoFile(rubric).rubric;
      expect(ir).toBeDefined();
      const json = serializeIR(ir!, { pretty: true });
      expect(json).toBe(read(`test/golden/${g}`));
      expect(serializeIR(compileRepoFile(rubric).rubric!, { pretty: true })).toBe(json);
      const compact = serializeIR(ir!);
      expect(compact.split('\n')).toHaveLength(2);
      expect(JSON.parse(compact)).toEqual(JSON.parse(json));
    });
    it(`${g} is valid against the IR schema`, () => {
      const ok = validate(JSON.parse(read(`test/golden/${g}`)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
  it('the schema rejects an IR with an unknown key, a float for points, a bad range or interval', () => {
    const bad: ((ir: Record<string, any>) => void)[] = [
      (ir) => (ir.unexpected = true),
      (ir) => (ir.indicators[0].points = 5),
      (ir) => (ir.indicators[0].at[0] = [1]),
      (ir) => (ir.indicators[0].at = []),
      (ir) => (ir.measures[0].domain = '[,100]'),
      (ir) => (ir.schemaVersion = 1),
    ];
    for (const f of bad) {
      const ir = JSON.parse(read(`test/golden/${goldens[0]}`));
      expect(validate(ir)).toBe(true);
      f(ir);
      expect(validate(ir)).toBe(false);
    }
  });
  it('the schema accepts every fixture program’s IR (imports, parts, vetoes, grades, rates)', () => {
    for (const entry of [...fixtureFiles(), ...fixturePrograms().map((p) => p.entry)]) {
      for (const r of compile(entry, diskHost).rubrics) {
        validate(JSON.parse(serializeIR(r)));
        expect([entry, validate.errors ?? []]).toEqual([entry, []]);
      }
    }
  });
});
