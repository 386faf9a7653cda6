// The diagnostic catalog: codes well formed, both languages with the same placeholders, every
// explanation present, and every code's bad example producing it while its good example is clean
// (or, for the few codes no small rubric can show, a named test producing it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG, LABELS, compileText, renderDiagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { ROOT, read } from './harness.js';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('catalog', () => {
  it('uses stable, well-formed codes in their ranges', () => {
    for (const code of Object.keys(CATALOG)) expect(code).toMatch(/^RUB[012349]\d\d$/);
  });
  for (const [code, e] of Object.entries(CATALOG)) {
    it(`${code} has both messages with the same placeholders and an explanation`, () => {
      expect(e.en.length).toBeGreaterThan(0);
      expect(e.zh.length).toBeGreaterThan(0);
      expect(placeholders(e.zh)).toEqual(placeholders(e.en));
      expect(e.explain.en.length).toBeGreaterThan(0);
      expect(e.explain.zh.length).toBeGreaterThan(0);
    });
    it(`${code} is shown by its bad example, or by the test it names`, () => {
      const tested = (e as { tested?: string }).tested;
      if (e.bad !== '') expect(tested).toBeUndefined();
      else {
        expect(tested, 'a code without a bad example names its test').toBeDefined();
        expect(existsSync(join(ROOT, tested!))).toBe(true);
        expect(read(tested!)).toContain(code);
      }
      expect(e.good.length).toBeGreaterThan(0);
    });
    if (e.bad !== '') {
      it(`${code}: the bad example produces it, the good example is clean`, () => {
        const bad = compileText('main.rubric', e.bad);
        expect(bad.diagnostics.map((d) => d.code)).toContain(code);
        const good = compileText('main.rubric', e.good);
        expect(good.diagnostics.map((d) => `${d.code}@${d.range.start.line}`)).toEqual([]);
        // Every rendered message has all its placeholders filled, in both languages.
        for (const d of bad.diagnostics) {
          expect(renderDiagnostic(d, 'en')).not.toMatch(/\{\w+\}/);
          expect(renderDiagnostic(d, 'zh-CN')).not.toMatch(/\{\w+\}/);
        }
      });
    }
  }
  it('labels have the same placeholders in both languages', () => {
    for (const l of Object.values(LABELS)) expect(placeholders(l.zh)).toEqual(placeholders(l.en));
  });
});
