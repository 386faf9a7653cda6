// Edit distance between two words, by code points (names and keywords are short Chinese words, where
// a code point is a character). Used by "did you mean" for names (ir/suggest.ts) and keywords
// (syntax/keyword-slips.ts).

/** What replacing one character by another costs: 0 for the same, 1 otherwise, unless told. */
export type Substitution = (a: string, b: string) => number;

const plain: Substitution = (a, b) => (a === b ? 0 : 1);

/** Levenshtein distance; insertions and deletions cost 1, substitutions what `substitution` says. */
export function editDistance(a: string, b: string, substitution: Substitution = plain): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitution(x[i - 1]!, y[j - 1]!));
    }
    prev = cur;
  }
  return prev[y.length]!;
}
