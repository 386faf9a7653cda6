// Regenerates the golden IR files of the seed rubrics (`pnpm golden`), indented (`rubric compile
// --pretty`) so that their diffs can be reviewed like code.
import { readdirSync, writeFileSync } from 'node:fs';
import { compile, serializeIR } from '@rubric/core';
import { diskHost } from './golden-host.mjs';

for (const f of readdirSync('rubrics').filter((x) => x.endsWith('.rubric')).sort()) {
  const r = compile(`rubrics/${f}`, diskHost);
  if (!r.rubric || r.rubric.title === '') continue;
  writeFileSync(`test/golden/${f.replace(/\.rubric$/, '.ir.json')}`, serializeIR(r.rubric, { pretty: true }));
  console.log(`test/golden/${f.replace(/\.rubric$/, '.ir.json')}`);
}
