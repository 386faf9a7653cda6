// The VS Code TextMate grammar (editors/vscode/syntaxes/rubric.tmLanguage.json) is generated from the
// core's KEYWORDS. These tests check that the committed file is exactly the generator's output, and that
// the grammar, run by VS Code's own engine (vscode-textmate + Oniguruma), agrees with the core's lexer on
// every token of the seed rubrics: keywords, names, strings, numbers, units and comments.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { KEYWORDS, loadSource } from '@rubric/core';
// @ts-expect-error: a plain .mjs script without type declarations.
import { generateGrammar, GRAMMAR_PATH } from '../../editors/vscode/scripts/gen-grammar.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rubricsDir = join(root, 'rubrics');
const seeds = readdirSync(rubricsDir).filter((f) => f.endsWith('.rubric'));
const keywordNames = new Set(KEYWORDS.map((k) => k.name));

const KEYWORD_SCOPE = /^(storage\.type|keyword\.|support\.type)/;
let grammar: textmate.IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
  });
  const g = await registry.loadGrammar('source.rubric');
  if (!g) throw new Error('grammar did not load');
  grammar = g;
});

/** Scopes (innermost last) of every UTF-16 position of every line. */
function scopesByLine(text: string): string[][][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    const at: string[][] = [];
    for (const t of r.tokens) for (let i = t.startIndex; i < t.endIndex; i++) at[i] = t.scopes;
    return at;
  });
}

/** What the grammar must say about a lexer token, or undefined for tokens it may colour freely. */
function expectedScope(tokenName: string): RegExp | undefined {
  if (keywordNames.has(tokenName)) return KEYWORD_SCOPE;
  switch (tokenName) {
    case 'Identifier':
      return /^(variable|entity)\./;
    case 'StringLiteral':
      return /^string\.quoted\./;
    case 'NumberLiteral':
      return /^constant\.(numeric|other\.code)\./;
    case 'Fen':
      return /^keyword\.other\.unit\.points\./;
    case 'Percent':
      return /^keyword\.other\.unit\.percent\./;
    case 'LineComment':
    case 'BlockComment':
      return /^comment\./;
    default:
      return undefined;
  }
}

describe('TextMate grammar', () => {
  it('is the generator output for the current KEYWORDS (run `node editors/vscode/scripts/gen-grammar.mjs`)', () => {
    expect(readFileSync(GRAMMAR_PATH, 'utf8')).toBe(generateGrammar());
  });

  it('highlights every spelling of every keyword, and not when glued to a name', () => {
    for (const k of KEYWORDS) {
      for (const spelling of [...k.en, ...k.zh]) {
        const [alone] = scopesByLine(`${spelling} `);
        expect(alone![0]!.at(-1), `${k.name} ${spelling}`).toMatch(KEYWORD_SCOPE);
        const [glued] = scopesByLine(`${spelling}甲 `);
        expect(glued![0]!.at(-1), `${spelling}甲 is a name`).toMatch(/^variable\./);
      }
    }
  });

  it('takes a keyword glued to an ideograph outside the basic plane as a name, as the lexer does', () => {
    for (const line of ['使用 𠮷野', '指标 𠮷 10', '档𠮷 ']) {
      const tokens = loadSource('x.rubric', line).parse.tokens.map((t) => t.tokenType.name);
      const [scopes] = scopesByLine(line);
      const lastName = line.lastIndexOf('𠮷');
      expect(tokens, line).toContain('Identifier');
      expect(scopes![lastName]!.at(-1), line).toMatch(/^(variable|entity)\./);
      expect(scopes![lastName + 1]!.at(-1), line).toMatch(/^(variable|entity)\./);
    }
  });

  describe.each(seeds)('agrees with the lexer on rubrics/%s', (name) => {
    it('every token', () => {
      const text = readFileSync(join(rubricsDir, name), 'utf8');
      const source = loadSource(`rubrics/${name}`, text);
      const scopes = scopesByLine(text.replace(/\r\n/g, '\n'));
      const mismatches: string[] = [];
      for (const tok of source.parse.tokens) {
        const want = expectedScope(tok.tokenType.name);
        if (!want) continue;
        const got = scopes[tok.startLine! - 1]?.[tok.startColumn! - 1] ?? [];
        const keywordish = got.some((sc) => KEYWORD_SCOPE.test(sc));
        if (!got.some((sc) => want.test(sc)) || (tok.tokenType.name === 'Identifier' && keywordish)) {
          mismatches.push(`${tok.startLine}:${tok.startColumn} ${tok.tokenType.name} ${JSON.stringify(tok.image)} -> ${got.at(-1)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});
