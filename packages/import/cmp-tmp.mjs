import { readFileSync } from 'node:fs';
import { compile, compileText } from '@rubric/core';
import { importDocument, compareRubrics } from '/work/wt-import/packages/import/dist/index.js';
const [f, ...hands] = process.argv.slice(2);
const r = await importDocument(new Uint8Array(readFileSync(f)), f);
const host = { readFile: (p) => { try { return new Uint8Array(readFileSync('/work/wt-import/' + p)); } catch { return undefined; } } };
r.rubrics.forEach((x, i) => {
  const hand = compile(hands[i], host).rubric;
  const draft = compileText('draft.rubric', x.text).rubric;
  const c = compareRubrics(hand, draft);
  console.log(`${hands[i]}: indicators ${c.matched}/${c.indicators}, rules ${c.rulesMatched}/${c.rules}`);
  for (const m of [...c.misses, ...c.ruleMisses]) console.log('   ' + m);
});
