// Entry point of the `rubric` command (commander). Parses arguments, picks the locale, runs a
// command and exits with its code. Usage errors and internal failures exit with 2.
import { Command, CommanderError, Option } from 'commander';
import { resolveLocale, type Locale } from '@rubric/core';
import { checkCommand, compileCommand, fmtCommand, type Output } from './index.js';
import { UsageError } from './files.js';
import { EXPORT_FORMATS, exportCommand, type ExportFormat } from './export.js';
import { say } from './messages.js';

function envLocale(): string | undefined {
  return process.env['LC_ALL'] || process.env['LC_MESSAGES'] || process.env['LANG'] || undefined;
}

function finish(o: Output): void {
  if (o.out.length > 0) process.stdout.write(`${o.out.join('\n')}\n`);
  if (o.err.length > 0) process.stderr.write(`${o.err.join('\n')}\n`);
  process.exitCode = o.code;
}

function run(locale: Locale, f: () => Output): void {
  try {
    finish(f());
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${say('noSuchPath', { path: e.message }, locale)}\n`);
    } else {
      process.stderr.write(`${say('internal', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, locale)}\n`);
    }
    process.exitCode = 2;
  }
}

const program = new Command('rubric')
  .description('Check and compile evaluation standards written in the rubric language. / 检查并编译评估指标。')
  .addOption(new Option('--lang <locale>', 'message language: zh-CN or en (default: from the environment)'))
  .exitOverride()
  .showHelpAfterError();

const lang = (): Locale => resolveLocale((program.opts()['lang'] as string | undefined) ?? envLocale());

program
  .command('check')
  .description('check rubric files or folders and report errors / 检查评估表')
  .argument('<paths...>', 'files or folders')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action((paths: string[], o: { format: 'text' | 'json' }) => run(lang(), () => checkCommand(paths, { format: o.format, locale: lang() })));

program
  .command('compile')
  .description('compile a rubric to JSON IR / 编译为 JSON')
  .argument('<file>', 'a .rubric file')
  .option('-o, --output <file>', 'write the JSON to this file')
  .action((file: string, o: { output?: string }) => run(lang(), () => compileCommand(file, { ...o, locale: lang() })));

program
  .command('export')
  .description('write the rubric as a table: xlsx, docx, html, pdf or md / 导出评估表')
  .argument('<file>', 'a .rubric file')
  .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
  .option('-o, --output <file>', 'the file to write (default: beside the rubric; - for stdout with html or md)')
  .action((file: string, o: { format: ExportFormat; output?: string }) =>
    exportCommand(file, { ...o, locale: lang() }).then(finish, (e: unknown) => run(lang(), () => { throw e; })),
  );

program
  .command('fmt')
  .description('rewrite files in canonical layout / 规范排版')
  .argument('<paths...>', 'files or folders')
  .option('--check', 'only report files that are not formatted (exit 1)')
  .action((paths: string[], o: { check?: boolean }) => run(lang(), () => fmtCommand(paths, { check: !!o.check, locale: lang() })));

try {
  program.parse(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
