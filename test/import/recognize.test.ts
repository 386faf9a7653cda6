// Rule recognition on the wordings the issue lists, each giving the construct a person would write.
// Boundaries stay as written (so the checker can report an overlap the document has), caps equal to
// the indicator's points are left to the indicator, and nothing gets points the text does not state.
import { describe, expect, it } from 'vitest';
import { recognize, type Rule } from '@rubric/import';

const only = (text: string, points?: string) => {
  const r = recognize(text, points);
  return { ...r, rules: r.rules.map((x) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'source' ? undefined : v))) as Rule) };
};

describe('rule recognition', () => {
  it('qualitative bands', () => {
    expect(only('好4分，较好3分，一般2分，差0分', '4').rules).toEqual([
      { kind: 'bands', bands: [{ label: '好', points: '4' }, { label: '较好', points: '3' }, { label: '一般', points: '2' }, { label: '差', points: '0' }] },
    ]);
  });
  it('numeric bands with their boundaries as written', () => {
    const r = only('活动参与率：会员参加活动占应参加数的60%以上，得20分；50%～60%，得15分；30%以下，不得分', '20');
    expect(r.rules).toEqual([
      { kind: 'numeric', measure: { name: '参与率', type: 'percent' }, bands: [{ condition: '60% 以上', points: '20' }, { condition: '50%~60%', points: '15' }, { condition: '30% 以下', points: '0' }] },
    ]);
    expect(only('低于50%得5分；不低于50%得10分', '10').rules[0]).toMatchObject({ bands: [{ condition: '< 50%' }, { condition: '>= 50%' }] });
  });
  it('per occurrence, with a cap, without one, and capped by the indicator', () => {
    expect(only('每次得2分，最高4分', '6').rules).toEqual([{ kind: 'per', unit: '次', points: '2', max: '4' }]);
    expect(only('每项2分', '6').rules).toEqual([{ kind: 'per', unit: '项', points: '2' }]);
    expect(only('组织开展培训活动 1 次得 2 分；依次类推，满分为 4 分。', '4').rules).toEqual([{ kind: 'per', unit: '次', points: '2' }]);
    expect(only('每期计2分').rules).toEqual([{ kind: 'per', unit: '期', points: '2' }]);
  });
  it('a count of people is a band, not points per person', () => {
    expect(only('组织3名及以上企业家计10分，组织2名企业家计8分，组织1名企业家计5分').rules[0]).toMatchObject({ kind: 'numeric', bands: [{ condition: '3 以上' }, { condition: '= 2' }, { condition: '= 1' }] });
  });
  it('rates', () => {
    expect(only('会员数量同比每递增1%得0.5分；满分3分', '3').rules).toEqual([{ kind: 'rate', measure: { name: '增长率', type: 'percent' }, step: '1%', points: '0.5', max: '3' }]);
  });
  it('deductions and their floor', () => {
    const r = only('每项扣5分，扣完为止', '10');
    expect(r.rules).toEqual([{ kind: 'deduct', points: '5', unit: '项' }]);
    expect(r.reviews.length).toBe(1);
    expect(only('变更依法办理变更登记（有1项未办理变更扣5分）', '15').rules).toEqual([{ kind: 'deduct', points: '5', unit: '项' }]);
  });
  it('gates', () => {
    const r = only('在规定时间内参加年检，评估前两年（含）任意一年度未按时报送年检报告此项不得分', '5');
    expect(r.rules).toEqual([]);
    expect(r.gates.map((g) => g.text)).toEqual(['评估前两年（含）任意一年度未按时报送年检报告']);
  });
  it('review panel', () => {
    expect(only('创新工作采用评审办法评定确认得分分值', '10').review).toBe(true);
  });
  it('items whose points add up to the indicator become child indicators', () => {
    const r = only('建支部得2分；建团组织、工会各得1分；作用发挥好得2分，一般得1分。', '6');
    expect(r.items.map((i) => [i.title, i.points])).toEqual([['建支部', '2'], ['建团组织', '1'], ['建工会', '1'], ['作用发挥', '2']]);
    expect(r.items[3]!.rules).toMatchObject([{ kind: 'bands', bands: [{ label: '好', points: '2' }, { label: '一般', points: '1' }] }]);
    // The same clauses not adding up to the indicator's points are alternatives.
    expect(only('每季度召开一次会长会议得2分；半年一次得1分。', '2').rules).toMatchObject([{ kind: 'bands', bands: [{ points: '2' }, { points: '1' }] }]);
  });
  it('a requirement without points is read as full marks only with the indicator\'s own points, as a guess', () => {
    const r = only('符合建立党组织条件的设立党组织，无党员得10分', '25');
    expect(r.rules).toMatchObject([{ kind: 'bands', bands: [{ points: '25' }, { label: '无党员', points: '10' }] }]);
    expect(r.reviews.length).toBe(1);
    expect(only('每年参加社会团体活动一次以上的会员比例≥80%', undefined).rules).toEqual([]);
  });
  it('wording it cannot read stays text, marked for review', () => {
    for (const t of ['基本分3分，每增加1项加1分，最高5分', '按情况分别得 3 分、1 分']) {
      const r = only(t, '5');
      expect(r.rules).toEqual([]);
      expect(r.unread).toBe(true);
      expect(r.reviews.length).toBeGreaterThan(0);
    }
  });
});
