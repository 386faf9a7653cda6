// Words only the spreadsheet and the document add (sheet names, the columns of the subtotal sheet
// and the grade table, input prompts), in zh-CN and en. The table's own words come from core.
import { renderWith, type Args, type Locale } from '@rubric/core';

export const EXPORT_WORDS = {
  'sheet.table': { en: 'Rubric', zh: '评估表' },
  'sheet.subtotals': { en: 'Subtotals', zh: '各级小计' },
  'sheet.lists': { en: 'Lists', zh: '选项' },
  'subtotals.title': { en: 'Subtotals of {title}', zh: '{title} 各级小计' },
  'subtotals.indicator': { en: 'Indicator', zh: '指标' },
  'subtotals.points': { en: 'Points', zh: '分值' },
  'subtotals.self': { en: 'Self subtotal', zh: '自评小计' },
  'subtotals.score': { en: 'Score subtotal', zh: '评估小计' },
  'subtotals.check': { en: 'Check', zh: '核对' },
  'grades.name': { en: 'Grade', zh: '等级' },
  'grades.condition': { en: 'Condition', zh: '条件' },
  'grades.low': { en: 'From', zh: '下限' },
  'grades.high': { en: 'To', zh: '上限' },
  'prompt.score': { en: 'Score', zh: '得分' },
  'prompt.range': { en: '{min} to {max} points, in steps of {step}.', zh: '{min}～{max} 分，计分单位 {step}。' },
  'prompt.from': { en: 'At least {min} points, in steps of {step}.', zh: '不低于 {min} 分，计分单位 {step}。' },
  'prompt.label': { en: 'Choose one of the bands.', zh: '请选择档次。' },
  'prompt.count': { en: 'Number of {unit} (a whole number, 0 or more).', zh: '{unit}数（0 或正整数）。' },
  'prompt.measure': { en: '{measure}: {range}', zh: '{measure}：{range}' },
  'prompt.gate': { en: 'Does this hold: {text}?', zh: '是否出现：{text}？' },
  'prompt.base': { en: 'Are the base points met: {text}?', zh: '是否达到基础分要求：{text}？' },
  'prompt.veto': { en: 'Does this veto apply: {text}?', zh: '是否出现此否决情形：{text}？' },
  'prompt.inputs': { en: 'Record: {list}', zh: '请填写：{list}' },
  'error.title': { en: 'Not allowed', zh: '输入有误' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  page: { en: 'Page &P of &N', zh: '第 &P 页，共 &N 页' },
} satisfies Record<string, { en: string; zh: string }>;

export type ExportWordId = keyof typeof EXPORT_WORDS;

export function exportWord(id: ExportWordId, locale: Locale, args: Args = {}): string {
  return renderWith(EXPORT_WORDS, id, args, locale);
}
