// The fuzzing of `pnpm fuzz` (test/fuzz/run.mjs), in small: a few thousand of the same inputs through
// the core, the formatter, the incremental reparser and the decoder, with the same checks (nothing
// throws, ranges are sound and never split a surrogate pair, formatting is idempotent and keeps the
// diagnostics, a reparse equals a full parse, UTF-8 is decoded exactly). Fixed seeds, so a failure
// here replays with `node test/fuzz/run.mjs --replay target:seed:index`.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { inputs, TARGETS } from './fuzz/inputs.mjs';

const RUNS: Record<string, number> = { core: 1000, format: 800, incremental: 200, bytes: 800 };
const SEED = 7;
const BATCH = 500;

describe('fuzz (small)', () => {
  for (const [target, count] of Object.entries(RUNS)) {
    it(`${target}: ${count} inputs, no throw, no broken property`, () => {
      const failures: string[] = [];
      for (let start = 0; start < count; start += BATCH) {
        const batch = inputs(target, SEED, start, Math.min(BATCH, count - start)) as unknown[];
        batch.forEach((input, i) => {
          try {
            (TARGETS as Record<string, { check: (x: unknown) => unknown }>)[target]!.check(input);
          } catch (e) {
            failures.push(`--replay ${target}:${SEED}:${start + i} ${e instanceof Error ? e.message : String(e)}`);
          }
        });
      }
      expect(failures).toEqual([]);
    });
  }
});
