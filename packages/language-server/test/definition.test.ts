// Go to definition over the protocol: sections across imported files, measures, veto references
// and import paths.
import type { Location } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWith, lspRange, positionAt, readText, seed, Session, uriOf } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

async function definitionAt(name: string, needle: string, delta: number): Promise<Location[] | null> {
  session = await Session.start();
  const path = seed(name);
  const uri = await session.open(path);
  const text = readText(path);
  return session.request<Location[] | null>('textDocument/definition', { textDocument: { uri }, position: positionAt(text, text.indexOf(needle) + delta) });
}

describe('definition', () => {
  it('goes from 使用 法定代表人 in yueyang-cishan to the section in yueyang-common', async () => {
    const locs = await definitionAt('yueyang-cishan', '使用 法定代表人', 4);
    const common = seed('yueyang-common');
    const decl = compileWith(common).files[0]!.parse.ast.decls.find((d) => d.type === 'section' && d.name?.value === '法定代表人')!;
    expect(locs).toEqual([{ uri: uriOf(common), range: lspRange(decl.type === 'section' ? decl.name!.range : decl.range) }]);
  });

  it('goes from a band to the measure it reads', async () => {
    const locs = await definitionAt('pingdingshan-2016', '档 参与率 50%~60%', 3);
    const m = compileWith(seed('pingdingshan-2016')).rubric!.measures.find((x) => x.name === '参与率')!;
    expect(locs).toEqual([{ uri: uriOf(seed('pingdingshan-2016')), range: lspRange(m.range) }]);
  });

  it('goes from 一票否决 当 工作目标 to the part', async () => {
    const locs = await definitionAt('tongzhou-shanghui', '当 工作目标', 3);
    const text = readText(seed('tongzhou-shanghui'));
    const at = text.indexOf('部分 工作目标') + 3;
    expect(locs).toEqual([{ uri: uriOf(seed('tongzhou-shanghui')), range: { start: positionAt(text, at), end: positionAt(text, at + 4) } }]);
  });

  it('goes from an import path to the imported file', async () => {
    const locs = await definitionAt('yueyang-cishan', '导入 "yueyang-common.rubric"', 6);
    expect(locs).toEqual([{ uri: uriOf(seed('yueyang-common')), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });
});
