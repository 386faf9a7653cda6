// "Did you mean": the closest known name to an unknown one, for the fixes of RUB101, RUB104 and
// RUB105. Names are short Chinese words, so plain edit distance on code points works well.
import type { Fix } from '../diagnostics.js';
import type { Range } from '../source.js';
import { editDistance } from '../edit-distance.js';

/** The known name closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
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
