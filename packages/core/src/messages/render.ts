// Renders diagnostics and labels in a locale. An argument is a string, a number, or a list of
// them; a string `@id` names a label (for example `@word.indicator`) and `@kw.Name` a keyword, and
// both are rendered in the same locale. Lists are joined as the locale joins alternatives.
import type { Args, ArgValue, Diagnostic, MessageId, MessageRef } from '../diagnostics.js';
import { keyword } from '../syntax/keywords.js';
import { CATALOG, type Code } from './catalog.js';
import { LABELS, type LabelId } from './labels.js';

export type Locale = 'en' | 'zh-CN';

/** Picks a supported locale from a tag such as `zh_CN.UTF-8`, `zh-Hans`, `en-US`; default zh-CN. */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'zh-CN';
  const t = tag.toLowerCase();
  if (t.startsWith('en')) return 'en';
  // Chinese is the product's language: any other or unknown locale (C, POSIX) gets zh-CN.
  return 'zh-CN';
}

/** A table of messages in both languages (core's catalog and labels, or a tool's own words). */
export type MessageTable = Record<string, { en: string; zh: string }>;

function template(id: string, locale: Locale, extra?: MessageTable): string | undefined {
  const entry = (CATALOG as MessageTable)[id] ?? (LABELS as MessageTable)[id] ?? extra?.[id];
  if (!entry) return undefined;
  return locale === 'en' ? entry.en : entry.zh;
}

/** A keyword as messages show it: its Chinese spelling (with the English one in English). */
export function keywordText(name: string, locale: Locale): string {
  const k = keyword(name);
  if (!k) return name;
  const zh = k.zh[0] ?? k.en[0] ?? name;
  return locale === 'en' && k.en[0] ? `${zh} (${k.en[0]})` : zh;
}

function argText(v: ArgValue, locale: Locale, extra?: MessageTable): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (!v.startsWith('@')) return v;
    if (v.startsWith('@kw.')) return keywordText(v.slice(4), locale);
    return template(v.slice(1), locale, extra) ?? v;
  }
  if (!Array.isArray(v)) {
    const ref = v as { id: string; args: Args };
    return fill(template(ref.id, locale, extra) ?? ref.id, ref.args, locale, extra);
  }
  const items = (v as readonly ArgValue[]).map((x) => argText(x, locale, extra));
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1]!;
  const head = items.slice(0, -1).join(locale === 'en' ? ', ' : '、');
  return locale === 'en' ? `${head} or ${last}` : `${head} 或 ${last}`;
}

/** Fills `{name}` placeholders with rendered arguments. */
export function fill(text: string, args: Args, locale: Locale, extra?: MessageTable): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = args[key];
    return v === undefined ? whole : argText(v, locale, extra);
  });
}

export function renderRef(ref: MessageRef, locale: Locale): string {
  return fill(template(ref.id, locale) ?? ref.id, ref.args, locale);
}

/** Renders a message of a tool's own table (the CLI's words), with core's labels for `@` arguments. */
export function renderWith<T extends MessageTable>(table: T, id: keyof T & string, args: Args, locale: Locale): string {
  const entry = table[id]!;
  return fill(locale === 'en' ? entry.en : entry.zh, args, locale, table);
}

export function renderDiagnostic(d: Diagnostic, locale: Locale): string {
  return renderRef({ id: d.code, args: d.args }, locale);
}

export function explainCode(code: string, locale: Locale): string | undefined {
  const e = (CATALOG as Record<string, (typeof CATALOG)[Code]>)[code];
  if (!e) return undefined;
  return locale === 'en' ? e.explain.en : e.explain.zh;
}

export function isMessageId(id: string): id is MessageId {
  return id in CATALOG || id in LABELS;
}

export type { LabelId };
