// Completion over the protocol: measures after 档, sections after 使用, parts and indicators after
// 当, keywords (both spellings, documented) elsewhere, and nothing inside comments.
import { KEYWORDS, loadSource } from '@rubric/core';
import type { CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { positionAt, readText, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

/** Opens a seed, inserts `typed` on a new line after the line containing `after`, and completes at its end. */
async function completeAfter(name: string, after: string, typed: string): Promise<string[]> {
  session = await Session.start();
  const path = seed(name);
  const uri = await session.open(path);
  const text = readText(path);
  const eol = text.indexOf('\n', text.indexOf(after));
  const insert = `\n${typed}`;
  const at = positionAt(text, eol);
  const edit: TextEdit = { range: { start: at, end: at }, newText: insert };
  await session.edit(uri, [edit]);
  const list = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: at.line + 1, character: typed.length } });
  return list.items.map((i) => i.label);
}

describe('completion', () => {
  it('offers the measures visible in the indicator after 档, and not those of other indicators', async () => {
    const labels = await completeAfter('pingdingshan-2016', '档 参与率 30% 以下 0', '          档 ');
    expect(labels).toEqual(['参与率']);
  });

  it('offers the sections of the imported file after 使用', async () => {
    const labels = await completeAfter('yueyang-cishan', '使用 住所', '      使用 ');
    const common = loadSource('c', readText(seed('yueyang-common'))).parse.ast.decls.flatMap((d) => (d.type === 'section' && d.name ? [d.name.value] : []));
    expect(labels.sort()).toEqual([...common].sort());
  });

  it('offers the parts a veto can name after 当', async () => {
    const labels = await completeAfter('tongzhou-shanghui', '一票否决 当 工作目标', '  一票否决 当 ');
    expect(labels).toEqual(['工作目标', '民主评议']);
  });

  it('offers every keyword in both spellings, with its documentation, at the start of a statement', async () => {
    session = await Session.start();
    const path = seed('tongzhou-shanghui');
    const text = readText(path);
    const uri = await session.open(path);
    const at = positionAt(text, text.indexOf('  总分 100'));
    const list = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: at.line, character: 2 } });
    const spellings = KEYWORDS.flatMap((k) => [...k.zh, ...k.en]);
    expect(list.items.map((i) => i.label).sort()).toEqual([...spellings].sort());
    const indicator = list.items.find((i) => i.label === '指标')!;
    expect(indicator.documentation).toMatchObject({ value: KEYWORDS.find((k) => k.name === 'Indicator')!.doc });
    expect(list.items.find((i) => i.label === 'indicator')).toBeDefined();
  });

  it('offers nothing inside a comment', async () => {
    session = await Session.start();
    const path = seed('tongzhou-shanghui');
    const uri = await session.open(path);
    const list = await session.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 6 } });
    expect(list.items).toEqual([]);
  });
});
