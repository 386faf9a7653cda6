// Documented limits of one rubric (docs/language.md): sections that use each other several times
// multiply, and a program that would expand past the limit is reported once (RUB114) at the `使用`
// that crosses it, instead of exhausting memory or the stack.
import { compileText, LIMITS } from '@rubric/core';
import { describe, expect, it } from 'vitest';

/** Sections S0…S{n-1}, each using the next one twice (inside two indicators); 2^n copies of the last. */
function doubling(n: number, inline = false): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(inline ? `章节 S${i} { 使用 S${i + 1} 使用 S${i + 1} }` : `章节 S${i} { 指标 "a" { 使用 S${i + 1} } 指标 "b" { 使用 S${i + 1} } }`);
  }
  out.push(`章节 S${n} { 指标 "end" 1 }`);
  out.push('评估表 "展开" { 使用 S0 }');
  return out.join('\n');
}

describe('expansion limits', () => {
  it('2^22 copies of a section are refused with one RUB114, quickly', () => {
    const started = Date.now();
    const r = compileText('main.rubric', doubling(22));
    const limit = r.diagnostics.filter((d) => d.code === 'RUB114');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.args).toMatchObject({ limit: LIMITS.indicators, what: '@word.indicators' });
    // The error is on a `使用` written in the file.
    expect(limit[0]!.range.start.line).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('sections spliced twice at one level, 40 deep, neither overflow the stack nor run out of memory', () => {
    const r = compileText('main.rubric', doubling(40, true));
    expect(r.diagnostics.map((d) => d.code)).toContain('RUB114');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('RUB901');
  });

  it('a program under the limit expands fully: 2^10 copies are 1024 indicators', () => {
    const r = compileText('main.rubric', doubling(10, true));
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.rubric!.indicators).toHaveLength(1024);
  });
});
