// Golden IR of the seed rubrics: `rubric compile` output is byte-identical to the reviewed files in
// test/golden (regenerate with `pnpm golden`), deterministic, and valid against the shipped schema.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { serializeIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { ROOT, compileRepoFile, read } from './harness.js';

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
      const json = serializeIR(ir!);
      expect(json).toBe(read(`test/golden/${g}`));
      expect(serializeIR(compileRepoFile(rubric).rubric!)).toBe(json);
    });
    it(`${g} is valid against the IR schema`, () => {
      const ok = validate(JSON.parse(read(`test/golden/${g}`)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }
  it('the schema rejects an IR with an unknown key', () => {
    const ir = JSON.parse(read(`test/golden/${goldens[0]}`));
    ir.unexpected = true;
    expect(validate(ir)).toBe(false);
  });
});
