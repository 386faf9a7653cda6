// The diagnostic catalog: codes well formed, both languages with the same placeholders, every
// explanation present, and every code's bad example producing it while its good example is clean.
import { CATALOG, LABELS, compileText, renderDiagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalog', () => {
  it('uses stable, well-formed codes in their ranges', () => {
    for (const code of Object.keys(CATALOG)) expect(code).toMatch(/^RUB[01239]\d\d$/);
  });
  for (const [code, e] of Object.entries(CATALOG)) {
    it(`${code} has both messages with the same placeholders and an explanation`, () => {
      expect(e.en.length).toBeGreaterThan(0);
      expect(e.zh.length).toBeGreaterThan(0);
      expect(placeholders(e.zh)).toEqual(placeholders(e.en));
      expect(e.explain.en.length).toBeGreaterThan(0);
      expect(e.explain.zh.length).toBeGreaterThan(0);
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
