// The examples of docs/language.md are real: each complete example parses without any syntax or
// placement error. (Snippets elided with … and the grammar block are skipped.)
import { compileText } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { read } from './harness.js';

const blocks = [...read('docs/language.md').matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => !b.includes('…') && !b.includes(':='));

describe('docs/language.md examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });
  blocks.forEach((b, i) => {
    it(`example ${i + 1} has no syntax or placement error`, () => {
      const text = /^\s*(\/\/[^\n]*\n\s*)*(评估表|章节|导入)/.test(b) ? b : `评估表 "示例" {\n${b}\n}\n`;
      const codes = compileText('main.rubric', text).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
      expect(codes.filter((c) => /^RUB0/.test(c) || ['RUB012', 'RUB013', 'RUB105'].includes(c))).toEqual([]);
    });
  });
});
