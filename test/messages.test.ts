// Messages in English say nothing in Chinese except what the user wrote (titles, names, the text
// found) and Chinese keywords quoted as keywords. Checked on every fixture (syntax errors included)
// and every catalog example, with arguments as the checker produced them.
import { CATALOG, compileText, KEYWORDS, renderDiagnostic, renderRef, type ArgValue, type Diagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, fixturePrograms } from './harness.js';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const KEYWORD_SPELLINGS = [...KEYWORDS.flatMap((k) => k.zh), '分'].sort((a, b) => b.length - a.length);

/** User text among a diagnostic's arguments: plain strings (labels and keywords start with `@`). */
function userText(v: ArgValue): string[] {
  if (typeof v === 'number') return [];
  if (typeof v === 'string') return v.startsWith('@') ? [] : [v];
  if (Array.isArray(v)) return (v as readonly ArgValue[]).flatMap(userText);
  return Object.values((v as { args: Record<string, ArgValue> }).args).flatMap(userText);
}

/** What is left of an English message once user text and keyword spellings are taken out. */
function ownWords(message: string, d: { args: Record<string, ArgValue> }): string {
  let rest = message;
  for (const t of Object.values(d.args).flatMap(userText).sort((a, b) => b.length - a.length)) if (t !== '') rest = rest.split(t).join(' ');
  for (const k of KEYWORD_SPELLINGS) rest = rest.split(k).join(' ');
  return rest;
}

function expectEnglish(ds: Diagnostic[], where: string): void {
  for (const d of ds) {
    const en = renderDiagnostic(d, 'en');
    expect(ownWords(en, d), `${where}:${d.range.start.line} ${d.code}: ${en}`).not.toMatch(CJK);
    for (const r of d.related ?? []) expect(ownWords(renderRef(r.message, 'en'), r.message), `${where} related`).not.toMatch(CJK);
    if (d.fix) expect(ownWords(renderRef(d.fix.message, 'en'), d.fix.message), `${where} fix`).not.toMatch(CJK);
  }
}

describe('English messages', () => {
  for (const { entry } of fixturePrograms()) {
    it(`${entry} in English has no Chinese of its own`, () => {
      const ds = compileRepoFile(entry).diagnostics;
      expect(ds.length).toBeGreaterThan(0);
      expectEnglish(ds, entry);
    });
  }
  it('every catalog example in English has no Chinese of its own', () => {
    for (const [code, e] of Object.entries(CATALOG)) if (e.bad !== '') expectEnglish(compileText('main.rubric', e.bad).diagnostics, code);
  });
  it('a syntax error names what was expected as token kinds, not as an example value', () => {
    const r = compileText('main.rubric', '评估表 "甲" {\n  指标 "乙" 10 { 档 "好" }\n}\n');
    const e = r.diagnostics.find((d) => d.code === 'RUB002')!;
    expect(e.args['expected']).toEqual(expect.arrayContaining(['@token.number']));
    expect(renderDiagnostic(e, 'en')).not.toMatch(/\b10\b/);
  });
  it('where a block could close, a syntax error says a statement or } may stand there', () => {
    const r = compileText('main.rubric', '评估表 "甲" {\n  指标 "乙" 分\n}\n');
    const e = r.diagnostics.find((d) => d.code === 'RUB002')!;
    expect(e.args['expected']).toEqual(['@word.statement', '}']);
  });
});
