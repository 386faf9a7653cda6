// Rubric tests in the editor: an open `.tests.jsonc` file gets its failures as diagnostics (RUB420) at
// the expected value; `rubric.server.runTests` runs a rubric's tests and answers with the counts.
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, Session, uriOf } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const TESTS = `${ROOT}/rubrics/tongzhou-shanghui.tests.jsonc`;
const text = (expected: string) => `{
  "cases": [
    {
      "name": "工作目标 90、民主评议 85",
      // 工作目标 × 80% + 民主评议 × 20% = 72 + 17 = 89
      "scores": { "工作目标定量考评": 90, "民主评议定性评价": 85 },
      "expect": { "base": ${expected} }
    }
  ]
}
`;

describe('rubric tests in the editor', () => {
  it('publishes a failing case on the test file, at the expected value, and nothing once it passes', async () => {
    session = await Session.start();
    const uri = await session.open(TESTS, text('90'));
    const failing = await session.diagnostics(uri);
    expect(failing.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['RUB420', 6]]);
    const v = await session.replace(uri, text('89'));
    const passing = await session.waitFor((p) => p.uri === uri && p.version === v);
    expect(passing.diagnostics).toEqual([]);
  });

  it('runs a rubric’s tests on request and answers with the counts', async () => {
    session = await Session.start();
    await session.open(TESTS, text('89'));
    const r = await session.request<{ passed: number; failed: number }>('workspace/executeCommand', { command: 'rubric.server.runTests', arguments: [uriOf(`${ROOT}/rubrics/tongzhou-shanghui.rubric`)] });
    expect(r).toMatchObject({ passed: 1, failed: 0 });
  });
});
