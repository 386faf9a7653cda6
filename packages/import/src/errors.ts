// The importer's own coded errors. They are data (a code and arguments) rendered late in zh-CN or en,
// like core's diagnostics; the codes are stable and meant to move into core's catalog (RUB5xx).
import type { Locale } from '@rubric/core';

export type ImportErrorCode =
  | 'IMP001'
  | 'IMP002'
  | 'IMP003'
  | 'IMP004'
  | 'IMP005'
  | 'IMP006'
  | 'IMP007';

interface Entry {
  'zh-CN': string;
  en: string;
}

/** Every importer error, with its message in both languages. `{name}` is replaced by an argument. */
export const IMPORT_ERRORS: Record<ImportErrorCode, Entry> = {
  IMP001: {
    'zh-CN': '不支持的文件类型“{ext}”：请使用 .docx、.xlsx、.txt 或 .html 文件',
    en: 'Unsupported file type "{ext}": use a .docx, .xlsx, .txt or .html file',
  },
  IMP002: {
    'zh-CN': '无法读取文件“{file}”：文件已损坏或不是有效的 {format} 文件（{detail}）',
    en: 'Cannot read "{file}": the file is damaged or not a valid {format} file ({detail})',
  },
  IMP003: {
    'zh-CN': '文件“{file}”已加密（设置了打开密码）：请在 Word/Excel 中取消密码后另存，再导入',
    en: '"{file}" is encrypted (it has an open password): remove the password in Word/Excel, save it again and import that copy',
  },
  IMP004: {
    'zh-CN': '文件“{file}”是旧版 Word/Excel 格式（.doc/.xls）：请在 Word/Excel 中“另存为” .docx 或 .xlsx 后再导入',
    en: '"{file}" is in the old Word/Excel format (.doc/.xls): use "Save as" .docx or .xlsx in Word/Excel and import that copy',
  },
  IMP005: {
    'zh-CN': '文件“{file}”中没有文字',
    en: '"{file}" contains no text',
  },
  IMP006: {
    'zh-CN': '文件“{file}”中没有找到评估表：既没有带表头（如“指标”“分值”）的表格，也没有写明分值（“计N分”“得N分”）的条目',
    en: 'No evaluation table found in "{file}": no table with a header such as 指标/分值, and no items that state points (计N分, 得N分)',
  },
  IMP007: {
    'zh-CN': '无法写入“{file}”：{detail}',
    en: 'Cannot write "{file}": {detail}',
  },
};

/** Other texts of the importer (summary lines), rendered like the errors. */
export const IMPORT_TEXTS = {
  wrote: { 'zh-CN': '已写出草稿：{file}（{title}）', en: 'Draft written: {file} ({title})' },
  summary: {
    'zh-CN': '识别 {indicators} 个指标，{rules} 条计分规则；{reviews} 处需要人工确认（草稿中标有“待确认”）',
    en: '{indicators} indicators and {rules} scoring rules recognised; {reviews} places to confirm (marked “待确认” in the draft)',
  },
  exists: {
    'zh-CN': '“{file}”已存在：请用 -o 指定其他文件名，或加 --force 覆盖',
    en: '"{file}" already exists: choose another name with -o, or overwrite it with --force',
  },
} satisfies Record<string, Entry>;

export function renderImportText(id: keyof typeof IMPORT_TEXTS, args: Record<string, string | number>, locale: Locale): string {
  return IMPORT_TEXTS[id][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
}

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly args: Record<string, string>,
  ) {
    super(`${code} ${JSON.stringify(args)}`);
    this.name = 'ImportError';
  }
}

export function renderImportError(e: ImportError, locale: Locale): string {
  const template = IMPORT_ERRORS[e.code][locale];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => e.args[k] ?? `{${k}}`);
}
