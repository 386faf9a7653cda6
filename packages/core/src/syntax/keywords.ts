// The keyword table: every keyword once, with its English and Chinese spellings. The lexer, the
// message renderer, completion and the editor grammar are all derived from it. Pure data.

/** A keyword: its token name, English spellings and Chinese spellings. */
export interface KeywordSpec {
  name: string;
  en: string[];
  zh: string[];
  /** Short description for completion and hover. */
  doc: string;
}

export const KEYWORDS: readonly KeywordSpec[] = [
  { name: 'Rubric', en: ['rubric'], zh: ['评估表', '评价表'], doc: 'A rubric: 评估表 "标题" { … }' },
  { name: 'Total', en: ['total'], zh: ['总分'], doc: 'The declared grand total.' },
  { name: 'Step', en: ['step'], zh: ['计分单位'], doc: 'The smallest score step, e.g. 0.5.' },
  { name: 'Measure', en: ['measure'], zh: ['度量'], doc: 'Declares a measured value: 度量 参与率 百分比' },
  { name: 'PercentKind', en: ['percent'], zh: ['百分比'], doc: 'A measure in percent (0%–100% by default).' },
  { name: 'IntegerKind', en: ['integer'], zh: ['整数'], doc: 'A measure counted in whole numbers.' },
  { name: 'NumberKind', en: ['number'], zh: ['数值'], doc: 'A measure with any value.' },
  { name: 'Indicator', en: ['indicator'], zh: ['指标'], doc: 'An indicator: 指标 [编号] "标题" [分值] { … }' },
  { name: 'Standard', en: ['standard'], zh: ['评价标准', '标准'], doc: 'The published standard text.' },
  { name: 'Method', en: ['method'], zh: ['评定方法', '方法'], doc: 'How the indicator is assessed.' },
  { name: 'Note', en: ['note'], zh: ['说明', '备注'], doc: 'Any other text.' },
  { name: 'Band', en: ['band'], zh: ['档'], doc: 'A band: 档 "好" 20, or 档 参与率 >= 60% 20' },
  { name: 'Per', en: ['per'], zh: ['每'], doc: 'Points per occurrence: 每 "次" 10 最高 20' },
  { name: 'Max', en: ['max'], zh: ['最高'], doc: 'A cap.' },
  { name: 'Uncapped', en: ['uncapped'], zh: ['不封顶'], doc: 'Deliberately no cap (多超多得).' },
  { name: 'Rate', en: ['rate'], zh: ['按比例'], doc: 'Points proportional to a measure: 按比例 增长率 每 1% 0.5 最高 3' },
  { name: 'Deduct', en: ['deduct'], zh: ['扣分', '扣'], doc: 'A deduction from full marks: 扣 5 每 "项"' },
  { name: 'Floor', en: ['floor'], zh: ['最低'], doc: 'The lowest score a deduction can reach (default 0).' },
  { name: 'Gate', en: ['gate'], zh: ['不得分'], doc: 'The indicator scores 0 when the condition holds.' },
  { name: 'Review', en: ['review'], zh: ['评审'], doc: 'Scored by a review panel.' },
  { name: 'Veto', en: ['veto'], zh: ['一票否决', '否决'], doc: 'A veto on the whole evaluation (一票否决).' },
  { name: 'When', en: ['when'], zh: ['当'], doc: 'A veto on a computed score: 一票否决 当 工作目标 < 75' },
  { name: 'Bonus', en: ['bonus'], zh: ['加分'], doc: 'Bonus points outside the total.' },
  { name: 'Penalty', en: ['penalty'], zh: ['减分'], doc: 'Points deducted outside the total, the mirror of 加分: 减分 "违规" 20 { 每 "次" 5 }' },
  { name: 'Base', en: ['base'], zh: ['基础分', '基础'], doc: 'Base points before increments: 基础 6 "配备2名" 每 "增加1人" 1 最高 4' },
  { name: 'Incomplete', en: ['incomplete'], zh: ['未列全', '其余略'], doc: 'The listed children are not all of the indicator (a draft, an extract).' },
  { name: 'GradesWithBonus', en: ['gradeswithbonus'], zh: ['等级含加分'], doc: 'Grades apply to the final score, bonus and penalties included (default: the base score).' },
  { name: 'Or', en: ['or'], zh: ['或'], doc: 'Either of two conditions: 档 人均面积 >= 2.5 或 场地数 >= 8 10' },
  { name: 'Part', en: ['part'], zh: ['部分'], doc: 'A weighted part: 部分 名称 "标题" 100 权重 80%' },
  { name: 'Weight', en: ['weight'], zh: ['权重'], doc: 'The weight of a part.' },
  { name: 'Grade', en: ['grade'], zh: ['等级'], doc: 'A grade threshold: 等级 "5A" 950 以上' },
  { name: 'In', en: ['in'], zh: ['在'], doc: 'An interval condition: 在 [50%, 60%)' },
  { name: 'Import', en: ['import'], zh: ['导入'], doc: 'Makes another file’s sections available.' },
  { name: 'Section', en: ['section'], zh: ['章节'], doc: 'A named group of indicators shared across rubrics.' },
  { name: 'Use', en: ['use'], zh: ['使用'], doc: 'Splices a section in place.' },
  { name: 'AtLeastWord', en: [], zh: ['及以上', '以上'], doc: 'The number or more (the number included).' },
  { name: 'AtMostWord', en: [], zh: ['及以下', '以下'], doc: 'The number or less (the number included).' },
  { name: 'GeWord', en: [], zh: ['不低于', '达到'], doc: '≥' },
  { name: 'LeWord', en: [], zh: ['不超过', '不高于'], doc: '≤' },
  { name: 'GtWord', en: [], zh: ['高于', '超过'], doc: '>' },
  { name: 'LtWord', en: [], zh: ['低于'], doc: '<' },
  { name: 'EqWord', en: [], zh: ['等于'], doc: '=' },
];

const BY_NAME = new Map(KEYWORDS.map((k) => [k.name, k]));

/** The keyword with this token name. */
export function keyword(name: string): KeywordSpec | undefined {
  return BY_NAME.get(name);
}
