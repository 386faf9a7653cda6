// Points written in a title, such as “阵地建设（10分）”, against the declared points (RUB210,
// RUB226). Only a points statement that labels a heading counts: a “（N分）” that ends the title, with
// no sentence before it. A title that is the row's standard text (“配备专职人员2名(6分)，每增加1人加1分”)
// carries rule parameters, not the indicator's worth: it is never compared, and so never edited.
import { Decimal } from '../decimal.js';
import type { CheckContext } from './context.js';

/** A trailing “（N分）” and what stands before it. */
const LABEL = /^(.*?)[（(]\s*([0-9０-９]+(?:\.[0-9０-９]+)?)\s*分\s*[）)]\s*$/su;
/** Punctuation that makes the text before the label a sentence rather than a heading. */
const SENTENCE = /[，,；;。！!？?]/;

export function statedPoints(title: string): { value: Decimal; index: number; length: number } | undefined {
  const m = LABEL.exec(title);
  if (!m || m[2] === undefined || SENTENCE.test(m[1]!)) return undefined;
  const digits = m[2].replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  const value = Decimal.parse(digits);
  if (!value) return undefined;
  return { value, index: m[0].indexOf(m[2], m[1]!.length), length: m[2].length };
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
