// The assessment and result formats are what their shipped JSON Schemas say: every seed's template (a
// blank assessment) and the result of scoring the assessment that earns every point are valid, and an
// unknown key is rejected.
import Ajv2020 from 'ajv/dist/2020.js';
import { fullAssessment, InputIndex, parseJson, score, scoreResultToJson, templateJson, type JsonNode, type RubricIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, read, seedRubrics } from './harness.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: true });
const assessment = ajv.compile(JSON.parse(read('packages/core/schema/assessment.schema.json')));
const result = ajv.compile(JSON.parse(read('packages/core/schema/score-result.schema.json')));

/** Plain data from the comment-tolerant reader (numbers as JS numbers: only for schema checks). */
function plain(n: JsonNode): unknown {
  switch (n.kind) {
    case 'object':
      return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
    case 'array':
      return n.items.map(plain);
    case 'number':
      return Number(n.text);
    case 'null':
      return null;
    default:
      return n.value;
  }
}

const seeds = seedRubrics().map((f) => compileRepoFile(f).rubric).filter((r): r is RubricIR => !!r && r.title !== '');

describe('assessment and result schemas', () => {
  for (const r of seeds) {
    it(`${r.title}: the template is a valid assessment, and the full result a valid result`, () => {
      const t = parseJson(templateJson(r, 'zh-CN'));
      expect(t.error).toBeUndefined();
      expect(assessment(plain(t.value!)), JSON.stringify(assessment.errors)).toBe(true);
      const idx = new InputIndex(r);
      const json = scoreResultToJson(score(r, fullAssessment(r, idx), idx), 'zh-CN');
      expect(result(json), JSON.stringify(result.errors?.slice(0, 3))).toBe(true);
    });
  }
  it('rejects an unknown key', () => {
    expect(assessment({ schemaVersion: 1, label: {} })).toBe(false);
  });
});
