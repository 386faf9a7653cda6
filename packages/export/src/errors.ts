// Errors of the exporters that are not about the rubric: a coded message in zh-CN and en, rendered
// late like every message of the project. Writers throw ExportError; the CLI prints its message.
import { renderWith, type Args, type Locale } from '@rubric/core';

export const EXPORT_MESSAGES = {
  EXP001: {
    en: 'Chromium was not found, so no PDF can be printed. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM to its path.',
    zh: '找不到 Chromium 浏览器，无法生成 PDF。请先安装（Debian/Ubuntu：sudo apt-get install chromium），或将环境变量 CHROMIUM 设为其路径。',
  },
  EXP002: {
    en: 'Chromium ({path}) failed to print the PDF: {detail}',
    zh: 'Chromium（{path}）生成 PDF 失败：{detail}',
  },
} satisfies Record<string, { en: string; zh: string }>;

export type ExportCode = keyof typeof EXPORT_MESSAGES;

export class ExportError extends Error {
  constructor(
    readonly code: ExportCode,
    readonly args: Args = {},
  ) {
    super(`${code} ${renderWith(EXPORT_MESSAGES, code, args, 'en')}`);
  }

  render(locale: Locale): string {
    return `${this.code}: ${renderWith(EXPORT_MESSAGES, this.code, this.args, locale)}`;
  }
}
