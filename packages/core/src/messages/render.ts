// Renders diagnostics and labels in a locale. Arguments whose value starts with `@` name a label
// (for example `@word.indicator`) and are themselves rendered in the same locale.
import type { Args, Diagnostic, MessageRef } from '../diagnostics.js';
import { CATALOG, LABELS, type Code } from './catalog.js';

export type Locale = 'en' | 'zh-CN';

/** Picks a supported locale from a tag such as `zh_CN.UTF-8`, `zh-Hans`, `en-US`; default zh-CN. */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'zh-CN';
  const t = tag.toLowerCase();
  if (t.startsWith('en')) return 'en';
  // Chinese is the product's language: any other or unknown locale (C, POSIX) gets zh-CN.
  return 'zh-CN';
}

function template(id: string, locale: Locale): string | undefined {
  const entry = (CATALOG as Record<string, { en: string; zh: string }>)[id] ?? (LABELS as Record<string, { en: string; zh: string }>)[id];
  if (!entry) return undefined;
  return locale === 'en' ? entry.en : entry.zh;
}

export function fill(text: string, args: Args, locale: Locale): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = args[key];
    if (v === undefined) return whole;
    if (typeof v === 'string' && v.startsWith('@')) return template(v.slice(1), locale) ?? v;
    return String(v);
  });
}

export function renderRef(ref: MessageRef, locale: Locale): string {
  return fill(template(ref.id, locale) ?? ref.id, ref.args, locale);
}

export function renderDiagnostic(d: Diagnostic, locale: Locale): string {
  return renderRef({ id: d.code, args: d.args }, locale);
}

export function explainCode(code: string, locale: Locale): string | undefined {
  const e = (CATALOG as Record<string, (typeof CATALOG)[Code]>)[code];
  if (!e) return undefined;
  return locale === 'en' ? e.explain.en : e.explain.zh;
}
