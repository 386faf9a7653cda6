// Misspelled keywords. A word the parser could not use where a keyword was possible (制表 for 指标,
// 挡 for 档, 评价表准 for 评价标准, 一票否绝 for 一票否决, Indicator for indicator) is compared with
// the spellings of the keyword table (keywords.ts): an edit distance in which swapping a character
// for one a Chinese input method offers for the same syllable, or one that looks alike, costs half.
// Pure data and arithmetic; the parser's recovery (recovery.ts) decides where to ask.
import { editDistance } from '../edit-distance.js';
import { KEYWORDS } from './keywords.js';

/**
 * Characters that are easily typed for one another: each string is one syllable's candidates in a
 * pinyin input method (tones aside), or characters that look alike. Only groups holding a character
 * of a Chinese keyword are needed.
 */
const CONFUSABLE: readonly string[] = [
  '评平凭屏瓶苹', '估古固故顾鼓', '表标', '价加家假架佳', '总纵综宗', '分份纷粉奋',
  '计记纪技及级极集基机积绩', '单担丹但', '位为未维卫围伟味', '度渡读独', '量两亮辆良', '百白佰摆',
  '比笔必币毕彼', '整正证政争', '数树术书属', '值指直职植执制只止知支至志质治', '准淮', '定订顶丁',
  '方房放访防', '法发罚', '说硕', '明名命', '备被倍背贝', '注住助主著', '档挡当党', '每美没梅妹',
  '最罪醉', '高搞告稿', '不部步布补', '封风丰峰', '顶项', '按安案岸', '例力利立里历理', '列烈裂猎',
  '扣口', '低底地的第抵', '得的德地', '审申深神身', '一以已依意易', '票漂飘', '决绝觉', '减简件见间建',
  '础出处初除', '全权泉', '余于与鱼语雨', '略掠', '等登灯', '含喊汉寒', '或获活火', '重中种众',
  '在再载', '导到道倒', '入如', '章张涨', '节结接街届', '使是事式市始适试', '用永勇', '上尚', '下夏',
  '达答打大', '超抄潮', '过国果',
];

const GROUPS = new Map<string, Set<number>>();
CONFUSABLE.forEach((group, i) => {
  for (const c of group) {
    const s = GROUPS.get(c) ?? new Set<number>();
    s.add(i);
    GROUPS.set(c, s);
  }
});

/** What replacing character `a` by `b` costs: 0 for the same letter in another case, ½ for a
 * homophone or a look-alike, else 1. */
function substitution(a: string, b: string): number {
  if (a === b) return 0;
  if (a.toLowerCase() === b.toLowerCase()) return 0;
  const ga = GROUPS.get(a);
  const gb = GROUPS.get(b);
  if (ga && gb) for (const g of ga) if (gb.has(g)) return 0.5;
  return 1;
}

/** How far a word of `n` characters may be from a keyword and still be taken for a slip of it:
 * one homophone in a one-character keyword (挡 for 档), two in a two-character one (制表 for 指标). */
function tolerance(n: number): number {
  return n <= 1 ? 0.5 : n === 2 ? 1 : n <= 5 ? 1.5 : n / 3;
}

export interface Slip {
  /** The keyword's token name. */
  name: string;
  /** The spelling the word was meant to be, in the word's own script. */
  spelling: string;
  distance: number;
}

/**
 * The keyword `word` is most likely a slip for, among the keywords named in `candidates` (token
 * names); undefined when none is close enough, or two different keywords are equally close.
 */
export function keywordSlip(word: string, candidates: Iterable<string>): Slip | undefined {
  const allowed = new Set(candidates);
  let best: Slip | undefined;
  let tie = false;
  for (const k of KEYWORDS) {
    if (!allowed.has(k.name)) continue;
    for (const spelling of [...k.zh, ...k.en]) {
      if (spelling === word) return undefined;
      const d = editDistance(word, spelling, substitution);
      if (d > tolerance(Math.max([...word].length, [...spelling].length))) continue;
      if (!best || d < best.distance) {
        best = { name: k.name, spelling, distance: d };
        tie = false;
      } else if (d === best.distance && k.name !== best.name) tie = true;
    }
  }
  return tie ? undefined : best;
}
