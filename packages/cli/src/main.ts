// Entry point of the `rubric` command (commander). Parses arguments, picks the locale, runs a
// command and exits with its code. Usage errors and internal failures exit with 2.
import { Command, CommanderError, Option } from 'commander';
import { resolveLocale, renderRef, type Locale } from '@rubric/core';
import { checkCommand, compileCommand, fmtCommand, type Output } from './index.js';
import { UsageError } from './files.js';

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
    if (e instanceof UsageError) {
      process.stderr.write(`${renderRef({ id: 'cli.noSuchPath', args: { path: e.message } }, locale)}\n`);
    } else {
      process.stderr.write(`${renderRef({ id: 'cli.internal', args: { error: e instanceof Error ? (e.stack ?? e.message) : String(e) } }, locale)}\n`);
    }
    process.exitCode = 2;
  }
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
  .option('--allow-imports <folder>', ALLOW_IMPORTS, collect, [])
  .action((file: string, o: { output?: string; allowImports: string[] }) => run(lang(), () => compileCommand(file, { ...o, locale: lang() })));

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
