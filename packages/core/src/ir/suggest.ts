// "Did you mean": the closest known name to an unknown one, for the fixes of RUB101, RUB104 and
// RUB105. Names are short Chinese words, so plain edit distance on code points works well.
import type { Fix } from '../diagnostics.js';
import type { Range } from '../source.js';

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** The known name closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  const limit = Math.max(1, Math.floor([...name].length / 2));
  return best !== undefined && bestD <= limit ? best : undefined;
}

/** A fix replacing the name at `range` with the closest known one, if any. */
export function renameFix(file: string, range: Range, name: string, known: Iterable<string>, quoted = false): Fix | undefined {
  const to = closest(name, known);
  if (to === undefined) return undefined;
  return { message: { id: 'fix.rename', args: { name: to } }, edits: [{ file, range, newText: quoted ? `"${to}"` : to }] };
}
