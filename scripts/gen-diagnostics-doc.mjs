// Writes docs/diagnostics.md from the diagnostic catalog (run by `pnpm docs`; a test checks it is current).
import { writeFileSync } from 'node:fs';
import { CATALOG } from '@rubric/core';

export function diagnosticsDoc() {
  const out = ['# Diagnostics / 诊断信息', '', 'Generated from `packages/core/src/messages/catalog.ts` by `pnpm docs`. Do not edit by hand.', ''];
  for (const [code, e] of Object.entries(CATALOG)) {
    out.push(`## ${code} (${e.severity})`, '', `- en: ${e.en}`, `- 中文：${e.zh}`, '', e.explain.en, '', e.explain.zh, '');
    if (e.bad) out.push('Bad / 错误示例:', '```', e.bad.trimEnd(), '```', '');
    if (e.good) out.push('Good / 正确示例:', '```', e.good.trimEnd(), '```', '');
    if (e.tested) out.push(`No small rubric shows this code; \`${e.tested}\` produces it. / 无法用简短示例展示，见 \`${e.tested}\`。`, '');
  }
  return `${out.join('\n')}`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  writeFileSync('docs/diagnostics.md', diagnosticsDoc());
}
