// Formatting over the protocol: one edit to core's canonical layout, idempotent, and nothing for a
// file with syntax errors.
import { formatText } from '@rubric/core';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits, readText, seed, SEEDS, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const options = { tabSize: 2, insertSpaces: true };

describe('formatting', () => {
  it('formats every seed as rubric fmt does, and formatting again changes nothing', async () => {
    session = await Session.start();
    for (const path of SEEDS) {
      const uri = await session.open(path);
      const text = readText(path);
      const edits = await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
      const formatted = applyEdits(text, edits);
      expect(formatted).toBe(formatText(text, path).text);
      expect(edits.length).toBeLessThanOrEqual(1);
      await session.replace(uri, formatted);
      expect(await session.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options })).toEqual([]);
    }
  });

  it('returns nothing for a file with a syntax error', async () => {
    session = await Session.start();
    const path = seed('tongzhou-shanghui');
    const broken = readText(path).trimEnd().slice(0, -1); // the rubric's closing brace is missing
    expect(formatText(broken, path).text).toBeUndefined();
    const uri = await session.open(path, broken);
    expect(await session.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options })).toBeNull();
  });
});
