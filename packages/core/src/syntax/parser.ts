// The grammar of the rubric language, on two Chevrotain parsers (see `grammar`). A file is read first
// by the one that builds the AST in the grammar's actions, without a CST (`parseDirect`); a file with
// a syntax error is read by the other, which builds a CST with error recovery, so a syntax error
// produces a partial CST (with missing children) plus an error, and parsing goes on; build-ast.ts
// tolerates the gaps. No arithmetic here.
import {
  CstParser,
  EmbeddedActionsParser,
  LLkLookaheadStrategy,
  type IParserConfig,
  type CstNode,
  type ILookaheadStrategy,
  type IRecognitionException,
  type IToken,
  type ITokenGrammarPath,
  type TokenType,
} from 'chevrotain';
import type { Range } from '../source.js';
import type * as A from './ast.js';
import type { AstBuilder } from './build-ast.js';
import { SYNTAX_MESSAGES } from './errors.js';
import * as T from './tokens.js';

const MAX_LOOKAHEAD = 3;

/**
 * Chevrotain's own LL(k) lookahead, each function built when its place of the grammar is first
 * reached rather than all of them when the parser is built: building them all was most of the
 * parser's start-up, and a file uses only some. The functions are the same, so is the parse.
 */
function lazyLookahead(): ILookaheadStrategy {
  const llk = new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD });
  return {
    validate: (o) => llk.validate(o),
    buildLookaheadForAlternation(o) {
      let f: ((alts?: Parameters<ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>>[0]) => number | undefined) | undefined;
      return function (this: unknown, alts) {
        return (f ??= llk.buildLookaheadForAlternation(o)).call(this, alts);
      };
    },
    buildLookaheadForOptional(o) {
      let f: (() => boolean) | undefined;
      return function (this: unknown) {
        return (f ??= llk.buildLookaheadForOptional(o)).call(this);
      };
    },
  };
}

type Statement = A.Statement | undefined;
/** What the grammar's actions build with: the AST builder of the file being parsed. */
interface Building {
  b: AstBuilder;
}

/**
 * The grammar, on either of Chevrotain's parser classes. On CstParser (`RubricParser`) it builds a
 * CST, with error recovery, which build-ast.ts turns into the AST. On EmbeddedActionsParser
 * (`DirectParser`) its actions build the AST as the parse goes, with no CST and no recovery: a file
 * without syntax errors is read that way, and any error sends the file to the first. Both run the same
 * rules, so they make the same decisions; the actions call the AST builder's own pieces, and a test
 * compares the two ASTs on every seed, fixture and generated file.
 */
function grammar(Base: typeof EmbeddedActionsParser) {
  abstract class Grammar extends Base {
    /** True on the parser that builds the AST in its actions. */
    protected abstract readonly direct: boolean;
    /** The AST builder of the current parse (direct parser only). */
    building: Building | undefined;

    /** Runs `f` in the direct parser, after the rule's tokens are read; nothing in the other. */
    protected act<R>(f: (b: AstBuilder) => R): R {
      return (this.direct ? this.ACTION(() => f(this.building!.b)) : undefined) as R;
    }
    /** The statement's range and its keyword's, once the statement's last token is read. */
    protected base(b: AstBuilder, kw: IToken): { range: Range; keyword: Range } {
      const keyword = b.tokRange(kw);
      return { range: b.extend(keyword, this.LA(0)), keyword };
    }

    /**
     * The tokens that may follow a place of the grammar, which in-rule recovery asks for at every
     * syntax error. Chevrotain computes them by walking the grammar from the top rule each time
     * (about 0.1 ms); they depend only on the place, so they are computed once per place. A file of
     * tens of thousands of syntax errors then parses in time proportional to its length.
     */
    private readonly follows = new Map<string, TokenType[]>();
    protected override getNextPossibleTokenTypes(path: ITokenGrammarPath): TokenType[] {
      const key = `${path.ruleStack.join(',')}|${path.occurrenceStack.join(',')}|${path.lastTok.name}|${path.lastTokOccurrence}`;
      let hit = this.follows.get(key);
      if (!hit) this.follows.set(key, (hit = super.getNextPossibleTokenTypes(path)));
      return hit;
    }

    file = this.RULE('file', (): A.TopDecl[] => {
      const decls: A.TopDecl[] = [];
      this.MANY(() => {
        const d = this.OR([
          { ALT: () => this.SUBRULE(this.importDecl) },
          { ALT: () => this.SUBRULE(this.sectionDecl) },
          { ALT: () => this.SUBRULE(this.rubricDecl) },
        ]);
        this.act(() => decls.push(d));
      });
      return decls;
    });

    importDecl = this.RULE('importDecl', (): A.TopDecl => {
      const kw = this.CONSUME(T.Import);
      const text = this.CONSUME(T.TextToken, { LABEL: 'text' });
      return this.act((b) => {
        const d: A.ImportDecl = { type: 'import', ...this.base(b, kw) };
        const p = b.text(text);
        if (p) d.path = p;
        return d;
      });
    });

    sectionDecl = this.RULE('sectionDecl', (): A.TopDecl => {
      const kw = this.CONSUME(T.Section);
      const title = this.CONSUME(T.TitleToken, { LABEL: 'title' });
      const body = this.SUBRULE(this.block);
      return this.act((b) => {
        const d: A.SectionDecl = { type: 'section', ...this.base(b, kw) };
        const t = b.title(title);
        if (t) d.name = t;
        d.body = body;
        return d;
      });
    });

    rubricDecl = this.RULE('rubricDecl', (): A.TopDecl => {
      const kw = this.CONSUME(T.Rubric);
      const title = this.CONSUME(T.TitleToken, { LABEL: 'title' });
      const body = this.SUBRULE(this.block);
      return this.act((b) => {
        const d: A.RubricDecl = { type: 'rubric', ...this.base(b, kw) };
        const t = b.title(title);
        if (t) d.title = t;
        d.body = body;
        return d;
      });
    });

    // Statements are direct children of the block (no wrapper node per statement); the AST builder
    // restores their order from offsets.
    block = this.RULE('block', (): A.Block => {
      const open = this.CONSUME(T.LBrace);
      const statements: A.Statement[] = [];
      this.MANY(() => {
        const st = this.OR(this.statementAlts());
        this.act(() => {
          if (st) statements.push(st);
        });
      });
      const close = this.CONSUME(T.RBrace);
      return this.act((b) => ({ statements, range: b.span(open, close), closed: true }));
    });

    private alts: { ALT: () => Statement }[] | undefined;
    private statementAlts(): { ALT: () => Statement }[] {
      return (this.alts ??= [
        { ALT: () => this.SUBRULE(this.totalStmt) },
        { ALT: () => this.SUBRULE(this.stepStmt) },
        { ALT: () => this.SUBRULE(this.measureStmt) },
        { ALT: () => this.SUBRULE(this.indicatorStmt) },
        { ALT: () => this.SUBRULE(this.textStmt) },
        { ALT: () => this.SUBRULE(this.bandStmt) },
        { ALT: () => this.SUBRULE(this.perStmt) },
        { ALT: () => this.SUBRULE(this.rateStmt) },
        { ALT: () => this.SUBRULE(this.deductStmt) },
        { ALT: () => this.SUBRULE(this.gateStmt) },
        { ALT: () => this.SUBRULE(this.reviewStmt) },
        { ALT: () => this.SUBRULE(this.uncappedStmt) },
        { ALT: () => this.SUBRULE(this.vetoStmt) },
        { ALT: () => this.SUBRULE(this.bonusStmt) },
        { ALT: () => this.SUBRULE(this.penaltyStmt) },
        { ALT: () => this.SUBRULE(this.baseStmt) },
        { ALT: () => this.SUBRULE(this.incompleteStmt) },
        { ALT: () => this.SUBRULE(this.gradesWithBonusStmt) },
        { ALT: () => this.SUBRULE(this.capStmt) },
        { ALT: () => this.SUBRULE(this.partStmt) },
        { ALT: () => this.SUBRULE(this.gradeStmt) },
        { ALT: () => this.SUBRULE(this.useStmt) },
      ]);
    }

    totalStmt = this.RULE('totalStmt', (): Statement => {
      const kw = this.CONSUME(T.Total);
      const points = this.SUBRULE(this.points);
      return this.act((b) => ({ type: 'total', ...this.base(b, kw), points }));
    });

    stepStmt = this.RULE('stepStmt', (): Statement => {
      const kw = this.CONSUME(T.Step);
      const value = this.SUBRULE(this.value);
      return this.act((b) => ({ type: 'step', ...this.base(b, kw), value }));
    });

    measureStmt = this.RULE('measureStmt', (): Statement => {
      const kw = this.CONSUME(T.Measure);
      const name = this.CONSUME(T.Identifier);
      const kind = this.OR([
        { ALT: () => (this.CONSUME(T.PercentKind), 'percent' as const) },
        { ALT: () => (this.CONSUME(T.IntegerKind), 'integer' as const) },
        { ALT: () => (this.CONSUME(T.NumberKind), 'number' as const) },
      ]);
      const unit = this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'unit' }));
      const domain = this.OPTION2(() => {
        this.CONSUME(T.In);
        return this.SUBRULE(this.interval);
      });
      return this.act((b) => {
        const st: A.MeasureStmt = { type: 'measure', ...this.base(b, kw) };
        const nm = b.name(name);
        if (nm) st.name = nm;
        st.measureKind = kind;
        const u = b.text(unit);
        if (u) st.unit = u;
        if (domain) st.domain = domain;
        return st;
      });
    });

    indicatorStmt = this.RULE('indicatorStmt', (): Statement => {
      const kw = this.CONSUME(T.Indicator);
      const code = this.OPTION(() => this.SUBRULE(this.code));
      const title = this.CONSUME(T.TitleToken, { LABEL: 'title' });
      const tp = this.OPTION2(() => this.SUBRULE(this.titlePoints));
      const body = this.OPTION3(() => this.SUBRULE(this.block));
      return this.act((b) => {
        const st: A.IndicatorStmt = { type: 'indicator', ...this.base(b, kw) };
        if (code) st.code = code;
        const t = b.title(title);
        if (t) st.title = t;
        if (tp) b.titlePointsOf(st, tp.range, tp.points, tp.lparen, tp.enumerator);
        if (body) st.body = body;
        return st;
      });
    });

    /** An indicator's code: `1.2.3`, a letter code `A1`, or the document's enumerator `一、` `（一）`. */
    code = this.RULE('code', (): A.Code | undefined => {
      const t = this.OR([
        { ALT: () => this.CONSUME(T.NumberLiteral) },
        { ALT: () => this.CONSUME(T.LetterCode) },
        { ALT: () => this.CONSUME(T.Enumerator) },
      ]);
      return this.act((b) => b.codeOf(t));
    });

    /** Points after a title: `20`, or as staff type them, `（20分）` (understood with a warning). */
    titlePoints = this.RULE('titlePoints', (): TitlePoints => {
      const first = this.LA(1);
      const parts = this.OR([
        { ALT: (): Omit<TitlePoints, 'range'> => ({ points: this.SUBRULE(this.points), lparen: undefined, enumerator: undefined }) },
        {
          ALT: (): Omit<TitlePoints, 'range'> => {
            const lparen = this.CONSUME(T.LParen);
            const points = this.SUBRULE2(this.points);
            this.CONSUME(T.RParen);
            return { points, lparen, enumerator: undefined };
          },
        },
        // `（20）` lexes as an enumerator; after a title it can only be points.
        { ALT: (): Omit<TitlePoints, 'range'> => ({ points: undefined, lparen: undefined, enumerator: this.CONSUME(T.Enumerator) }) },
      ]);
      return this.act((b) => ({ ...parts, range: b.span(first, this.LA(0)) }));
    });

    textStmt = this.RULE('textStmt', (): Statement => {
      // (While Chevrotain records the grammar, OR returns a placeholder: it is read only in the action.)
      const kind = this.OR([
        { ALT: () => ({ kw: this.CONSUME(T.Standard), type: 'standard' as const }) },
        { ALT: () => ({ kw: this.CONSUME(T.Method), type: 'method' as const }) },
        { ALT: () => ({ kw: this.CONSUME(T.Note), type: 'note' as const }) },
      ]);
      const text = this.CONSUME(T.TextToken, { LABEL: 'text' });
      return this.act((b) => ({ type: kind.type, ...this.base(b, kind.kw), text: b.text(text) }));
    });

    bandStmt = this.RULE('bandStmt', (): Statement => {
      const kw = this.CONSUME(T.Band);
      const tests: A.BandTest[] = [];
      const label = this.OR([
        { ALT: () => this.CONSUME(T.TextToken, { LABEL: 'label' }) },
        {
          ALT: () => {
            const first = this.SUBRULE(this.test);
            this.act(() => tests.push(first));
            this.MANY(() => {
              this.CONSUME(T.Or);
              const next = this.SUBRULE2(this.test);
              this.act(() => tests.push(next));
            });
            return undefined;
          },
        },
      ]);
      const points = this.SUBRULE(this.points);
      return this.act((b) => ({ type: 'band', ...this.base(b, kw), tests, label: b.text(label), points }));
    });

    /** One condition on a measure: `参与率 >= 60%`. */
    test = this.RULE('test', (): A.BandTest => {
      const measure = this.CONSUME(T.Identifier, { LABEL: 'measure' });
      const condition = this.SUBRULE(this.condition);
      return this.act((b) => ({ measure: b.name(measure), condition }));
    });

    perStmt = this.RULE('perStmt', (): Statement => {
      const kw = this.CONSUME(T.Per);
      const unit = this.CONSUME(T.TitleToken, { LABEL: 'unit' });
      const points = this.SUBRULE(this.points);
      const max = this.OPTION(() => {
        this.CONSUME(T.Max);
        return this.SUBRULE2(this.points, { LABEL: 'max' });
      });
      const uncapped = this.OPTION2(() => this.CONSUME(T.Uncapped));
      return this.act((b) => ({ type: 'per', ...this.base(b, kw), uncapped: !!uncapped, unit: b.title(unit), points, max }));
    });

    rateStmt = this.RULE('rateStmt', (): Statement => {
      const kw = this.CONSUME(T.Rate);
      const measure = this.CONSUME(T.Identifier, { LABEL: 'measure' });
      this.CONSUME(T.Per);
      const step = this.SUBRULE(this.value, { LABEL: 'step' });
      const points = this.SUBRULE(this.points);
      const max = this.OPTION(() => {
        this.CONSUME(T.Max);
        return this.SUBRULE2(this.points, { LABEL: 'max' });
      });
      return this.act((b) => ({ type: 'rate', ...this.base(b, kw), measure: b.name(measure), step, points, max }));
    });

    deductStmt = this.RULE('deductStmt', (): Statement => {
      const kw = this.CONSUME(T.Deduct);
      const points = this.SUBRULE(this.points);
      const unit = this.OPTION(() => {
        this.CONSUME(T.Per);
        return this.CONSUME(T.TitleToken, { LABEL: 'unit' });
      });
      const floor = this.OPTION2(() => {
        this.CONSUME(T.Floor);
        return this.SUBRULE2(this.points, { LABEL: 'floor' });
      });
      return this.act((b) => ({ type: 'deduct', ...this.base(b, kw), points, unit: b.title(unit), floor }));
    });

    gateStmt = this.RULE('gateStmt', (): Statement => {
      const kw = this.CONSUME(T.Gate);
      const text = this.CONSUME(T.TextToken, { LABEL: 'text' });
      return this.act((b) => ({ type: 'gate', ...this.base(b, kw), text: b.text(text) }));
    });

    reviewStmt = this.RULE('reviewStmt', (): Statement => {
      const kw = this.CONSUME(T.Review);
      return this.act((b) => ({ type: 'review', ...this.base(b, kw) }));
    });

    uncappedStmt = this.RULE('uncappedStmt', (): Statement => {
      const kw = this.CONSUME(T.Uncapped);
      return this.act((b) => ({ type: 'uncapped', ...this.base(b, kw) }));
    });

    vetoStmt = this.RULE('vetoStmt', (): Statement => {
      const kw = this.CONSUME(T.Veto);
      const parts = this.OR([
        { ALT: () => ({ text: this.CONSUME(T.TextToken, { LABEL: 'text' }), when: undefined }) },
        {
          ALT: () => {
            this.CONSUME(T.When);
            const reference = this.CONSUME(T.RefToken, { LABEL: 'reference' });
            const comparison = this.CONSUME(T.CmpToken, { LABEL: 'comparison' });
            const value = this.SUBRULE(this.value);
            const text = this.OPTION(() => this.CONSUME2(T.TextToken, { LABEL: 'text' }));
            return { text, when: { reference, comparison, value } };
          },
        },
      ]);
      return this.act((b) => {
        const st: A.VetoStmt = { type: 'veto', ...this.base(b, kw) };
        if (parts.when) st.when = { ref: b.reference(parts.when.reference), op: b.comparison(parts.when.comparison), value: parts.when.value } as A.VetoStmt['when'];
        const t = b.text(parts.text);
        if (t) st.text = t;
        return st;
      });
    });

    bonusStmt = this.RULE('bonusStmt', (): Statement => {
      const kw = this.CONSUME(T.Bonus);
      return this.award(kw, 'bonus');
    });

    penaltyStmt = this.RULE('penaltyStmt', (): Statement => {
      const kw = this.CONSUME(T.Penalty);
      return this.award(kw, 'penalty');
    });

    /** The rest of a `加分` or `扣分项` item after its keyword (written once for both rules). */
    private award(kw: IToken, type: 'bonus' | 'penalty'): Statement {
      const code = this.OPTION3(() => this.SUBRULE(this.code));
      const title = this.CONSUME(T.TitleToken, { LABEL: 'title' });
      const points = this.OPTION(() => this.SUBRULE(this.points));
      const body = this.OPTION2(() => this.SUBRULE(this.block));
      return this.act((b) => ({ type, ...this.base(b, kw), code, title: b.title(title), points, body }));
    }

    /** Base points before increments: `基础 6 "配备专职人员2名"`. */
    baseStmt = this.RULE('baseStmt', (): Statement => {
      const kw = this.CONSUME(T.Base);
      const points = this.SUBRULE(this.points);
      const text = this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'text' }));
      return this.act((b) => ({ type: 'base', ...this.base(b, kw), points, text: b.text(text) }));
    });

    incompleteStmt = this.RULE('incompleteStmt', (): Statement => {
      const kw = this.CONSUME(T.Incomplete);
      const text = this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'text' }));
      return this.act((b) => ({ type: 'incomplete', ...this.base(b, kw), text: b.text(text) }));
    });

    gradesWithBonusStmt = this.RULE('gradesWithBonusStmt', (): Statement => {
      const kw = this.CONSUME(T.GradesWithBonus);
      return this.act((b) => ({ type: 'gradesWithBonus', ...this.base(b, kw) }));
    });

    /** A cap on the final score, bonus included: `最高 100`. */
    capStmt = this.RULE('capStmt', (): Statement => {
      const kw = this.CONSUME(T.Max);
      const points = this.SUBRULE(this.points);
      return this.act((b) => ({ type: 'cap', ...this.base(b, kw), points }));
    });

    partStmt = this.RULE('partStmt', (): Statement => {
      const kw = this.CONSUME(T.Part);
      const name = this.CONSUME(T.TitleToken, { LABEL: 'name' });
      const text = this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'text' }));
      const points = this.OPTION2(() => this.SUBRULE(this.points));
      const weight = this.OPTION3(() => {
        this.CONSUME(T.Weight);
        return this.SUBRULE(this.value, { LABEL: 'weight' });
      });
      const body = this.OPTION4(() => this.SUBRULE(this.block));
      return this.act((b) => ({ type: 'part', ...this.base(b, kw), name: b.title(name), title: b.text(text), points, weight, body }));
    });

    gradeStmt = this.RULE('gradeStmt', (): Statement => {
      const kw = this.CONSUME(T.Grade);
      const title = this.CONSUME(T.TitleToken, { LABEL: 'title' });
      const condition = this.SUBRULE(this.condition);
      return this.act((b) => ({ type: 'grade', ...this.base(b, kw), name: b.title(title), condition }));
    });

    useStmt = this.RULE('useStmt', (): Statement => {
      const kw = this.CONSUME(T.Use);
      const name = this.CONSUME(T.Identifier);
      return this.act((b) => ({ type: 'use', ...this.base(b, kw), name: b.name(name) }));
    });

    // ---- pieces ----

    /** Points: `10`, `10分`, `-5`, `1.5`, `3~5分`, `3-5`, `3—5`. A `-` right after the first number can
     * only be a range: nothing that may follow points begins with a minus sign. */
    points = this.RULE('points', (): A.Points | undefined => {
      const first = this.LA(1);
      const neg = this.OPTION(() => this.CONSUME(T.Minus, { LABEL: 'neg' }));
      const low = this.CONSUME(T.NumberLiteral, { LABEL: 'low' });
      this.OPTION2(() => this.CONSUME(T.Fen));
      const high = this.OPTION3(() => {
        const sep = this.OR([{ ALT: () => this.CONSUME(T.RangeSep, { LABEL: 'sep' }) }, { ALT: () => this.CONSUME2(T.Minus, { LABEL: 'sep' }) }]);
        const negHigh = this.OPTION4(() => this.CONSUME3(T.Minus, { LABEL: 'negHigh' }));
        const number = this.CONSUME2(T.NumberLiteral, { LABEL: 'high' });
        this.OPTION5(() => this.CONSUME2(T.Fen));
        return { sep, negHigh, number };
      });
      return this.act((b) => b.pointsOf(b.span(first, this.LA(0)), neg, low, high?.sep, high?.negHigh, high?.number));
    });

    /** A value compared with a measure or a score: `60%`, `75`, `75分`, `-5`. */
    value = this.RULE('value', (): A.Value | undefined => {
      const first = this.LA(1);
      const neg = this.OPTION(() => this.CONSUME(T.Minus, { LABEL: 'neg' }));
      const number = this.CONSUME(T.NumberLiteral);
      const percent = this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Percent) }, { ALT: () => (this.CONSUME(T.Fen), undefined) }]));
      return this.act((b) => b.valueOf(b.span(first, this.LA(0)), neg, number, percent));
    });

    /** A value in a condition, with the unit the document prints: `60%`, `15平方米`, `3人`. */
    cvalue = this.RULE('cvalue', (): A.Value | undefined => {
      const first = this.LA(1);
      const value = this.SUBRULE(this.value);
      const unit = this.OPTION(() => this.CONSUME(T.Identifier, { LABEL: 'unit' }));
      return this.act((b) => b.cvalueOf(b.span(first, this.LA(0)), value, unit));
    });

    /** `>= 60%`, `60% 以上`, `6篇及以上`, `30% 以下`, `50%~60%`, `2-3人`, `在 [50%, 60%)`. */
    condition = this.RULE('condition', (): A.Condition | undefined => {
      const first = this.LA(1);
      return this.OR([
        {
          ALT: () => {
            const comparison = this.CONSUME(T.CmpToken, { LABEL: 'comparison' });
            const value = this.SUBRULE(this.cvalue);
            return this.act((b) => b.compareOf(b.span(first, this.LA(0)), comparison, value));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.In);
            const interval = this.SUBRULE(this.interval);
            return this.act((b) => b.inIntervalOf(b.span(first, this.LA(0)), interval));
          },
        },
        {
          ALT: () => {
            const low = this.SUBRULE2(this.cvalue, { LABEL: 'low' });
            const rest = this.OR2([
              { ALT: () => ({ atLeast: this.CONSUME(T.AtLeastWord), atMost: undefined, sep: undefined, high: undefined }) },
              { ALT: () => ({ atLeast: undefined, atMost: this.CONSUME(T.AtMostWord), sep: undefined, high: undefined }) },
              {
                ALT: () => {
                  const sep = this.OR3([{ ALT: () => this.CONSUME(T.RangeSep) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'sep' }) }]);
                  const high = this.SUBRULE3(this.cvalue, { LABEL: 'high' });
                  return { atLeast: undefined, atMost: undefined, sep, high };
                },
              },
            ]);
            return this.act((b) => (low ? b.wordsOf(b.span(first, this.LA(0)), low, rest.atLeast, rest.atMost, () => rest.high, rest.sep) : undefined));
          },
        },
      ]);
    });

    interval = this.RULE('interval', (): A.Interval | undefined => {
      const open = this.OR([{ ALT: () => this.CONSUME(T.LBracket) }, { ALT: () => this.CONSUME(T.LParen) }]);
      const low = this.SUBRULE(this.cvalue, { LABEL: 'low' });
      this.CONSUME(T.Comma);
      const high = this.SUBRULE2(this.cvalue, { LABEL: 'high' });
      const close = this.OR2([{ ALT: () => this.CONSUME(T.RBracket) }, { ALT: () => this.CONSUME(T.RParen) }]);
      return this.act((b) => b.intervalOf(b.span(open, close), low, high, open, close));
    });
  }
  return Grammar;
}

interface TitlePoints {
  range: Range;
  points: A.Points | undefined;
  lparen: IToken | undefined;
  enumerator: IToken | undefined;
}

const parserConfig = (validate: boolean, recovery: boolean): IParserConfig => ({
  recoveryEnabled: recovery,
  // Only offsets: lines and columns come from the LineIndex (source.ts), and tracking them in
  // every CST node was a measurable part of the parse.
  nodeLocationTracking: 'onlyOffset',
  maxLookahead: MAX_LOOKAHEAD,
  lookaheadStrategy: lazyLookahead(),
  errorMessageProvider: SYNTAX_MESSAGES,
  skipValidations: !validate,
});

/** The grammar building a CST, with error recovery (build-ast.ts reads the CST). */
class RubricParser extends grammar(CstParser as unknown as typeof EmbeddedActionsParser) {
  protected readonly direct = false;
  /** `validate`: run Chevrotain's grammar validations (ambiguities, left recursion…), which cost more
   * than the rest of the parser's start-up; the shared parser skips them and a test runs them. */
  constructor(validate: boolean) {
    super(T.allTokens, parserConfig(validate, true));
    this.performSelfAnalysis();
  }
}

/** The grammar building the AST in its actions, without CST or recovery. */
class DirectParser extends grammar(EmbeddedActionsParser) {
  protected readonly direct = true;
  constructor() {
    super(T.allTokens, parserConfig(false, false));
    this.performSelfAnalysis();
  }
}

/** One shared parser instance (Chevrotain parsers are reusable and costly to build), built on first
 * use (the language server answers `initialize` before it needs one). */
let shared: RubricParser | undefined;
function sharedRubricParser(): RubricParser {
  return (shared ??= new RubricParser(false));
}
/** The shared parser, as the rest of the syntax layer sees it (content assist for recovery). */
export function sharedParser(): Pick<CstParser, 'computeContentAssist'> {
  return sharedRubricParser();
}

/** The grammar's definition errors as Chevrotain's validations find them (none expected). */
export function validateGrammar(): string[] {
  try {
    new RubricParser(true);
    return [];
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}

export interface CstResult {
  cst: CstNode;
  errors: IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): CstResult {
  // Chevrotain throws and catches an exception at every syntax error; capturing their stacks (never
  // read) was half the cost of a file full of errors.
  const parser = sharedRubricParser();
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parser.input = tokens;
    const cst = parser.file() as unknown as CstNode;
    return { cst, errors: [...parser.errors] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    // The shared parser would otherwise hold the last file's tokens until the next parse.
    parser.input = [];
  }
}


let direct: DirectParser | undefined;

/**
 * The file's declarations built in the grammar's actions, or undefined at the first syntax error (the
 * file is then read by `parseTokens`, with recovery). What the builder reported or marked belongs to
 * this attempt only: the caller passes a builder of its own and drops it on failure.
 */
export function parseDirect(tokens: IToken[], b: AstBuilder): A.TopDecl[] | undefined {
  const parser = (direct ??= new DirectParser());
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parser.input = tokens;
    parser.building = { b };
    const decls = parser.file();
    return parser.errors.length === 0 ? decls : undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    parser.input = [];
    parser.building = undefined;
  }
}
