// Robustness over the protocol: garbage parameters are answered with errors and the server keeps
// answering; random edits (including broken syntax) never crash it, every diagnostic range stays
// inside the document, and the diagnostics always equal a fresh `rubric check` of the current text.
import fc from 'fast-check';
import type { Hover, TextEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedFor, lspRange, positionAt, rangeInside, readText, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('robustness', () => {
  it('answers garbage parameters with an error, and the next request normally (spawned, as editors run it)', async () => {
    session = await Session.start({ spawn: true });
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const garbage: [string, unknown][] = [
      ['textDocument/hover', { foo: 1 }],
      ['textDocument/hover', { textDocument: { uri }, position: 'here' }],
      ['textDocument/completion', { textDocument: { uri: 42 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: {} }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: 1 } }],
      ['textDocument/rename', { textDocument: { uri }, newName: 'x' }],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['textDocument/semanticTokens/range', { textDocument: { uri }, range: [] }],
      ['textDocument/definition', null],
    ];
    for (const [method, params] of garbage) {
      await expect(session.request(method, params)).rejects.toMatchObject({ code: expect.any(Number) });
      const h = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      expect(h === null || typeof h === 'object').toBe(true);
    }
    // Garbage notifications are logged and ignored.
    await session.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 7 } });
    await session.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.rubric', version: 3 }, contentChanges: [{ text: 'x' }] });
    await session.conn.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: 'nonsense' });
    // Positions past the end are clamped, and documents that are not open have no hover.
    expect(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 1e6, character: 1e6 } })).toBeDefined();
    expect(await session.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.rubric' }, position: { line: 0, character: 0 } })).toBeNull();
    // Still answering.
    await expect(session.request('textDocument/documentSymbol', { textDocument: { uri } })).resolves.toBeDefined();
    const published = await session.diagnostics(uri);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['RUB201', 'RUB201']);
  });

  it('survives random edits; diagnostics always equal a fresh check and lie inside the document', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const pieces = ['', ' ', '\n', '\r\n', '"', '“', '{', '}', '｛', '指标 "新" 3', '档 "好" 2', '5', '1.5', '-', '~', '//', '/*', '*/', '；', '使用 住所', '使用 无此章节', '总分 1000', '\u0000'];
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), piece: fc.constantFrom(...pieces) });
    const plan = fc.sample(fc.array(edit, { minLength: 40, maxLength: 40 }), { seed: 20261122, numRuns: 1 })[0]!;
    for (const e of plan) {
      const text = session.texts.get(uri)!;
      const from = e.at % (text.length + 1);
      const to = Math.min(text.length, from + e.len);
      const change: TextEdit = { range: { start: positionAt(text, from), end: positionAt(text, to) }, newText: e.piece };
      await session.edit(uri, [change]);
      const now = session.texts.get(uri)!;
      const got = await session.diagnostics(uri);
      for (const d of got.diagnostics) expect(rangeInside(now, d.range)).toBe(true);
      const expected = expectedFor(path, [path], { [path]: now });
      expect(got.diagnostics.map((d) => [d.code, d.range])).toEqual(expected.map((d) => [d.code, lspRange(d.range)]));
    }
    // Still answering.
    await expect(session.request('textDocument/documentSymbol', { textDocument: { uri } })).resolves.toBeDefined();
    expect(readText(path)).not.toBe(session.texts.get(uri));
  });
});
