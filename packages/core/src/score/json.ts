// A JSON reader that keeps what JSON.parse throws away: the exact text of every number (points are
// exact decimals, never binary floats) and where every value is written (so an assessment's mistakes
// are reported at their line and column, with their JSON path). It also reads `//` and `/* */`
// comments (JSONC), which templates use to say what each value may be. Pure; never throws.
import { LineIndex, type Range } from '../source.js';

export type JsonNode =
  | { kind: 'object'; entries: { key: string; keyRange: Range; value: JsonNode }[]; range: Range }
  | { kind: 'array'; items: JsonNode[]; range: Range }
  | { kind: 'string'; value: string; range: Range }
  | { kind: 'number'; text: string; range: Range }
  | { kind: 'bool'; value: boolean; range: Range }
  | { kind: 'null'; range: Range };

export interface JsonError {
  message: 'unexpected' | 'unterminated' | 'trailing' | 'depth';
  range: Range;
}

const MAX_DEPTH = 200;

/** Parses JSON text; on a syntax error, returns where the first one is. */
export function parseJson(text: string): { value: JsonNode; error?: undefined } | { value?: undefined; error: JsonError } {
  const lines = new LineIndex(text);
  let i = 0;
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0x3000) i++;
      else if (c === 47 && text[i + 1] === '/') {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (c === 47 && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('unterminated');
        i = end + 2;
      } else break;
    }
  };
  const fail = (message: JsonError['message'], at = i): never => {
    throw { message, range: lines.range(at, Math.min(text.length, at + 1)) } satisfies JsonError;
  };
  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('unexpected');
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail('unexpected');
      out += c;
      i++;
    }
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('depth');
    ws();
    const start = i;
    const c = text[i];
    const range = (): Range => lines.range(start, i);
    if (c === '{') {
      i++;
      const entries: { key: string; keyRange: Range; value: JsonNode }[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, range: range() };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('unexpected');
        const ks = i;
        const key = str();
        const keyRange = lines.range(ks, i);
        ws();
        if (text[i] !== ':') fail('unexpected');
        i++;
        entries.push({ key, keyRange, value: value(depth + 1) });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, range: range() };
        }
        fail('unexpected');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, range: range() };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', items, range: range() };
        }
        fail('unexpected');
      }
    }
    if (c === '"') return { kind: 'string', value: str(), range: range() };
    const num = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    num.lastIndex = i;
    const m = num.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return { kind: 'number', text: m[0], range: range() };
    }
    for (const [word, node] of [
      ['true', { kind: 'bool', value: true }],
      ['false', { kind: 'bool', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, range: range() } as JsonNode;
      }
    }
    return fail(i >= text.length ? 'unterminated' : 'unexpected');
  };
  try {
    const v = value(0);
    ws();
    if (i < text.length) fail('trailing');
    return { value: v };
  } catch (e) {
    return { error: e as JsonError };
  }
}

/** A JSON path for messages: `$.labels["4.1.4"]`. */
export function jsonPath(parts: readonly (string | number)[]): string {
  return `$${parts.map((p) => (typeof p === 'number' ? `[${p}]` : /^[\p{L}_][\p{L}\p{N}_]*$/u.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('')}`;
}
