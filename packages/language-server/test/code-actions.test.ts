// Code actions over the protocol: the quick fix of a diagnostic that carries a fix removes it once
// applied; source.fixAll.rubric applies every arithmetic fix of the file at once.
import { renderRef } from '@rubric/core';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits, compileWith, expectedFor, lspRange, readText, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('code actions', () => {
  it('offers a preferred quick fix for each RUB201 of yueyang-cishan, and applying it removes that diagnostic', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const published = await session.diagnostics(uri);
    const expected = expectedFor(path, [path]);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['RUB201', 'RUB201']);

    const target = expected[0]!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: lspRange(target.range),
      context: { diagnostics: [published.diagnostics[0]] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix');
    expect(fix).toBeDefined();
    expect(fix!.isPreferred).toBe(true);
    expect(fix!.title).toBe(renderRef(target.fix!.message, 'zh-CN'));
    expect(fix!.diagnostics?.map((d) => [d.code, d.range])).toEqual([[target.code, lspRange(target.range)]]);
    const edits = fix!.edit!.changes![uri]!;
    expect(edits.map((e) => e.newText)).toEqual(target.fix!.edits.map((e) => e.newText));

    await session.edit(uri, edits);
    const after = await session.diagnostics(uri);
    const fixed = applyEdits(readText(path), edits);
    expect(after.diagnostics.map((d) => [d.code, d.range])).toEqual(expectedFor(path, [path], { [path]: fixed }).map((d) => [d.code, lspRange(d.range)]));
    expect(after.diagnostics.map((d) => d.code)).toEqual(['RUB201']);
  });

  it('fixes every arithmetic error of the file with source.fixAll.rubric', async () => {
    session = await Session.start();
    for (const name of ['yueyang-cishan', 'pingdingshan-2016']) {
      const path = seed(name);
      const uri = await session.open(path);
      await session.diagnostics(uri);
      const arithmetic = compileWith(path).diagnostics.filter((d) => d.file === path && d.fix && d.code.startsWith('RUB2'));
      expect(arithmetic.length).toBeGreaterThan(0);
      const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.rubric']);
      expect(actions[0]!.title).toBe(renderRef({ id: 'fix.fixAll', args: {} }, 'zh-CN'));
      const edits: TextEdit[] = actions[0]!.edit!.changes![uri]!;
      await session.edit(uri, edits);
      const after = await session.diagnostics(uri);
      const fixedText = applyEdits(readText(path), edits);
      const remaining = compileWith(path, { [path]: fixedText }).diagnostics.filter((d) => d.file === path);
      expect(after.diagnostics.map((d) => [d.code, d.range])).toEqual(remaining.map((d) => [d.code, lspRange(d.range)]));
      // Every diagnostic that was fixed is gone, and no arithmetic fix is left to apply.
      expect(remaining.filter((d) => d.fix && d.code.startsWith('RUB2'))).toEqual([]);
    }
  });

  it('offers only what the client asks for', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const published = await session.diagnostics(uri);
    const only = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: published.diagnostics[0]!.range,
      context: { diagnostics: [], only: ['quickfix'] },
    });
    expect(only.map((a) => a.kind)).toEqual(['quickfix']);
  });
});
