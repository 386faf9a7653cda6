// Points written inside a title, such as “阵地建设（10分）”, against the declared points (RUB210,
// RUB226). Only the last “（N分）” of a title counts: earlier ones usually quote the standard.
import { Decimal } from '../decimal.js';
import type { CheckContext } from './context.js';

const STATED = /[（(]\s*([0-9０-９]+(?:\.[0-9]+)?)\s*分\s*[）)]/g;

export function statedPoints(title: string): { value: Decimal; index: number; length: number } | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of title.matchAll(STATED)) last = m as RegExpExecArray;
  if (!last || last[1] === undefined) return undefined;
  const digits = last[1].replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  const value = Decimal.parse(digits);
  if (!value) return undefined;
  return { value, index: last.index! + last[0].indexOf(last[1]), length: last[1].length };
}

export function checkTitlePoints(ctx: CheckContext): void {
  for (const ind of ctx.all()) {
    const s = statedPoints(ind.title);
    if (!s) continue;
    const tr = ind.titleRange;
    // The title text starts one character after the opening quote; an edit is only offered when the
    // string has no escapes, so that positions in the value are positions in the file.
    const raw = tr.end.offset - tr.start.offset - 2 === ind.title.length;
    if (ind.points === null) {
      const at = { start: tr.end, end: tr.end };
      ctx.report('RUB226', tr, { stated: s.value.toString() }, {
        indicator: ind,
        fix: { message: { id: 'fix.addPoints', args: { value: s.value.toString() } }, edits: [{ file: tr.file, range: at, newText: ` ${s.value}` }] },
      });
      continue;
    }
    if (s.value.eq(ind.points)) continue;
    const extra: Parameters<CheckContext['report']>[3] = { indicator: ind };
    if (ind.titleQuoted && raw) {
      const start = tr.start.offset + 1 + s.index;
      const pos = (o: number) => ({ line: tr.start.line, column: tr.start.column + (o - tr.start.offset), offset: o });
      extra.fix = {
        message: { id: 'fix.titlePoints', args: { value: ind.points.toString() } },
        edits: [{ file: tr.file, range: { start: pos(start), end: pos(start + s.length) }, newText: ind.points.toString() }],
      };
    }
    ctx.report('RUB210', tr, { stated: s.value.toString(), points: ind.points.toString() }, extra);
  }
}
