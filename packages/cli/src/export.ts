// `rubric export <rubric> --format xlsx|docx|html|pdf|md [-o file]`: compiles the rubric, builds
// core's table model and writes it with @rubric/export. Without -o
// the file goes beside the rubric with the format's extension; `-o -` writes html or md to stdout.
// A rubric with errors is still exported, its cells marked, with a warning. Exit codes: 0 written,
// 1 written but the rubric has errors, 2 usage or I/O error (nothing written).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { buildTable, compile, renderWith, type Locale } from '@rubric/core';
import { ExportError, exportTable, planFormulas } from '@rubric/export';
import { formatLine, type Output } from './commands.js';
import { display, hostFor, UsageError } from './files.js';

export const EXPORT_FORMATS = ['xlsx', 'docx', 'html', 'pdf', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const WORDS = {
  written: { en: 'wrote {path}', zh: '已写入 {path}' },
  hasErrors: {
    en: 'warning: the rubric has {errors} error(s); it was exported with the cells concerned marked in red.',
    zh: '警告：评估表有 {errors} 个错误，已照常导出，有问题的单元格已标红。',
  },
  noRubric: { en: '{file} holds no rubric (only sections); nothing to export.', zh: '{file} 中没有评估表（只有章节），无可导出内容。' },
  notAFile: { en: '{path} is a folder; export takes one rubric file.', zh: '{path} 是文件夹；导出需要指定一个评估表文件。' },
  binaryToStdout: { en: '{format} is a binary format and cannot be written to the terminal; use -o <file>.', zh: '{format} 是二进制格式，不能输出到终端；请用 -o 指定文件。' },
  cannotWrite: { en: 'cannot write {path}: {error}', zh: '无法写入 {path}：{error}' },
} satisfies Record<string, { en: string; zh: string }>;

function say(id: keyof typeof WORDS, args: Record<string, string | number>, locale: Locale): string {
  return renderWith(WORDS, id, args, locale);
}

export interface ExportOptions {
  format: ExportFormat;
  output?: string;
  locale: Locale;
}

export async function exportCommand(file: string, opts: ExportOptions): Promise<Output> {
  let isDir: boolean;
  try {
    isDir = statSync(file).isDirectory();
  } catch {
    throw new UsageError(file);
  }
  if (isDir) return { out: [], err: [say('notAFile', { path: display(file) }, opts.locale)], code: 2 };
  const path = display(file);
  const result = compile(path, hostFor(path));
  if (!result.rubric || !hasRubricDecl(result)) {
    return { out: [], err: [...result.diagnostics.map((d) => formatLine(d, opts.locale)), say('noRubric', { file: path }, opts.locale)], code: 2 };
  }
  const target = opts.output ?? join(dirname(path), `${basename(path, extname(path))}.${opts.format}`);
  const toStdout = target === '-';
  if (toStdout && opts.format !== 'html' && opts.format !== 'md') {
    return { out: [], err: [say('binaryToStdout', { format: opts.format }, opts.locale)], code: 2 };
  }

  const table = buildTable(result.rubric, result.diagnostics, opts.locale);
  let data: Uint8Array | string;
  try {
    // The form computes the score of every leaf that follows from its 评估结果 (core's score plan).
    data = await exportTable(table, opts.format, { xlsx: { leafScoreFormula: planFormulas(result.rubric, table) } });
  } catch (e) {
    if (e instanceof ExportError) return { out: [], err: [e.render(opts.locale)], code: 2 };
    throw e;
  }

  const err = result.diagnostics.map((d) => formatLine(d, opts.locale));
  const out: string[] = [];
  if (toStdout) out.push(String(data).trimEnd());
  else {
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
      return { out: [], err: [...err, say('cannotWrite', { path: target, error: reason }, opts.locale)], code: 2 };
    }
    err.push(say('written', { path: display(target) }, opts.locale));
  }
  if (table.errors > 0) err.push(say('hasErrors', { errors: table.errors }, opts.locale));
  return { out, err, code: table.errors > 0 ? 1 : 0 };
}

/** Whether the entry file declares a rubric (a file of sections alone compiles to an untitled, empty one). */
function hasRubricDecl(result: ReturnType<typeof compile>): boolean {
  const entry = result.files[0];
  return !!entry && entry.parse.ast.decls.some((d) => d.type === 'rubric');
}
