// The language server against hostile and accidental files and requests. After each, the server
// must still answer (a hover on an ordinary document); it must never read a file outside the
// workspace folders or a special file (proved with named pipes that have a writer waiting, see
// test/special-files.ts); a document that once threw must not stop the others from being re-checked;
// and a rename covers every file or none.
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { LEAK, project, stillWaiting, Writers } from '../../../test/special-files.js';
import { positionAt, Session, uriOf } from './client.js';

let session: Session | undefined;
const writers = new Writers();
afterEach(async () => {
  await session?.stop();
  session = undefined;
  writers.killAll();
});

const OK = '评估表 "好" {\n  总分 10\n  指标 "甲" 10\n}\n';

/** The server answers a request on an ordinary document within a few seconds. */
async function stillAnswers(s: Session, uri: string): Promise<void> {
  const h = await Promise.race([
    s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 6 } }),
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000)),
  ]);
  expect(h).not.toBe('timeout');
  expect(s.proc!.exitCode).toBeNull();
}

describe('hostile files', () => {
  it('refuses imports out of the workspace and special files, opened or not, and never shows their content', async () => {
    const { dir, outside } = project();
    const outsidePipe = writers.pipe(join(outside, 'pipe.rubric'));
    const insidePipe = writers.pipe(join(dir, 'pipe.rubric'));
    symlinkSync(join(outside, 'pipe.rubric'), join(dir, 'pipe-link.rubric'));
    symlinkSync(join(outside, 'secret.rubric'), join(dir, 'link.rubric'));
    symlinkSync('/dev/zero', join(dir, 'zero.rubric'));
    const imports = ['/etc/passwd', '../outside/secret.rubric', '/dev/zero', 'link.rubric', 'zero.rubric', 'pipe.rubric', 'pipe-link.rubric'];
    const body = `${imports.map((p) => `导入 "${p}"`).join('\n')}\n章节 共用 { 指标 "甲" 10 }\n评估表 "主" {\n  总分 10\n  使用 共用\n}\n`;
    // A workspace file that is never opened, with the same imports: reached by references and rename.
    writeFileSync(join(dir, 'closed.rubric'), body);
    writeFileSync(join(dir, 'ok.rubric'), OK);
    session = await Session.start({ workspaceFolders: [dir], spawn: true });
    const uri = await session.open(join(dir, 'main.rubric'), body);
    const published = await session.diagnostics(uri);
    expect(published.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual([
      '1 RUB115',
      '2 RUB115',
      '3 RUB115',
      '4 RUB115',
      '5 RUB115',
      '6 RUB117',
      '7 RUB115',
    ]);
    expect(JSON.stringify(session.published)).not.toMatch(LEAK);
    const okUri = await session.open(join(dir, 'ok.rubric'));
    await stillAnswers(session, okUri);
    // A document that is not a file imports nothing, not even relative to the server's own folder.
    const untitled = 'untitled:Untitled-1';
    await session.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'rubric', version: 1, text: '导入 "package.json.rubric"\n导入 "rubrics/yueyang-common.rubric"\n' } });
    expect((await session.diagnostics(untitled, 1)).diagnostics.map((d) => d.code)).toEqual(['RUB115', 'RUB115']);
    // References and rename walk the workspace's files, the closed one included.
    const text = body;
    const position = positionAt(text, text.indexOf('使用 共用') + 4);
    const refs = await session.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    expect(refs.map((r) => r.uri).sort()).toEqual([uri, uri]);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: '公共' });
    expect(Object.keys(edit.changes!)).toEqual([uri]);
    const def = await session.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 5 } });
    expect(def).toBeNull();
    await stillAnswers(session, okUri);
    expect(stillWaiting(insidePipe)).toBe(true);
    expect(stillWaiting(outsidePipe)).toBe(true);
    expect(JSON.stringify(session.published)).not.toMatch(LEAK);
  });

  it('keeps re-checking other documents while one is nested 400 deep, holds 125,000 NULs or 2,000 grades', async () => {
    const { dir } = project();
    session = await Session.start({ workspaceFolders: [dir], spawn: true });
    const okUri = await session.open(join(dir, 'ok.rubric'), OK);
    await session.diagnostics(okUri);
    const hostile: [string, string, (codes: string[]) => void][] = [
      ['deep.rubric', `评估表 "深" {\n${'指标 "a" {\n'.repeat(400)}${'}\n'.repeat(400)}}\n`, (c) => expect(c).toContain('RUB017')],
      ['nul.rubric', '\u0000'.repeat(125_000), (c) => expect(c).toEqual(['RUB014'])],
      ['grades.rubric', `评估表 "等级" {\n  总分 100\n  指标 "甲" 100\n${'  等级 "优" 90 以上\n'.repeat(2000)}}\n`, (c) => expect(c).toHaveLength(501)],
      ['names.rubric', `章节 ${'甲'.repeat(20_000)} { 指标 "x" 1 }\n评估表 "x" {\n  使用 ${'甲'.repeat(19_999)}乙\n}\n`, (c) => expect(c).toContain('RUB104')],
      ['huge.rubric', `评估表 "${'x'.repeat(3_000_000)}" {}\n`, (c) => expect(c).toEqual(['RUB010'])],
      ['plane2.rubric', '评估表 "𠮷" {\n  总分 1\n  指标 𠮷野 1\n}\n', (c) => expect(c).toEqual([])],
    ];
    for (const [name, text, expectCodes] of hostile) {
      const uri = await session.open(join(dir, name), text);
      expectCodes((await session.diagnostics(uri)).diagnostics.map((d) => String(d.code)));
      // The ordinary document is still re-checked after an edit.
      const version = await session.replace(okUri, OK.replace('总分 10', '总分 11'));
      expect((await session.diagnostics(okUri, version)).diagnostics.map((d) => d.code)).toEqual(['RUB202']);
      await session.replace(okUri, OK);
      await stillAnswers(session, okUri);
      // Every request on the hostile document is answered; a document that is not read is not formatted.
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/formatting']) {
        await expect(session.request(method, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).resolves.toBeDefined();
      }
      if (name === 'huge.rubric') expect(await session.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toBeNull();
      await session.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('a rename after a file that cannot be indexed still covers every file that uses the section', async () => {
    const { dir } = project();
    // A section that uses itself inside an indicator, in a file of its own, listed first.
    writeFileSync(join(dir, 'a-self.rubric'), '章节 S { 指标 "a" 1 { 使用 S } }\n评估表 "自" { 使用 S }\n');
    writeFileSync(join(dir, 'common.rubric'), '章节 共用 { 指标 "共用甲" 10 }\n');
    const users = ['b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => join(dir, `${n}.rubric`));
    for (const u of users) writeFileSync(u, '导入 "common.rubric"\n评估表 "用" {\n  总分 10\n  使用 共用\n}\n');
    session = await Session.start({ workspaceFolders: [dir], spawn: true });
    const uri = await session.open(users[0]!, '导入 "common.rubric"\n评估表 "用" {\n  总分 10\n  使用 共用\n}\n');
    const position = { line: 3, character: 6 };
    // A first request builds the workspace's index (and meets the self-using section).
    await session.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }).catch(() => undefined);
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: '公共' });
    expect(Object.keys(edit.changes!).sort()).toEqual([join(dir, 'common.rubric'), ...users].map(uriOf).sort());
    for (const edits of Object.values(edit.changes!)) expect(edits).toHaveLength(1);
  });
});

describe('malformed requests', () => {
  it('answers garbage and hostile parameters with an error or nothing, and the next request normally', async () => {
    const { dir } = project();
    session = await Session.start({ workspaceFolders: [dir], spawn: true });
    const uri = await session.open(join(dir, 'ok.rubric'), OK);
    await session.diagnostics(uri);
    const garbage: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: Number.MAX_SAFE_INTEGER } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1e300, character: -1e300 } }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 6 }, newName: 'x'.repeat(1_000_000) }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 6 }, newName: { toString: 1 } }],
      ['textDocument/references', { textDocument: { uri: 'file:///etc/passwd' }, position: { line: 0, character: 0 }, context: {} }],
      ['textDocument/definition', { textDocument: { uri: 'file:///dev/zero' }, position: { line: 0, character: 0 } }],
      ['textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 0, character: 0 } } }],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1e9, character: 0 } } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: 'all' } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 }, context: { triggerKind: 99 } }],
      ['workspace/symbol', { query: '\u0000'.repeat(100_000) }],
      ['no/such/method', {}],
    ];
    for (const [method, params] of garbage) {
      await session.request(method, params).catch(() => undefined);
      await stillAnswers(session, uri);
    }
    // Hostile notifications: an open of a FIFO's and a device's URI with text, edits far out of range.
    const w = writers.pipe(join(dir, 'pipe.rubric'));
    await session.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(join(dir, 'pipe.rubric')), languageId: 'rubric', version: 1, text: OK } });
    await session.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///dev/zero', languageId: 'rubric', version: 1, text: '导入 "/dev/random"\n' } });
    await session.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 99 },
      contentChanges: [{ range: { start: { line: 1e9, character: 1e9 }, end: { line: -1, character: -1 } }, text: '\u0000'.repeat(10_000) }],
    });
    await session.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///etc/passwd', type: 2 }, { uri: 7 }] });
    await stillAnswers(session, uri);
    expect(stillWaiting(w)).toBe(true);
    expect(JSON.stringify(session.published)).not.toMatch(LEAK);
  });
});
