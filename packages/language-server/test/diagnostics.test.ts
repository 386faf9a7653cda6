// Diagnostics over the protocol: the same diagnostics as `rubric check` (computed here with core's
// compile), with codes, ranges, related locations and messages in the configured locale; importers
// re-checked when an imported document changes; every range inside its document.
import { renderDiagnostic, renderRef, type Diagnostic } from '@rubric/core';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedFor, lspRange, rangeInside, readText, ROOT, seed, SEEDS, Session, uriOf } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

function expectSame(actual: LspDiagnostic[], expected: Diagnostic[], locale: 'zh-CN' | 'en'): void {
  expect(actual.map((d) => [d.code, d.range])).toEqual(expected.map((d) => [d.code, lspRange(d.range)]));
  actual.forEach((d, i) => {
    const e = expected[i]!;
    expect(d.source).toBe('rubric');
    expect(d.severity).toBe({ error: 1, warning: 2, info: 3 }[e.severity]);
    expect(d.message).toBe(renderDiagnostic(e, locale));
    expect(d.relatedInformation?.length ?? 0).toBe(e.related?.length ?? 0);
    d.relatedInformation?.forEach((r, j) => {
      const er = e.related![j]!;
      expect(r.location.uri).toBe(uriOf(er.file));
      expect(r.location.range).toEqual(lspRange(er.range));
      expect(r.message).toBe(renderRef(er.message, locale));
    });
  });
}

const shape = (ds: { code?: unknown; range: unknown }[]) => JSON.stringify(ds.map((d) => [d.code, d.range]));

describe('diagnostics', () => {
  it('reports exactly the two RUB201 subtotal errors of yueyang-cishan, as rubric check does', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const got = await session.diagnostics(uri);
    const expected = expectedFor(path, [path]);
    expect(expected.map((d) => d.code)).toEqual(['RUB201', 'RUB201']);
    expectSame(got.diagnostics, expected, 'zh-CN');
  });

  it('reports a veto that names a bonus item (RUB113), as rubric check does, and offers no definition for it', async () => {
    session = await Session.start();
    const path = `${ROOT}/test/fixtures/veto-bonus.rubric`;
    const text = '评估表 "甲" {\n  总分 10\n  指标 乙 10\n  加分 特别加分 5\n  一票否决 当 特别加分 < 1\n}\n';
    const uri = await session.open(path, text);
    const got = await session.diagnostics(uri);
    const expected = expectedFor(path, [path], { [path]: text });
    expect(expected.map((d) => d.code)).toEqual(['RUB113']);
    expectSame(got.diagnostics, expected, 'zh-CN');
    const def = await session.request<unknown[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 10 } });
    expect(def === null || (Array.isArray(def) && def.length === 0)).toBe(true);
  });

  it('matches rubric check on every seed rubric, all open together', async () => {
    session = await Session.start();
    const uris = [];
    for (const p of SEEDS) uris.push(await session.open(p));
    for (const [i, p] of SEEDS.entries()) {
      // A shared file's diagnostics grow as its importers are opened: wait for the final state.
      const expected = expectedFor(p, SEEDS);
      const got = await session.waitFor((x) => x.uri === uris[i] && shape(x.diagnostics) === shape(expected.map((d) => ({ code: d.code, range: lspRange(d.range) }))));
      expectSame(got.diagnostics, expected, 'zh-CN');
      for (const d of got.diagnostics) expect(rangeInside(readText(p), d.range)).toBe(true);
    }
  });

  it('renders messages in the client locale, overridden by initializationOptions and by the rubric.locale setting', async () => {
    const path = seed('pingdingshan-2016');
    const expected = expectedFor(path, [path]);
    expect(expected.length).toBeGreaterThan(0);

    session = await Session.start({ locale: 'en-US' });
    expectSame((await session.diagnostics(await session.open(path))).diagnostics, expected, 'en');
    await session.stop();

    session = await Session.start({ locale: 'en-US', initializationOptions: { locale: 'zh-CN' } });
    expectSame((await session.diagnostics(await session.open(path))).diagnostics, expected, 'zh-CN');
    await session.stop();

    session = await Session.start({ locale: 'zh-cn', initializationOptions: { locale: 'zh-CN' }, configuration: (s) => (s === 'rubric' ? { locale: 'en' } : null) });
    expectSame((await session.diagnostics(await session.open(path))).diagnostics, expected, 'en');
  });

  it('re-checks an open document when a document it imports changes', async () => {
    session = await Session.start();
    const cishan = seed('yueyang-cishan');
    const common = seed('yueyang-common');
    const cishanUri = await session.open(cishan);
    const commonUri = await session.open(common);
    const before = await session.diagnostics(cishanUri);
    expectSame(before.diagnostics, expectedFor(cishan, [cishan, common]), 'zh-CN');

    // Give the shared section 发展规划 (used under 组织机构) one more point, in the open common file.
    const text = readText(common);
    const at = text.indexOf('章节 发展规划');
    const head = text.indexOf('指标 "发展规划" ', at);
    const changed = text.slice(0, head) + text.slice(head).replace(/^(指标 "发展规划" )(\d+)/, (_, k: string, n: string) => `${k}${Number(n) + 1}`);
    expect(changed).not.toBe(text);
    const expected = expectedFor(cishan, [cishan, common], { [common]: changed });
    await session.replace(commonUri, changed);
    // Publications from before the edit may still arrive: wait for the one that reflects it.
    const after = await session.waitFor((p) => p.uri === cishanUri && shape(p.diagnostics) === shape(expected.map((d) => ({ code: d.code, range: lspRange(d.range) }))), 'republished cishan');
    expectSame(after.diagnostics, expected, 'zh-CN');
    // The edit matters: 组织机构 now adds up, so its RUB201 is gone.
    expect(expected.length).toBe(before.diagnostics.length - 1);
  });
});
