// Entry point of the `rubric` command (commander). Parses arguments, picks the locale, runs a
// command and exits with its code. Usage errors and internal failures exit with 2.
import { Command, CommanderError, Option } from 'commander';
import { resolveLocale, type Locale } from '@rubric/core';
import { SingleBar } from 'cli-progress';
import { checkCommand, compileCommand, fmtCommand, importCommand, scoreCommand, templateCommand, testCommand, type Output } from './index.js';
import { UsageError } from './files.js';
import { EXPORT_FORMATS, exportCommand, type ExportFormat } from './export.js';
import { say } from './messages.js';

function envLocale(): string | undefined {
  return process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || undefined;
}

// A reader that goes away (`rubric check … | head -1`) is not a failure of the command: stop writing
// and exit with the status the command already decided.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw e;
});

function finish(o: Output): void {
  process.exitCode = o.code;
  if (o.out.length > 0) process.stdout.write(`${o.out.join('\n')}\n`);
  if (o.err.length > 0) process.stderr.write(`${o.err.join('\n')}\n`);
}

function run(locale: Locale, f: () => Output): void {
  try {
    finish(f());
  } catch (e) {
    fail(locale, e);
  }
}

async function runAsync(locale: Locale, f: () => Promise<Output>): Promise<void> {
  try {
    finish(await f());
  } catch (e) {
    fail(locale, e);
  }
}

function fail(locale: Locale, e: unknown): void {
  if (e instanceof UsageError) {
    process.stderr.write(`${say('noSuchPath', { path: e.message }, locale)}\n`);
  } else {
    process.stderr.write(`${say('internal', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, locale)}\n`);
  }
  process.exitCode = 2;
}

const program = new Command('rubric')
  .description('Check and compile evaluation standards written in the rubric language. / 检查并编译评估指标。')
  .addOption(new Option('--lang <locale>', 'message language: zh-CN or en (default: from the environment)'))
  .exitOverride()
  .showHelpAfterError();

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const ALLOW_IMPORTS = 'also allow imports from this folder (repeatable; by default imports stay inside the folders checked)';

const lang = (): Locale => resolveLocale((program.opts()['lang'] as string | undefined) ?? envLocale());

program
  .command('check')
  .description('check rubric files or folders and report errors / 检查评估表')
  .argument('<paths...>', 'files or folders')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--allow-imports <folder>', ALLOW_IMPORTS, collect, [])
  .action((paths: string[], o: { format: 'text' | 'json'; allowImports: string[] }) =>
    run(lang(), () => checkCommand(paths, { format: o.format, locale: lang(), allowImports: o.allowImports })),
  );

program
  .command('compile')
  .description('compile a rubric to JSON IR / 编译为 JSON')
  .argument('<file>', 'a .rubric file')
  .option('-o, --output <file>', 'write the JSON to this file')
  .option('--pretty', 'indent the JSON for people (default: compact) / 缩进输出，便于阅读（默认紧凑）')
  .option('--allow-imports <folder>', ALLOW_IMPORTS, collect, [])
  .action((file: string, o: { output?: string; pretty?: boolean; allowImports: string[] }) => run(lang(), () => compileCommand(file, { ...o, locale: lang() })));

program
  .command('import')
  .description('read a Word/Excel/text/HTML evaluation table into a draft rubric and check it / 从 Word、Excel 导入评估表')
  .argument('<file>', 'a .docx, .xlsx, .txt or .html file')
  .option('-o, --output <path>', 'the draft file, or a folder (several tables: name-1.rubric, name-2.rubric…)')
  .option('--force', 'overwrite existing drafts')
  .action((file: string, o: { output?: string; force?: boolean }) => runAsync(lang(), () => importCommand(file, { ...o, locale: lang() })));

program
  .command('export')
  .description('write the rubric as a table: xlsx, docx, html, pdf or md / 导出评估表')
  .argument('<file>', 'a .rubric file')
  .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
  .option('-o, --output <file>', 'the file to write (default: beside the rubric; - for stdout with html or md)')
  .action((file: string, o: { format: ExportFormat; output?: string }) =>
    runAsync(lang(), () => exportCommand(file, { ...o, locale: lang() })),
  );

program
  .command('fmt')
  .description('rewrite files in canonical layout / 规范排版')
  .argument('<paths...>', 'files or folders')
  .option('--check', 'only report files that are not formatted (exit 1)')
  .action((paths: string[], o: { check?: boolean }) => run(lang(), () => fmtCommand(paths, { check: !!o.check, locale: lang() })));

program
  .command('score')
  .description('score assessments against a rubric / 按评估表评分')
  .argument('<rubric>', 'a .rubric file')
  .argument('<assessments...>', 'assessment files (.json, .csv, or an .xlsx form from export) or folders of them')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--explain', 'explain every point, as an indented tree')
  .option('--rubric <title>', 'the rubric to use when the file holds several')
  .option('-o, --output <file>', 'write the results to a .json or .csv file')
  .action((rubric: string, assessments: string[], o: { format: 'text' | 'json'; explain?: boolean; rubric?: string; output?: string }) =>
    runAsync(lang(), () => {
      // A progress bar on a terminal only, for batches.
      const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, clearOnComplete: true, hideCursor: true, format: '{bar} {value}/{total}' }) : undefined;
      let started = false;
      const progress = (done: number, total: number) => {
        if (!bar || total < 2) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
        if (done === total) bar.stop();
      };
      return scoreCommand(rubric, assessments, { format: o.format, explain: !!o.explain, locale: lang(), progress, ...(o.rubric ? { rubric: o.rubric } : {}), ...(o.output ? { output: o.output } : {}) });
    }),
  );

program
  .command('template')
  .description('write the blank assessment form of a rubric / 生成评估记录模板')
  .argument('<rubric>', 'a .rubric file')
  .addOption(new Option('--format <format>', 'form format (xlsx: the Excel form, as export writes it)').choices(['json', 'csv', 'xlsx']).default('json'))
  .option('--rubric <title>', 'the rubric to use when the file holds several')
  .option('-o, --output <file>', 'write the form to this file')
  .action((rubric: string, o: { format: 'json' | 'csv' | 'xlsx'; rubric?: string; output?: string }) =>
    runAsync(lang(), () => templateCommand(rubric, { format: o.format, locale: lang(), ...(o.rubric ? { rubric: o.rubric } : {}), ...(o.output ? { output: o.output } : {}) })),
  );

program
  .command('test')
  .description("run rubrics' example assessments (<name>.tests.jsonc) / 运行评估表测试")
  .argument('[paths...]', 'rubric files or folders (default: the current folder)')
  .action((paths: string[]) => run(lang(), () => testCommand(paths, { locale: lang() })));

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
});
