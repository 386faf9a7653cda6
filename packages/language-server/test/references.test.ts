// Find references over the protocol: a measure's declaration and every band that reads it; a shared
// section's uses in every workspace file that imports it.
import { loadSource } from '@rubric/core';
import type { Location } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { lspRange, positionAt, readText, seed, SEEDS, Session, uriOf } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const key = (l: Location) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`;

describe('references', () => {
  it('finds the declaration and the five bands of 参与率 in pingdingshan', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const text = readText(path);
    const locs = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionAt(text, text.indexOf('度量 参与率') + 4),
      context: { includeDeclaration: true },
    });
    const expected: Location[] = [];
    for (const t of loadSource(path, text).parse.tokens) {
      if (t.image === '参与率' && t.tokenType.name === 'Identifier') {
        expected.push({ uri, range: { start: positionAt(text, t.startOffset), end: positionAt(text, t.startOffset + 3) } });
      }
    }
    expect(expected).toHaveLength(6);
    expect(locs.map(key).sort()).toEqual(expected.map(key).sort());
    const without = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionAt(text, text.indexOf('度量 参与率') + 4),
      context: { includeDeclaration: false },
    });
    expect(without).toHaveLength(5);
  });

  it('finds every use of the shared section 法定代表人 across the yueyang files of the workspace', async () => {
    session = await Session.start();
    const common = seed('yueyang-common');
    const uri = await session.open(common);
    const text = readText(common);
    const locs = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: positionAt(text, text.indexOf('章节 法定代表人') + 4),
      context: { includeDeclaration: true },
    });
    const expected: Location[] = [];
    for (const p of SEEDS) {
      const ast = loadSource(p, readText(p)).parse.ast;
      const walk = (stmts: { type: string; name?: { value: string; range: Parameters<typeof lspRange>[0] }; body?: { statements: never[] } }[]): void => {
        for (const s of stmts) {
          if (s.type === 'use' && s.name?.value === '法定代表人') expected.push({ uri: uriOf(p), range: lspRange(s.name.range) });
          if (s.body) walk(s.body.statements);
        }
      };
      for (const d of ast.decls) {
        if (d.type === 'section' && d.name?.value === '法定代表人') expected.push({ uri: uriOf(p), range: lspRange(d.name.range) });
        if (d.type !== 'import' && d.body) walk(d.body.statements as never);
      }
    }
    expect(new Set(expected.map((l) => l.uri)).size).toBeGreaterThan(1);
    expect(locs.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
