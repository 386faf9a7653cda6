// "Did you mean": the closest known name to an unknown one, for the fixes of RUB101, RUB104 and
// RUB105. Names are short Chinese words, so plain edit distance on code points works well.
//
// Bounded work: a suggestion is only worth making for a name that is close, so the distance is
// computed in a band of ±limit around the diagonal and abandoned as soon as it exceeds the limit;
// names longer than MAX_NAME get no suggestion (a typo fix for a 60-character name is noise, and
// comparing two long names costs the product of their lengths); and a compile gives the search a
// fixed budget of work (withSuggestionBudget), after which the remaining unknown names simply get no
// fix. The work is therefore linear in the size of the file, whatever the names are.
import type { Fix } from '../diagnostics.js';
import type { Range } from '../source.js';

/** Longest name, in code points, for which a suggestion is searched. */
export const MAX_NAME = 64;
/** Work allowed per compile: candidates looked at plus distance cells computed. */
export const SUGGESTION_BUDGET = 20_000_000;

let budget = Infinity;

/** Runs `f` with a budget of suggestion work shared by all its calls of `closest`. */
export function withSuggestionBudget<T>(units: number, f: () => T): T {
  const saved = budget;
  budget = units;
  try {
    return f();
  } finally {
    budget = saved;
  }
}

/** Edit distance between two code point arrays when it is at most `limit`, else limit + 1. */
function distanceWithin(x: number[], y: number[], limit: number): number {
  const n = x.length;
  const m = y.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const big = limit + 1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= limit ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    cur.fill(big);
    cur[0] = i <= limit ? i : big;
    let rowMin = cur[0]!;
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    budget -= hi - lo + 1;
    if (rowMin > limit) return big;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m]!, big);
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** The known name closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const x = codePoints(name);
  if (x.length > MAX_NAME) return undefined;
  const limit = Math.max(1, Math.floor(x.length / 2));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const k of known) {
    if (budget <= 0) return undefined;
    budget--;
    if (bestD === 0) break;
    // Cheap rejection first: k has between k.length / 2 and k.length code points, and the distance
    // is at least the difference of the lengths.
    if (k.length / 2 > x.length + limit || k.length < x.length - limit) continue;
    const d = distanceWithin(x, codePoints(k), bestD - 1);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}

/** A fix replacing the name at `range` with the closest known one, if any. */
export function renameFix(file: string, range: Range, name: string, known: Iterable<string>, quoted = false): Fix | undefined {
  const to = closest(name, known);
  if (to === undefined) return undefined;
  return { message: { id: 'fix.rename', args: { name: to } }, edits: [{ file, range, newText: quoted ? `"${to}"` : to }] };
}
