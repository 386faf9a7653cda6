// Bundles the CLI and everything it imports into one file, dist/rubric.cjs. Loading one file
// instead of the hundreds of small modules Chevrotain depends on makes `rubric` start several times
// faster. bin/rubric.js runs the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/rubric.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // The importer (Word/Excel readers) and the Word, Excel and PDF writers (and their libraries) are
  // loaded only by the commands that need them, from their own packages.
  external: ['@rubric/import', '@rubric/export/xlsx', '@rubric/export/docx', '@rubric/export/pdf'],
});

// V8's code cache for the bundle (read by bin/rubric.js): written after a sample `rubric check`, so
// that it holds the functions a check compiles, not only the bundle's top level.
const SAMPLE = `评估表 "示例" {
  总分 100
  计分单位 0.5
  度量 参与率 百分比
  指标 1 "组织建设" 60 {
    指标 1.1 "章程" 20 {
      档 "完善" 20
      档 "基本完善" 10
      档 "不完善" 0
    }
    指标 1.2 "活动" 20 {
      每 "次活动" 5 最高 20
    }
    指标 1.3 "参与" 20 {
      档 参与率 >= 80% 20
      档 参与率 在 [60%, 80%) 10
      档 参与率 < 60% 0
    }
  }
  指标 2 "财务管理" 40 {
    扣 2 每 "项问题"
  }
  否决 "发生重大违法违规"
  等级 "优秀" 90 以上
  等级 "良好" 在 [75, 90)
  等级 "一般" 在 [0, 75)
}
`;
const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { spawnSync } = await import('node:child_process');
const dir = mkdtempSync(join(tmpdir(), 'rubric-cache-'));
try {
  const sample = join(dir, 'sample.rubric');
  writeFileSync(sample, SAMPLE);
  const bin = new URL('../bin/rubric.js', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [bin, 'check', sample], { env: { ...process.env, RUBRIC_WRITE_CODE_CACHE: '1' }, encoding: 'utf8', timeout: 60_000 });
  // The sample must check without errors: a failure here is a broken CLI, not a missing cache.
  if (r.status !== 0) throw new Error(`rubric check of the sample failed (${r.status}): ${r.stdout}${r.stderr}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
