// Text helpers: cleaning cell text, reading codes and points statements out of titles.

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CJK_RE = new RegExp(`[${CJK}]`);

/** Digits and punctuation typed with a Chinese input method, as ASCII. */
export function halfWidth(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/．/g, '.');
}

/**
 * A cell's lines joined as one line: no space where a Chinese character meets the break (Word
 * wraps "人力\n资源" inside a narrow cell), one space between Latin words.
 */
export function joinLines(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let out = '';
  for (const l of lines) {
    if (out === '') out = l;
    else out += /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(l) ? ` ${l}` : l;
  }
  return out;
}

/** A title as printed, without the spaces a narrow cell or a justified layout put between characters. */
export function cleanTitle(text: string): string {
  const one = joinLines(text).replace(/\s+/g, ' ');
  // A letter code ("A1 组织建设", "B.3 …") keeps the space after it.
  const code = /^[A-Za-z]\.?\d+(?:\.\d+)*\s+/.exec(one)?.[0];
  if (code) return `${code.trim()} ${cleanTitle(one.slice(code.length))}`;
  return one.replace(new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g'), '').trim();
}

/** Criterion text as printed: its lines joined, inner spaces kept. */
export function cleanText(text: string): string {
  return joinLines(text).replace(/[ \t]+/g, ' ').trim();
}

export const hasCJK = (s: string): boolean => CJK_RE.test(s);

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number. */
export function chineseNumber(s: string): number | undefined {
  if (!/^[一二三四五六七八九十两]+$/.test(s)) return undefined;
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = i === 0 ? 1 : CN_DIGITS[s.slice(0, i)];
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s.slice(i + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

export type Marker =
  | { kind: 'dotted'; code: string }
  /** A local ordinal: 一、 （一） 1. 1、 （1） ①; `style` tells the levels apart. */
  | { kind: 'ordinal'; n: number; style: string };

export interface Parsed {
  marker?: Marker;
  /** The marker as printed. */
  markerText?: string;
  rest: string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Reads a numbering marker at the start of a title or paragraph. */
export function parseMarker(text: string): Parsed {
  const t = halfWidth(text);
  let m = /^(\d+(?:\.\d+)+)\.?(?![\d%])\s*/.exec(t);
  if (m) return { marker: { kind: 'dotted', code: m[1]! }, markerText: text.slice(0, m[0].length).trim(), rest: text.slice(m[0].length) };
  m = /^([一二三四五六七八九十]+)\s*[、.]\s*/.exec(t);
  if (m) return { marker: { kind: 'ordinal', n: chineseNumber(m[1]!)!, style: 'cn、' }, markerText: m[0].trim(), rest: text.slice(m[0].length) };
  m = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*/.exec(t);
  if (m) return { marker: { kind: 'ordinal', n: chineseNumber(m[1]!)!, style: '(cn)' }, markerText: m[0].trim(), rest: text.slice(m[0].length) };
  m = /^(\d{1,2})\s*[、.](?!\d)\s*/.exec(t);
  if (m) return { marker: { kind: 'ordinal', n: Number(m[1]), style: '1.' }, markerText: m[0].trim(), rest: text.slice(m[0].length) };
  m = /^[（(]\s*(\d{1,2})\s*[）)]\s*/.exec(t);
  if (m) return { marker: { kind: 'ordinal', n: Number(m[1]), style: '(1)' }, markerText: m[0].trim(), rest: text.slice(m[0].length) };
  if (t.length > 0 && CIRCLED.includes(t[0]!)) return { marker: { kind: 'ordinal', n: CIRCLED.indexOf(t[0]!) + 1, style: '①' }, markerText: t[0], rest: text.slice(1).trim() };
  // A bare number directly before Chinese text, as in a level cell "1基础条件".
  m = /^(\d{1,2})(?=[\u3400-\u9fff])/.exec(t);
  if (m) return { marker: { kind: 'dotted', code: m[1]! }, markerText: m[1], rest: text.slice(m[0].length) };
  return { rest: text };
}

export interface PointsStatement {
  value: string;
  /** The title without the statement. */
  rest: string;
  /** The statement as printed. */
  printed: string;
}

/** A points statement at the end of a title: "(10分)", "（10分）", "140分", "10 分". */
export function trailingPoints(title: string): PointsStatement | undefined {
  const t = halfWidth(title);
  const m = /\s*(?:[（(]\s*(?:满分)?\s*(\d+(?:\.\d+)?)\s*分\s*[）)]|(?<![\d.得计扣加减给每各])(?<!满分为|分为|计为)(\d+(?:\.\d+)?)\s*分)\s*$/.exec(t);
  if (!m || m.index === 0) return undefined;
  return { value: (m[1] ?? m[2])!, rest: title.slice(0, m.index).trim(), printed: title.slice(m.index).trim() };
}

/** A number standing alone in a points cell: "10", "10分", "１０". */
export function pointsCell(text: string): string | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*分?\s*$/.exec(halfWidth(text));
  return m ? m[1] : undefined;
}

/** Text safe inside "…" in the rubric language. */
export function quote(s: string): string {
  return `"${s.replace(/\s*\n\s*/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
