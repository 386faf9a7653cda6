// How IR nodes and statements are named in messages.
/** An indicator as people refer to it: `1.1 法人资格`, or its title alone. */
export function label(ind: { code: string | null; title: string }): string {
  return ind.code ? `${ind.code} ${ind.title}` : ind.title;
}

const KEYWORD_OF: Record<string, string> = {
  total: 'Total', step: 'Step', measure: 'Measure', indicator: 'Indicator', standard: 'Standard', method: 'Method',
  note: 'Note', band: 'Band', per: 'Per', rate: 'Rate', deduct: 'Deduct', gate: 'Gate', review: 'Review',
  uncapped: 'Uncapped', veto: 'Veto', bonus: 'Bonus', part: 'Part', grade: 'Grade', use: 'Use', max: 'Max', floor: 'Floor',
  penalty: 'Penalty', base: 'Base', incomplete: 'Incomplete', gradesWithBonus: 'GradesWithBonus', cap: 'Max',
};

/** A statement's keyword as a message argument (`@kw.Band`), rendered in the reader's language. */
export function keywordArg(type: string): string {
  const name = KEYWORD_OF[type];
  return name ? `@kw.${name}` : type;
}
