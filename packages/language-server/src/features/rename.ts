// Rename a section, a measure, or an indicator that `一票否决 当` refers to (by its name, code or
// title), with every use, across imported files, open documents and the workspace's rubric files.
// The new name must be valid where it goes: a name (Chinese or Latin letters, digits, _, not a
// keyword), a code (1.2.3), or a title (one line, no quotes); otherwise the request fails with a
// localized message. Quoted occurrences keep their quotes.
import { KEYWORDS, NAME_PATTERN, type Occurrence, type ProgramSymbol } from '@rubric/core';
import { ErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { t } from '../i18n.js';
import { occurrencesOf, symbolAt } from '../symbols.js';

const NAME = new RegExp(`^(?:${NAME_PATTERN})$`);
const CODE = /^[0-9]+(?:\.[0-9]+)*$/;
const RESERVED = new Set([...KEYWORDS.flatMap((k) => [...k.en, ...k.zh]), '分']);

export function isValidName(s: string): boolean {
  return NAME.test(s) && !RESERVED.has(s);
}

function slot(symbol: ProgramSymbol): 'name' | 'code' | 'title' {
  return symbol.kind === 'indicator' ? (symbol.spelling ?? 'name') : 'name';
}

/** The range to edit for an occurrence: inside the quotes when quoted. */
function editRange(ctx: Context, o: Occurrence): Range {
  const r = ctx.range(o.file, o.range);
  if (!o.quoted || o.range.end.offset - o.range.start.offset < 2) return r;
  return { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: Math.max(r.start.character + 1, r.end.character - 1) } };
}

export function providePrepareRename(ctx: Context, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const at = ctx.at(params);
  if (!at) return null;
  const hit = symbolAt(ctx, at.uri, at.path, at.offset);
  if (!hit) return null;
  return { range: editRange(ctx, hit.occurrence), placeholder: hit.symbol.name };
}

export function provideRename(ctx: Context, params: RenameParams): WorkspaceEdit | null {
  const at = ctx.at(params);
  if (!at) return null;
  const newName = typeof params.newName === 'string' ? params.newName.trim() : '';
  const hit = symbolAt(ctx, at.uri, at.path, at.offset);
  if (!hit) throw new ResponseError(ErrorCodes.InvalidRequest, t('cannotRename', ctx.locale));
  const kind = slot(hit.symbol);
  const valid = kind === 'code' ? CODE.test(newName) : kind === 'title' ? newName !== '' && !/["“”「」『』\r\n]/.test(newName) : isValidName(newName);
  if (!valid) {
    const word = kind === 'code' ? 'badCode' : kind === 'title' ? 'badTitle' : 'badName';
    throw new ResponseError(ErrorCodes.InvalidParams, t(word, ctx.locale, { name: newName }));
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrencesOf(ctx, hit.symbol)) {
    // An unquoted reference to a quoted title stays unquoted only while the new title is a valid name.
    const text = !o.quoted && kind === 'title' && !isValidName(newName) ? `"${newName}"` : newName;
    (changes[ctx.workspace.uriOf(o.file)] ??= []).push({ range: editRange(ctx, o), newText: text });
  }
  return { changes };
}

export const rename: Feature = {
  capabilities: (client) => ({ renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true }),
  register: (ctx) => {
    ctx.connection.onPrepareRename(ctx.request('prepareRename', (p: PrepareRenameParams) => providePrepareRename(ctx, p)));
    ctx.connection.onRenameRequest(ctx.request('rename', (p: RenameParams) => provideRename(ctx, p)));
  },
};
