// pnpm bench:import — imports every seed in every format and prints, per table, the share of the
// hand transcription's indicators the draft has with the same code, title, points and parent, the
// share of its scoring rules written as the same construct, and whether `rubric check` reports the
// same diagnostics (severity and code) on the draft as on the transcription. Run on demand.
import { SEEDS, evaluate } from './cases.mjs';

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const rows = [['seed', 'format', 'table', 'indicators', 'rules', 'diagnostics', 'to confirm', 'ms']];
const misses = [];
for (const seed of SEEDS) {
  for (const format of seed.formats) {
    const e = await evaluate(seed, format);
    for (const t of e.tables) {
      const c = t.comparison;
      const same = t.draftCodes.join(',') === t.handCodes.join(',');
      rows.push([
        seed.name,
        format,
        t.hand ?? '(extra)',
        c ? `${c.matched}/${c.indicators} ${pct(c.matched, c.indicators)}` : '-',
        c ? `${c.rulesMatched}/${c.rules} ${pct(c.rulesMatched, c.rules)}` : '-',
        same ? `same (${t.handCodes.length})` : `draft ${t.draftCodes.join(' ') || 'none'} / hand ${t.handCodes.join(' ') || 'none'}`,
        String(t.reviews),
        e.ms.toFixed(0),
      ]);
      if (c && !seed.narrative) for (const m of [...c.misses, ...c.ruleMisses]) misses.push(`${seed.name}.${format} ${m}`);
    }
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
for (const [k, r] of rows.entries()) {
  console.log(`| ${r.map((x, i) => x + ' '.repeat(widths[i] - [...x].length)).join(' | ')} |`);
  if (k === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
if (misses.length > 0) {
  console.log('\nDifferences on the tabular seeds:');
  for (const m of misses) console.log(`  ${m}`);
}
