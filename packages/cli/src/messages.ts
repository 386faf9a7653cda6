// The command line's own words, in zh-CN and en. Diagnostics and labels come from core's catalog;
// these are the lines only the CLI prints. Rendered with core's renderer, so `@` arguments work here too.
import { renderWith, type Args, type Locale } from '@rubric/core';

export const CLI_MESSAGES = {
  summary: { en: '{errors} error(s), {warnings} warning(s) in {files} file(s).', zh: '共 {files} 个文件：{errors} 个错误，{warnings} 个警告。' },
  noRubric: { en: '{file} holds no rubric (only sections); nothing to compile.', zh: '{file} 中没有评估表（只有章节），无可编译内容。' },
  noSuchPath: { en: 'No such file or folder: {path}', zh: '找不到文件或文件夹：{path}' },
  internal: { en: 'Internal error: {error}', zh: '内部错误：{error}' },
  wouldFormat: { en: '{file} is not formatted', zh: '{file} 未按规范排版' },
  formatted: { en: 'formatted {file}', zh: '已排版 {file}' },
  emptyFolder: { en: 'No .rubric file in {path}', zh: '{path} 中没有 .rubric 文件' },
  oneFile: { en: 'compile takes one file; {path} holds {count} .rubric files', zh: 'compile 只编译一个文件；{path} 中有 {count} 个 .rubric 文件' },
  outputIsSource: { en: 'The output {path} is a file this rubric is read from; choose another output file', zh: '输出文件 {path} 是本评估表的源文件；请另选输出文件' },
  cannotWrite: { en: 'Cannot write {path}: {reason}', zh: '无法写入 {path}：{reason}' },
  batchError: { en: 'not scored: the assessment has errors', zh: '未评分：评估记录有错误' },
  selfScores: { en: '{name} (self-assessed scores)', zh: '{name}（自评得分）' },
  vetoed: { en: 'vetoed', zh: '一票否决' },
  incomplete: { en: 'not complete', zh: '未填全' },
  'summary.count': { en: '{scored} of {n} assessments scored.', zh: '共 {n} 份评估记录，已评分 {scored} 份。' },
  'summary.grade': { en: '{grade}: {n}', zh: '{grade}：{n} 个' },
  'summary.vetoed': { en: 'vetoed: {n}', zh: '一票否决：{n} 个' },
  'summary.incomplete': { en: 'not complete: {n}', zh: '未填全：{n} 个' },
  testSummary: { en: '{passed} passed, {failed} failed.', zh: '通过 {passed} 个，失败 {failed} 个。' },
} satisfies Record<string, { en: string; zh: string }>;

export type CliMessage = keyof typeof CLI_MESSAGES;

export function say(id: CliMessage, args: Args, locale: Locale): string {
  return renderWith(CLI_MESSAGES, id, args, locale);
}
