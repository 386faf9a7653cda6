// Semantic tokens over the protocol: keywords (from core's KEYWORDS), strings, numbers, comments,
// indicator codes, measure names and section names, decoded from the LSP integer encoding.
import { KEYWORDS, loadSource } from '@rubric/core';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { positionAt, readText, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

interface Decoded {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

function decode(data: number[], legend: SemanticTokensLegend): Decoded[] {
  const out: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push({ line, character, length: data[i + 2]!, type: legend.tokenTypes[data[i + 3]!]!, modifiers: legend.tokenModifiers.filter((_, b) => data[i + 4]! & (1 << b)) });
  }
  return out;
}

async function tokensOf(s: Session, name: string, range?: { start: number; end: number }): Promise<{ text: string; tokens: Decoded[] }> {
  const path = seed(name);
  const uri = await s.open(path);
  const legend = (s.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
  const r = range
    ? await s.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: range.start, character: 0 }, end: { line: range.end, character: 0 } } })
    : await s.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  return { text: readText(path), tokens: decode(r.data, legend) };
}

function find(text: string, tokens: Decoded[], offset: number): Decoded | undefined {
  const p = positionAt(text, offset);
  return tokens.find((t) => t.line === p.line && t.character === p.character);
}

describe('semantic tokens', () => {
  it('classifies every keyword, string and comment of pingdingshan', async () => {
    session = await Session.start();
    const { text, tokens } = await tokensOf(session, 'pingdingshan-2016');
    const names = new Set(KEYWORDS.map((k) => k.name));
    let keywords = 0;
    for (const t of loadSource('x', text).parse.tokens) {
      const got = find(text, tokens, t.startOffset);
      if (names.has(t.tokenType.name)) {
        keywords++;
        expect(['keyword', 'type', 'operator']).toContain(got?.type);
        expect(got?.length).toBe(t.image.length);
      }
      if (t.tokenType.name === 'StringLiteral') expect(got?.type).toBe('string');
      if (t.tokenType.name === 'LineComment') expect(got?.type).toBe('comment');
    }
    expect(keywords).toBeGreaterThan(100);
  });

  it('marks indicator codes, measure declarations and uses, and section uses', async () => {
    session = await Session.start();
    const p = await tokensOf(session, 'pingdingshan-2016');
    expect(find(p.text, p.tokens, p.text.indexOf('1.1.1'))?.type).toBe('enumMember');
    expect(find(p.text, p.tokens, p.text.indexOf('度量 参与率') + 3)).toMatchObject({ type: 'variable', modifiers: ['declaration'] });
    expect(find(p.text, p.tokens, p.text.indexOf('档 参与率') + 2)).toMatchObject({ type: 'variable', modifiers: [] });
    const c = await tokensOf(session, 'yueyang-cishan');
    expect(find(c.text, c.tokens, c.text.indexOf('使用 法定代表人') + 3)?.type).toBe('namespace');
  });

  it('answers a range request with the tokens of those lines only', async () => {
    session = await Session.start();
    const all = await tokensOf(session, 'pingdingshan-2016');
    const some = await tokensOf(session, 'pingdingshan-2016', { start: 30, end: 40 });
    expect(some.tokens).toEqual(all.tokens.filter((t) => t.line >= 30 && t.line <= 40));
    expect(some.tokens.length).toBeGreaterThan(0);
  });
});
