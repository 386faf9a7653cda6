// Runs a CommonJS bundle (the CLI's dist/rubric.cjs, the language server's dist/server.cjs) through
// V8's code cache, `<bundle>.cache`: compiling a bundle's source was the largest part of their
// start-up after Node's own. Each package's build writes the cache after a sample run (so that it
// holds every function the run compiled, not only the top level), by running the bundle with
// RUBRIC_WRITE_CODE_CACHE=1. When the cache is missing, or V8 refuses it (another Node version, or
// a bundle rebuilt since), the source is compiled as usual; nothing is written at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export const WRITE_CODE_CACHE = 'RUBRIC_WRITE_CODE_CACHE';

/** The rubric the builds' sample runs check: the usual statements, without errors. */
export const SAMPLE = `评估表 "示例" {
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

export function runBundle(bundle: string): void {
  const cacheFile = `${bundle}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(bundle, 'utf8');
  // The wrapper CommonJS gives a module, on the source's first line so that line numbers stay true.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (process.env[WRITE_CODE_CACHE] === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
