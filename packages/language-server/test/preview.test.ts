// The table preview over the protocol (`rubric/table`): the html of the open document's table from
// the server's current compile, with the wrong subtotals marked; it follows edits, speaks the
// configured language, and answers null for a document that is not open.
import { describe, expect, it, afterEach } from 'vitest';
import { allIndicators, buildTable, childrenSum } from '@rubric/core';
import { compileWith, readText, seed, Session, uriOf } from './client.js';

interface TableResult {
  uri: string;
  version: number;
  html: string;
  body: string;
  rows: number;
  errors: number;
  mismatches: { title: string; declared: string; computed: string; code: string; line: number }[];
}

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('rubric/table', () => {
  it('answers the table of yueyang-cishan with 组织机构 and 财务资产 marked, and follows an edit', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const t = await session.request<TableResult>('rubric/table', { textDocument: { uri } });
    const r = compileWith(path);
    expect(t.rows).toBe(allIndicators(r.rubric!).filter((x) => x.children.length === 0).length);
    expect(t.mismatches.map((m) => [m.title, m.declared, m.computed, m.code, m.line])).toEqual([
      ['组织机构', '85', '84', 'RUB201', 53],
      ['财务资产', '225', '221', 'RUB201', 88],
    ]);
    // The page: the table the exporter prints (same body), under a policy that allows nothing remote.
    expect(t.body).toContain('⚠ Σ 84 ≠ 85');
    expect(t.html).toContain(t.body);
    expect(t.html).toMatch(/Content-Security-Policy" content="default-src 'none';/);
    expect(t.html).not.toMatch(/https?:\/\//);
    expect((t.body.match(/class="[^"]*mismatch/g) ?? []).length).toBe(2);

    // Fix 组织机构 as the quick fix would (85 → 84): the next answer has one mismatch left.
    const org = allIndicators(r.rubric!).find((x) => x.title === '组织机构')!;
    const at = org.pointsRange!;
    await session.edit(uri, [{ range: { start: { line: at.start.line - 1, character: at.start.column - 1 }, end: { line: at.end.line - 1, character: at.end.column - 1 } }, newText: childrenSum(org)!.toString() }]);
    const after = await session.request<TableResult>('rubric/table', { textDocument: { uri } });
    expect(after.version).toBe(2);
    expect(after.mismatches.map((m) => m.title)).toEqual(['财务资产']);
    expect(after.body).not.toContain('⚠ Σ 84 ≠ 85');
  });

  it('follows typing keystroke by keystroke, with other requests read in between', async () => {
    // As an editor types: delete 85 a character at a time, type 8 and 4, asking for inlay hints (which
    // compile the document) between keystrokes; the table then has only 财务资产 marked.
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const org = allIndicators(compileWith(path).rubric!).find((x) => x.title === '组织机构')!;
    const line = org.pointsRange!.start.line - 1;
    const col = org.pointsRange!.start.column - 1;
    const at = (from: number, to: number, newText: string) => [{ range: { start: { line, character: col + from }, end: { line, character: col + to } }, newText }];
    const hints = () => session!.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } });
    for (const edit of [at(1, 2, ''), at(0, 1, ''), at(0, 0, '8'), at(1, 1, '4')]) {
      await session.edit(uri, edit);
      await hints();
    }
    const after = await session.request<TableResult>('rubric/table', { textDocument: { uri } });
    expect(after.version).toBe(5);
    expect(after.mismatches.map((m) => m.title)).toEqual(['财务资产']);
  });

  it('is the same table core builds for the file, in the configured language', async () => {
    session = await Session.start({ initializationOptions: { locale: 'en' } });
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const t = await session.request<TableResult>('rubric/table', { textDocument: { uri } });
    const r = compileWith(path);
    const table = buildTable(r.rubric!, r.diagnostics, 'en');
    expect(t.errors).toBe(table.errors);
    expect(t.body).toContain('<th class="lvl" colspan="4">Indicators</th>');
    expect(t.body).toContain(table.title);
  });

  it('answers null for a document that is not open, and an error for garbage', async () => {
    session = await Session.start();
    expect(await session.request('rubric/table', { textDocument: { uri: uriOf(seed('luohe-2015')) } })).toBeNull();
    await expect(session.request('rubric/table', { nothing: true })).rejects.toThrow();
    // The server is still there.
    const uri = await session.open(seed('luohe-2015'), readText(seed('luohe-2015')));
    expect(await session.request<TableResult>('rubric/table', { textDocument: { uri } })).toMatchObject({ uri });
  });
});
