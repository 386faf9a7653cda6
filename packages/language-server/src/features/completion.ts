// Completion. After `档` or `按比例`: the measures visible there. After `使用`: the sections of this
// file and of the files it imports. After `当` (in `一票否决 当`): the parts and indicators a veto can
// name (names, codes, and quoted titles). Elsewhere, at the start of a word: every keyword, in its
// Chinese and English spellings, documented with its line from core's KEYWORDS table. Nothing is
// offered inside strings and comments.
import { KEYWORDS, NAME_LETTER } from '@rubric/core';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { isComment, isString, tokenAt } from '../syntax.js';

const LETTER = NAME_LETTER;
const WORD_BEFORE = new RegExp(`[${LETTER}0-9.]*$`);

function spellings(names: string[]): string {
  return names.map((n) => KEYWORDS.find((k) => k.name === n)!).flatMap((k) => [...k.zh, ...k.en]).join('|');
}
const AFTER_MEASURE = new RegExp(`(?:^|[\\s{}])(?:${spellings(['Band', 'Rate'])})\\s+[${LETTER}0-9]*$`);
const AFTER_USE = new RegExp(`(?:^|[\\s{}])(?:${spellings(['Use'])})\\s+[${LETTER}0-9]*$`);
const AFTER_WHEN = new RegExp(`(?:^|[\\s{}])(?:${spellings(['When'])})\\s+["“「『]?[^\\s"”」』]*$`);

export function provideCompletion(ctx: Context, params: CompletionParams): CompletionList {
  const none: CompletionList = { isIncomplete: false, items: [] };
  const at = ctx.at(params);
  if (!at) return none;
  const { source, offset, path, uri } = at;
  const lines = source.parse.lines;
  const before = source.text.slice(lines.lineStart(lines.position(offset).line), offset);
  const word = WORD_BEFORE.exec(before)?.[0] ?? '';
  const tok = offset > 0 ? tokenAt(source.parse.tokens, offset - 1) : undefined;
  const end = tok ? tok.startOffset + tok.image.length : 0;
  const inComment = !!tok && isComment(tok) && offset > tok.startOffset && (offset < end || tok.tokenType.name !== 'BlockComment');
  const inString = !!tok && isString(tok) && offset > tok.startOffset && (offset < end || tok.tokenType.name === 'UnterminatedString');
  if (inComment || (inString && !AFTER_WHEN.test(before))) return none;
  const replace = { start: ctx.range(path, lines.range(offset - word.length, offset)).start, end: ctx.range(path, lines.range(offset, offset)).end };
  const item = (label: string, kind: CompletionItemKind, detail: string, insert = label): CompletionItem => ({
    label,
    kind,
    detail,
    textEdit: { range: replace, newText: insert },
    insertTextFormat: InsertTextFormat.PlainText,
  });

  if (AFTER_MEASURE.test(before)) {
    const names = ctx.workspace.index(uri)?.measuresAt(path, offset) ?? [];
    const all = names.length > 0 ? names : (ctx.workspace.entry(uri)?.result.rubrics.flatMap((r) => r.measures.map((m) => m.name)) ?? []);
    return { isIncomplete: false, items: [...new Set(all)].map((n) => item(n, CompletionItemKind.Variable, spellings(['Measure']).split('|')[0]!)) };
  }
  if (AFTER_USE.test(before)) {
    const names = ctx.workspace.index(uri)?.sectionNames() ?? [];
    return { isIncomplete: false, items: names.map((n) => item(n, CompletionItemKind.Module, spellings(['Section']).split('|')[0]!)) };
  }
  if (AFTER_WHEN.test(before)) {
    const quoted = /["“「『][^\s"”」』]*$/.exec(before)?.[0];
    const refs = ctx.workspace.index(uri)?.indicatorRefs() ?? [];
    const items = refs.map((r) => {
      const text = r.spelling === 'title' ? `"${r.text}"` : r.text;
      const it = item(r.spelling === 'title' ? text : r.text, r.spelling === 'code' ? CompletionItemKind.EnumMember : CompletionItemKind.Class, r.code ? `${r.code} ${r.title}` : r.title, text);
      if (quoted !== undefined && it.textEdit && 'range' in it.textEdit) {
        it.textEdit.range = { start: ctx.range(path, lines.range(offset - quoted.length, offset)).start, end: it.textEdit.range.end };
      }
      return it;
    });
    return { isIncomplete: false, items };
  }
  if (/[0-9.]$/.test(word)) return none;
  const items: CompletionItem[] = [];
  KEYWORDS.forEach((k, i) => {
    for (const s of [...k.zh, ...k.en]) {
      const it = item(s, CompletionItemKind.Keyword, [...k.zh, ...k.en].filter((x) => x !== s).join(' / '));
      it.documentation = { kind: MarkupKind.Markdown, value: k.doc };
      it.sortText = `${String(i).padStart(3, '0')}${k.zh.includes(s) ? 'a' : 'b'}`;
      items.push(it);
    }
  });
  return { isIncomplete: false, items };
}

export const completion: Feature = {
  capabilities: () => ({ completionProvider: { triggerCharacters: [' '], resolveProvider: false } }),
  register: (ctx) => ctx.connection.onCompletion(ctx.request('completion', (p: CompletionParams) => provideCompletion(ctx, p))),
};
