// Inputs and checks for fuzzing the core, the formatter and the incremental reparser. Shared by the
// suite (test/fuzz.test.ts, a few thousand inputs in seconds) and by `pnpm fuzz` (test/fuzz/run.mjs,
// over a million inputs in minutes). Every input is a pure function of (target, seed, index), so a
// failure can be replayed from the three numbers the run prints.
//
// The inputs mix what broad fuzzing covers (token soup, arbitrary unicode, mutated seed rubrics,
// random bytes) with the targeted probes that found the defects of the hostile-input issue: deep and
// unclosed nesting, long runs of one bad character, huge strings, names and numbers, numbers with
// thousands of trailing zeros, hundreds of grades and bands, sections used inside their own
// indicators and in long chains, imports of paths outside the folder, lone surrogates and
// characters outside the basic plane.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { compileText, decodeBytes, formatText, LineIndex, loadSource, reparse, Decimal } from '@rubric/core';

const ROOT = new URL('../../', import.meta.url).pathname;
export const SEEDS = readdirSync(`${ROOT}rubrics`)
  .filter((f) => f.endsWith('.rubric'))
  .sort()
  .map((f) => readFileSync(`${ROOT}rubrics/${f}`, 'utf8'));

/** Pieces of rubric text: keywords in both spellings, literals, punctuation (ASCII and full-width). */
export const PIECES = [
  '评估表', 'rubric', '指标', 'indicator', '总分', '档', '每', '最高', '扣', '不得分', '评审', '一票否决', '当', '加分', '部分', '权重',
  '等级', '度量', '百分比', '整数', '按比例', '在', '以上', '以下', '导入', '章节', '使用', '计分单位', '不封顶', '评价标准', '说明',
  '"甲"', '“乙”', '「丙」', '"未完', '名称', '参与率', '1', '1.1', '1.1.1', '10', '10分', '0.5', '１０', '-5', '60%', '60％', '3~5', '3-5',
  '{', '}', '｛', '｝', '(', ')', '（', '）', '[', ']', ',', '，', '>=', '≥', '<', '=', '~', '；', ':', '@', '//注释\n', '/*', '*/', '\n', ' ', '\t', '\u3000',
];

const soup = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.array(fc.constantFrom(' ', '\n', '', '\r\n'), { maxLength: 80 }))
  .map(([pieces, seps]) => pieces.map((p, i) => p + (seps[i] ?? ' ')).join(''));

const unicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '𠮷', '😀', '\u0000', '\u2028', '"', '“', '{', '}', '指标', ' ', '\n', 'a', '1', '.'), maxLength: 120 }),
);

const wrap = (body) => `评估表 "探测" {\n  总分 10\n  指标 "甲" 10\n${body}\n}\n`;
const nested = (depth, closed, inner) => `${'指标 "层" {\n'.repeat(depth)}${inner}\n${closed ? '}\n'.repeat(depth) : ''}`;

/** The targeted probes: each a family of inputs that once crashed, hung or blew up. */
const probe = fc.oneof(
  fc.tuple(fc.nat({ max: 100 }), fc.boolean(), fc.constantFrom(...PIECES)).map(([d, closed, inner]) => wrap(nested(d, closed, inner))),
  fc.tuple(fc.constantFrom('\u0000', '@', '；', '：', '｛', '，', '\uD800', '\uDFFF', '😀', '𠮷', '\u007f', '#'), fc.nat({ max: 2000 })).map(([c, n]) => wrap(`  指标 "乙" 1 ${c.repeat(n)}`)),
  fc.tuple(fc.constantFrom('"', '“', '甲', '1', '1.', '0', '// ', '/* ', '𠮷'), fc.nat({ max: 20_000 }), fc.boolean()).map(([c, n, close]) =>
    wrap(`  指标 ${c === '"' ? `"${'x'.repeat(n)}${close ? '"' : ''}` : c.repeat(n)} 1`),
  ),
  fc.tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 })).map(([a, b]) => wrap(`  指标 "零" 1.${'0'.repeat(a)}1${'0'.repeat(b)}`)),
  fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 99 })).map(([n, m]) => wrap(Array.from({ length: n }, (_, i) => `  等级 "g${i % 7}" ${(i * 37) % (m + 1)} 以上`).join('\n'))),
  fc.tuple(fc.nat({ max: 150 }), fc.nat({ max: 99 })).map(([n, m]) =>
    wrap(`  指标 "档" 10 {\n    度量 率 百分比\n${Array.from({ length: n }, (_, i) => `    档 率 在 [${(i * 13) % (m + 1)}%, ${(i * 29) % 101}%] ${i % 11}`).join('\n')}\n  }`),
  ),
  fc.nat({ max: 40 }).map((n) =>
    `${Array.from({ length: n }, (_, i) => `章节 S${i} { 指标 "s${i}" 1 { 使用 S${i + 1} } }`).join('\n')}\n章节 S${n} { 指标 "末" 1 { 使用 S0 } }\n章节 自 { 指标 "a" 1 { 使用 自 } }\n${wrap('  使用 S0\n  使用 自')}`,
  ),
  fc.tuple(fc.constantFrom('/etc/passwd', '../../etc/shadow', 'a.rubric', 'b.rubric', '', '.', '/dev/zero', 'x.txt', '\u0000.rubric', 'C:\\\\x.rubric'), fc.nat({ max: 3 })).map(
    ([p, n]) => `${`导入 "${p}"\n`.repeat(n + 1)}${wrap('  使用 共用')}`,
  ),
  fc.tuple(fc.nat({ max: 20 }), fc.string({ unit: fc.constantFrom('甲', '乙', '𠮷', 'a'), maxLength: 80 })).map(([n, name]) =>
    `${Array.from({ length: n }, (_, i) => `章节 ${name}${i} { 指标 "x" 1 }`).join('\n')}\n${wrap(`  使用 ${name}\n  一票否决 当 ${name}x < 1`)}`,
  ),
);

/** Other files an input may import (the checked file is main.rubric). */
export const OTHERS = { 'a.rubric': '导入 "b.rubric"\n章节 共用 { 指标 "共用" 10 }\n', 'b.rubric': '导入 "a.rubric"\n章节 乙 { 使用 乙 }\n' };

const mutated = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...PIECES), probe)), { minLength: 1, maxLength: 4 }))
  .map(([which, edits]) => {
    let text = SEEDS[which];
    for (const [at, len, insert] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(Math.min(text.length, i + len));
    }
    return text;
  });

/** A text input for the core and the formatter. */
export const textInput = fc.oneof({ arbitrary: soup, weight: 10 }, { arbitrary: unicode, weight: 6 }, { arbitrary: probe, weight: 3 }, { arbitrary: mutated, weight: 1 });

/** Bytes for the decoder: random, behind a byte-order mark, or a text re-encoded and damaged. */
export const bytesInput = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []), fc.uint8Array({ maxLength: 300 })).map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
  fc.tuple(textInput, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([t, at, b]) => {
    const bytes = new TextEncoder().encode(t.slice(0, 400));
    if (bytes.length > 0) bytes[at % bytes.length] = b;
    return bytes;
  }),
);

const small = fc
  .tuple(fc.nat({ max: 6 }), fc.nat({ max: 3 }))
  .map(([n, m]) => `评估表 "小" {\n  总分 ${n * 10}\n${Array.from({ length: n }, (_, i) => `  指标 ${i + 1} "甲${i}" 10 {\n${Array.from({ length: m }, (_, j) => `    指标 ${i + 1}.${j + 1} "乙" 5 { 档 "好" 5 档 "差" 0 }`).join('\n')}\n  }`).join('\n')}\n}\n`);

/** An edit of a document for the incremental reparser: a base text and edits applied one by one. */
export const editInput = fc.record({
  base: fc.oneof({ arbitrary: small, weight: 20 }, { arbitrary: fc.nat({ max: SEEDS.length - 1 }).map((i) => SEEDS[i]), weight: 1 }, { arbitrary: probe.filter((t) => t.length < 5_000), weight: 1 }),
  edits: fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), piece: fc.oneof(fc.constantFrom(...PIECES, '', '}', '{', '\r', '𠮷', '\uD800'), fc.string({ maxLength: 6 })) }), { minLength: 1, maxLength: 3 }),
});

// ---- checks: each throws an Error describing the first broken property ----

function assert(cond, what) {
  if (!cond) throw new Error(`property: ${what}`);
}

/** Every diagnostic of `file` lies inside the text, with line/column consistent with its offset. */
export function checkRanges(text, ds, file) {
  const idx = new LineIndex(text);
  for (const d of ds) {
    if (d.file !== file) continue;
    const { start, end } = d.range;
    assert(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length, `${d.code} range inside the text`);
    const s = idx.position(start.offset);
    const e = idx.position(end.offset);
    assert(s.line === start.line && s.column === start.column && e.line === end.line && e.column === end.column, `${d.code} line/column match the offset`);
    // A range never splits a surrogate pair.
    for (const o of [start.offset, end.offset]) assert(!(o > 0 && o < text.length && (text.charCodeAt(o - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(o) & 0xfc00) === 0xdc00), `${d.code} range splits a surrogate pair`);
    for (const edit of d.fix?.edits ?? []) assert(edit.range.end.offset <= text.length, `${d.code} fix inside the text`);
  }
}

/** The core: compile never throws; ranges are sound. */
export function checkCore(text) {
  const r = compileText('main.rubric', text, OTHERS);
  checkRanges(text, r.diagnostics, 'main.rubric');
  return r.diagnostics.length;
}

const LEXICAL_WARNINGS = new Set(['RUB003', 'RUB005']);
const codes = (ds) => ds.map((d) => d.code).filter((c) => !LEXICAL_WARNINGS.has(c)).sort().join(' ');

/** The formatter: never throws; when it formats, formatting again changes nothing and the checks find the same problems. */
export function checkFormat(text) {
  const f = formatText(text, 'main.rubric');
  if (f.text === undefined) return 0;
  assert(formatText(f.text, 'main.rubric').text === f.text, 'formatting is idempotent');
  assert(codes(compileText('main.rubric', f.text, OTHERS).diagnostics) === codes(compileText('main.rubric', text, OTHERS).diagnostics), 'formatting keeps the diagnostics');
  return 1;
}

/** Bytes: decoding never throws; UTF-8 that decodes is read exactly. */
export function checkBytes(bytes) {
  const d = decodeBytes(bytes);
  const f = loadSource('main.rubric', bytes);
  if (!d.failed && d.encoding === undefined) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const again = new TextEncoder().encode(d.text);
    assert(again.length === bytes.length - bom && again.every((b, i) => b === bytes[i + bom]), 'UTF-8 is decoded exactly');
  }
  checkRanges(f.text, f.diagnostics, 'main.rubric');
  return f.diagnostics.length;
}

function snapshot(f) {
  const plain = (x) => JSON.stringify(x, (_k, v) => (v instanceof Decimal ? `D:${v}` : typeof v === 'bigint' ? v.toString() : v));
  const tok = (t) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.endLine, t.startColumn, t.endColumn];
  const diags = [...f.diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || plain(a).localeCompare(plain(b)));
  return plain({ ast: f.parse.ast, tokens: f.parse.tokens.map(tok), comments: f.parse.comments.map(tok), diagnostics: diags, text: f.text, lines: f.parse.lines.lineCount });
}

/** The incremental reparser: after each edit, both modes equal a full parse of the new text. */
export function checkIncremental({ base, edits }) {
  let kept = loadSource('main.rubric', base);
  let consumed = loadSource('main.rubric', base);
  let text = base;
  for (const { at, len, piece } of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + piece + text.slice(Math.min(text.length, i + len));
    const full = snapshot(loadSource('main.rubric', text));
    kept = reparse(kept, text).file;
    assert(snapshot(kept) === full, 'reparse equals a full parse');
    consumed = reparse(consumed, text, { consume: true }).file;
    assert(snapshot(consumed) === full, 'consuming reparse equals a full parse');
  }
  return edits.length;
}

export const TARGETS = {
  core: { arbitrary: textInput, check: checkCore },
  format: { arbitrary: textInput, check: checkFormat },
  incremental: { arbitrary: editInput, check: checkIncremental },
  bytes: { arbitrary: bytesInput, check: checkBytes },
};

/** The inputs `index .. index + count - 1` of a target for a seed (generated in one batch). */
export function inputs(target, seed, index, count) {
  return fc.sample(TARGETS[target].arbitrary, { seed: seed * 1_000_003 + index, numRuns: count });
}
