// The table's own words (column headers, summary rows, headings), in zh-CN and en. Rules and
// intervals are worded by ir/describe.ts and diagnostics by the message catalog; these are only the
// words a printed table adds around them.
import type { Args } from '../diagnostics.js';
import { renderWith, type Locale } from '../messages/render.js';

export const TABLE_WORDS = {
  'header.indicators': { en: 'Indicators', zh: '评估指标' },
  'header.level': { en: 'Level {n}', zh: '{n}级指标' },
  'header.points': { en: 'Points', zh: '分值' },
  'header.standard': { en: 'Standard', zh: '评价标准' },
  'header.method': { en: 'Method', zh: '评定方法' },
  'header.result': { en: 'Finding', zh: '评估结果' },
  'header.self': { en: 'Self score', zh: '自评得分' },
  'header.score': { en: 'Score', zh: '评估得分' },
  'header.note': { en: 'Notes', zh: '备注' },
  'title.points': { en: '{title} ({n} pts)', zh: '{title}（{n}分）' },
  'title.weight': { en: '{title} ({n} pts, weight {w})', zh: '{title}（{n}分，权重 {w}）' },
  'title.weightOnly': { en: '{title} (weight {w})', zh: '{title}（权重 {w}）' },
  'title.bonus': { en: '{title} (bonus)', zh: '{title}（加分项）' },
  'title.penalty': { en: '{title} (penalty)', zh: '{title}（减分项）' },
  'row.total': { en: 'Total', zh: '总计' },
  'row.weighted': { en: 'Weighted total: {terms}', zh: '综合得分：{terms}' },
  'row.final': { en: 'Total with bonuses', zh: '总得分（含加分）' },
  'row.grade': { en: 'Grade', zh: '评定等级' },
  'input.label': { en: '☐ {label}', zh: '□{label}' },
  'input.count': { en: '___ {unit}', zh: '＿＿{unit}' },
  'input.measure': { en: '{measure}: ___{unit}', zh: '{measure}：＿＿{unit}' },
  'input.gate': { en: '☐ {text}', zh: '□{text}' },
  'input.base': { en: '☐ {text}', zh: '□{text}' },
  'input.basePoints': { en: 'base points ({points})', zh: '基础分（{points}分）' },
  'section.grades': { en: 'Grades', zh: '等级划分' },
  'section.vetoes': { en: 'Vetoes', zh: '一票否决' },
  'section.notes': { en: 'Notes', zh: '说明' },
  'section.problems': { en: 'Problems found by the checker', zh: '检查发现的问题' },
  legend: {
    en: 'Cells marked in red hold a problem found by the checker; Σ beside a subtotal is what its items add up to.',
    zh: '标红的单元格有检查发现的问题；小计旁的 Σ 为其下各项的合计。',
  },
} satisfies Record<string, { en: string; zh: string }>;

export type TableWordId = keyof typeof TABLE_WORDS;

export function tableWord(id: TableWordId, locale: Locale, args: Args = {}): string {
  return renderWith(TABLE_WORDS, id, args, locale);
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `一级指标` … `十级指标`, `Level 1` …; deeper levels in Arabic digits. */
export function levelHeader(level: number, locale: Locale): string {
  const n = locale === 'zh-CN' && level <= 10 ? CHINESE_DIGITS[level]! : String(level);
  return tableWord('header.level', locale, { n });
}
