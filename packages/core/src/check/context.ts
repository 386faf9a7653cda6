// What every check receives: the rubric IR and the bag to report into, plus helpers shared by checks.
import type { Decimal } from '../decimal.js';
import type { Args, DiagnosticBag, DiagnosticIndicator, Fix, Related } from '../diagnostics.js';
import { allIndicators, indicatorOf, titlePaths } from '../ir/walk.js';
import type { IndicatorIR, RubricIR, SrcRange } from '../ir/model.js';
import type { Code } from '../messages/catalog.js';

export class CheckContext {
  constructor(
    readonly rubric: RubricIR,
    private readonly bag: DiagnosticBag,
  ) {}

  report(code: Code, at: SrcRange, args: Args, extra: { indicator?: IndicatorIR; related?: Related[]; fix?: Fix } = {}): void {
    const e: { indicator?: DiagnosticIndicator; related?: Related[]; fix?: Fix } = {};
    if (extra.indicator) {
      this.paths ??= titlePaths(this.rubric);
      e.indicator = indicatorOf(extra.indicator, this.paths.get(extra.indicator) ?? [extra.indicator.title]);
    }
    if (extra.related) e.related = extra.related;
    if (extra.fix) e.fix = extra.fix;
    this.bag.add(code, at.file, { start: at.start, end: at.end }, args, e);
  }

  private cached: IndicatorIR[] | undefined;
  private paths: Map<IndicatorIR, string[]> | undefined;

  /** Every indicator of the rubric (parts, indicators, bonuses and their descendants), parents first. */
  all(): IndicatorIR[] {
    return (this.cached ??= allIndicators(this.rubric));
  }

  /** A fix that replaces the text at `at` with `value`. */
  setFix(id: 'fix.setPoints' | 'fix.setTotal', at: SrcRange, value: Decimal): Fix {
    return { message: { id, args: { value: value.toString() } }, edits: [{ file: at.file, range: { start: at.start, end: at.end }, newText: value.toString() }] };
  }
}

export type Check = (ctx: CheckContext) => void;
