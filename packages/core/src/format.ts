// The canonical layout of a rubric file, used by `rubric fmt` and the language server. One
// statement per line, two spaces per block level, `{` at the end of the header, ASCII punctuation,
// straight quotes, `~` for ranges, at most one blank line between statements; keywords stay in the
// language they were written in, and every comment is kept where it was. Idempotent. A file with
// syntax errors, or over the size limit, is not formatted (the result says why), so nothing the
// author wrote can be lost.
import type { IToken } from 'chevrotain';
import { DiagnosticBag, type Diagnostic } from './diagnostics.js';
import type * as A from './syntax/ast.js';
import { normalizeDigits } from './syntax/digits.js';
import { parseRubric } from './syntax/parse.js';
import * as T from './syntax/tokens.js';
import { unreadableDiagnostic } from './imports.js';
import { LIMITS, utf8SizeExceeds } from './limits.js';

export interface FormatResult {
  /** The formatted text, or undefined when the file has syntax errors. */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

const NO_SPACE_BEFORE = new Set(['Fen', 'Percent', 'Comma', 'RParen', 'RBracket', 'RangeSep']);
const NO_SPACE_AFTER = new Set(['LParen', 'LBracket', 'RangeSep', 'Minus']);

function canonical(t: IToken): string {
  const name = t.tokenType.name;
  switch (name) {
    case 'NumberLiteral':
      return normalizeDigits(t.image);
    case 'RangeSep':
      return '~';
    case 'Percent':
      return '%';
    case 'StringLiteral': {
      if (t.image.startsWith('"')) return t.image;
      const inner = t.image.slice(1, -1);
      return `"${inner.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    }
    case 'Ge':
      return '>=';
    case 'Le':
      return '<=';
    default:
      return T.FULL_WIDTH[t.image] ?? t.image;
  }
}

function statementStarts(ast: A.FileAst): Set<number> {
  const starts = new Set<number>();
  const block = (b: A.Block | undefined): void => {
    for (const s of b?.statements ?? []) {
      starts.add(s.range.start.offset);
      if ('body' in s) block(s.body);
    }
  };
  for (const d of ast.decls) {
    starts.add(d.range.start.offset);
    if (d.type !== 'import') block(d.body);
  }
  return starts;
}



export function formatText(text: string, file = 'input.rubric'): FormatResult {
  // A text over the size limit is not parsed, hence not formatted (RUB010).
  if (utf8SizeExceeds(text, LIMITS.fileBytes)) return { text: undefined, diagnostics: [unreadableDiagnostic(file, { refused: 'tooLarge' })] };
  const bag = new DiagnosticBag();
  const parsed = parseRubric(text, file, bag);
  if (bag.items.some((d) => d.severity === 'error')) return { text: undefined, diagnostics: bag.items };
  const starts = statementStarts(parsed.ast);
  const { bracketed } = parsed.marks;
  const separators = new Set(parsed.marks.rangeSeparators);
  const units = new Set(parsed.marks.units);
  const inBrackets = (t: IToken): boolean => bracketed.some(([a, z]) => a <= t.startOffset && t.startOffset < z);
  const lines: string[] = [];
  let line = '';
  let depth = 0;
  let prev: IToken | undefined;
  const indent = (): string => '  '.repeat(Math.max(0, depth));
  const flush = (): void => {
    if (line !== '') lines.push(line.trimEnd());
    line = '';
  };
  const blankBefore = (t: IToken): boolean => {
    if (!prev) return false;
    const gap = text.slice(prev.startOffset + prev.image.length, t.startOffset);
    return (gap.match(/\n/g) ?? []).length >= 2;
  };
  const startLine = (t: IToken): void => {
    flush();
    const atBlockStart = lines.length > 0 && lines[lines.length - 1]!.endsWith('{');
    if (blankBefore(t) && lines.length > 0 && !atBlockStart) lines.push('');
    line = indent();
  };
  const tokens = parsed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const name = t.tokenType.name;
    if (name === 'LineComment' || name === 'BlockComment') {
      const sameLine = prev !== undefined && line.trim() !== '' && !text.slice(prev.startOffset + prev.image.length, t.startOffset).includes('\n');
      if (sameLine) line += ` ${t.image}`;
      else {
        startLine(t);
        line += t.image;
      }
      if (name === 'LineComment' || t.image.includes('\n')) flush();
      prev = t;
      continue;
    }
    if (name === 'LBrace') {
      const next = tokens[i + 1];
      if (line.trim() === '') line = indent();
      if (next && next.tokenType.name === 'RBrace') {
        line += line.trim() === '' ? '{}' : ' {}';
        prev = next;
        i++;
        continue;
      }
      line += line.trim() === '' ? '{' : ' {';
      flush();
      depth++;
      prev = t;
      continue;
    }
    if (name === 'RBrace') {
      depth--;
      startLine(t);
      line += '}';
      flush();
      prev = t;
      continue;
    }
    // Points written in brackets after a title, `"甲"（20分）`: written plainly, `"甲" 20分`.
    if (inBrackets(t) && (name === 'LParen' || name === 'RParen')) continue;
    const bracketedNumber = inBrackets(t) && name === 'Enumerator';
    // A unit printed after a number stays attached (`15平方米`); every range separator is written `~`.
    const unit = units.has(t.startOffset);
    const range = separators.has(t.startOffset);
    const img = bracketedNumber ? normalizeDigits(t.image).replace(/[^0-9]/g, '') : range ? '~' : canonical(t);
    if (starts.has(t.startOffset) || line.trim() === '') {
      startLine(t);
      line += img;
    } else {
      const pname = prev?.tokenType.name ?? '';
      const prevRange = line.endsWith('~');
      const tight = unit || range || prevRange || NO_SPACE_BEFORE.has(name) || NO_SPACE_AFTER.has(pname);
      line += tight ? img : ` ${img}`;
    }
    prev = t;
  }
  flush();
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', diagnostics: bag.items };
}
