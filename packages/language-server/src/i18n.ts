// Words the server itself shows (hover headings, inlay-hint tooltips, outline details, rename
// errors), in zh-CN and en. Diagnostic messages and fix titles come from core's catalog instead.
import type { Locale } from '@rubric/core';

const WORDS = {
  indicator: { zh: '指标', en: 'indicator' },
  part: { zh: '部分', en: 'part' },
  bonus: { zh: '加分项', en: 'bonus' },
  penalty: { zh: '减分项', en: 'penalty' },
  section: { zh: '章节', en: 'section' },
  use: { zh: '使用', en: 'use' },
  declared: { zh: '标明分值', en: 'Declared points' },
  childrenSum: { zh: '下级合计', en: 'Children add up to' },
  reach: { zh: '可得分', en: 'Reachable' },
  rules: { zh: '计分规则', en: 'Scoring' },
  standard: { zh: '评价标准', en: 'Standard' },
  method: { zh: '评定方法', en: 'Method' },
  note: { zh: '说明', en: 'Note' },
  weight: { zh: '权重', en: 'Weight' },
  none: { zh: '未标明', en: 'not declared' },
  unbounded: { zh: '不封顶', en: 'no cap' },
  sumHint: { zh: '下级指标合计 {n} 分', en: 'The children add up to {n}' },
  totalHint: { zh: '各项合计 {n} 分', en: 'The top level adds up to {n}' },
  mismatch: { zh: '与标明的 {n} 分不一致', en: 'differs from the declared {n}' },
  badName: { zh: '“{name}”不是合法的名称：名称由中文、字母、数字和 _ 组成，不以数字开头，也不能是关键字。', en: '“{name}” is not a valid name: use Chinese or Latin letters, digits and _, not starting with a digit, and not a keyword.' },
  badCode: { zh: '“{name}”不是合法的编号，编号形如 1、1.2、1.2.3。', en: '“{name}” is not a valid code; codes look like 1, 1.2, 1.2.3.' },
  badTitle: { zh: '标题不能为空，也不能包含引号或换行。', en: 'A title cannot be empty or contain quotes or line breaks.' },
  cannotRename: { zh: '此处没有可以重命名的名称。', en: 'There is nothing to rename here.' },
  explain: { zh: '说明', en: 'Explanation' },
  bad: { zh: '错误示例', en: 'Wrong' },
  good: { zh: '正确示例', en: 'Right' },
  severity_error: { zh: '错误', en: 'error' },
  severity_warning: { zh: '警告', en: 'warning' },
  severity_info: { zh: '提示', en: 'info' },
} satisfies Record<string, { zh: string; en: string }>;

export type Word = keyof typeof WORDS;

export function t(word: Word, locale: Locale, args: Record<string, string> = {}): string {
  const w = WORDS[word];
  const text = locale === 'en' ? w.en : w.zh;
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => args[k] ?? whole);
}
