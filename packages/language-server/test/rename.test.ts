// Rename over the protocol: a measure with all its uses, a shared section across files, a part
// named by a veto; invalid names are refused.
import { loadSource } from '@rubric/core';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits, compileWith, positionAt, readText, seed, Session, uriOf } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('rename', () => {
  it('renames the measure 参与率 and every band that reads it; the file still checks the same', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const text = readText(path);
    const position = positionAt(text, text.indexOf('档 参与率') + 3);
    const prep = await session.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
    expect(prep.placeholder).toBe('参与率');
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: '会员参与率' });
    expect(Object.keys(edit.changes!)).toEqual([uri]);
    const edits = edit.changes![uri]!;
    expect(edits).toHaveLength(6);
    const renamed = applyEdits(text, edits);
    const names = loadSource(path, renamed).parse.tokens.filter((t) => t.tokenType.name === 'Identifier').map((t) => t.image);
    expect(names.filter((n) => n === '会员参与率')).toHaveLength(6);
    expect(names).not.toContain('参与率');
    const codes = (t: string) => compileWith(path, { [path]: t }).diagnostics.map((d) => `${d.code}:${d.range.start.line}`);
    expect(codes(renamed)).toEqual(codes(text));
    await session.edit(uri, edits);
    const after = await session.diagnostics(uri);
    expect(after.diagnostics.map((d) => `${d.code}:${d.range.start.line + 1}`)).toEqual(codes(text));
  });

  it('renames a shared section in yueyang-common and in every file that uses it', async () => {
    session = await Session.start();
    const cishan = seed('yueyang-cishan');
    const uri = await session.open(cishan);
    const text = readText(cishan);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionAt(text, text.indexOf('使用 住所') + 3), newName: '办公住所' });
    const files = Object.keys(edit.changes!);
    expect(files).toContain(uri);
    expect(files).toContain(uriOf(seed('yueyang-common')));
    // Every yueyang rubric still compiles to the same diagnostics with all its renamed files.
    const overrides: Record<string, string> = {};
    for (const [u, edits] of Object.entries(edit.changes!)) {
      const p = decodeURIComponent(new URL(u).pathname);
      overrides[p] = applyEdits(readText(p), edits);
    }
    for (const p of Object.keys(overrides)) {
      const before = compileWith(p).diagnostics.map((d) => d.code);
      expect(compileWith(p, overrides).diagnostics.map((d) => d.code)).toEqual(before);
    }
  });

  it('renames the part 工作目标 and the veto that names it', async () => {
    session = await Session.start();
    const path = seed('tongzhou-shanghui');
    const uri = await session.open(path);
    const text = readText(path);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionAt(text, text.indexOf('部分 工作目标') + 4), newName: '定量考评' });
    const renamed = applyEdits(text, edit.changes![uri]!);
    expect(edit.changes![uri]).toHaveLength(2);
    const r = compileWith(path, { [path]: renamed }).rubric!;
    expect(r.vetoes.find((v) => v.when)!.when!.target).toBe(r.parts.find((p) => p.name === '定量考评')!.id);
  });

  it('renames to a name with an ideograph outside the basic plane (𠮷), and from it', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const text = readText(path);
    const position = positionAt(text, text.indexOf('档 参与率') + 3);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: '𠮷参与率' });
    const renamed = applyEdits(text, edit.changes![uri]!);
    const codes = (t: string) => compileWith(path, { [path]: t }).diagnostics.map((d) => `${d.code}:${d.range.start.line}`);
    expect(codes(renamed)).toEqual(codes(text));
    await session.replace(uri, renamed);
    const back = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionAt(renamed, renamed.indexOf('档 𠮷参与率') + 3), newName: '参与率' });
    expect(applyEdits(renamed, back.changes![uri]!)).toBe(text);
  });

  it('refuses a name that is not valid there', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const text = readText(path);
    const position = positionAt(text, text.indexOf('档 参与率') + 3);
    for (const bad of ['1参与率', '参与 率', '指标', '']) {
      await expect(session.request('textDocument/rename', { textDocument: { uri }, position, newName: bad })).rejects.toMatchObject({ code: -32602 });
    }
  });
});
