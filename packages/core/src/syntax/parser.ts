// The grammar of the rubric language as a Chevrotain CstParser. It only recognises structure: no
// semantic actions, no arithmetic. Error recovery is on, so a syntax error produces a partial CST
// (with missing children) plus an error, and parsing goes on; build-ast.ts tolerates the gaps.
import {
  CstParser,
  LLkLookaheadStrategy,
  type CstNode,
  type ILookaheadStrategy,
  type IRecognitionException,
  type IToken,
  type ITokenGrammarPath,
  type TokenType,
} from 'chevrotain';
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

class RubricParser extends CstParser {
  /** `validate`: run Chevrotain's grammar validations (ambiguities, left recursion…), which cost more
   * than the rest of the parser's start-up; the shared parser skips them and a test runs them. */
  constructor(validate: boolean) {
    super(T.allTokens, {
      recoveryEnabled: true,
      // Only offsets: lines and columns come from the LineIndex (source.ts), and tracking them in
      // every CST node was a measurable part of the parse.
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: MAX_LOOKAHEAD,
      lookaheadStrategy: lazyLookahead(),
      errorMessageProvider: SYNTAX_MESSAGES,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
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

  file = this.RULE('file', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.importDecl) },
        { ALT: () => this.SUBRULE(this.sectionDecl) },
        { ALT: () => this.SUBRULE(this.rubricDecl) },
      ]);
    });
  });

  importDecl = this.RULE('importDecl', () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.TextToken, { LABEL: 'text' });
  });

  sectionDecl = this.RULE('sectionDecl', () => {
    this.CONSUME(T.Section);
    this.CONSUME(T.TitleToken, { LABEL: 'title' });
    this.SUBRULE(this.block);
  });

  rubricDecl = this.RULE('rubricDecl', () => {
    this.CONSUME(T.Rubric);
    this.CONSUME(T.TitleToken, { LABEL: 'title' });
    this.SUBRULE(this.block);
  });

  // Statements are direct children of the block (no wrapper node per statement); the AST builder
  // restores their order from offsets.
  block = this.RULE('block', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.OR(this.statementAlts()));
    this.CONSUME(T.RBrace);
  });

  private alts: { ALT: () => unknown }[] | undefined;
  private statementAlts(): { ALT: () => unknown }[] {
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

  totalStmt = this.RULE('totalStmt', () => {
    this.CONSUME(T.Total);
    this.SUBRULE(this.points);
  });

  stepStmt = this.RULE('stepStmt', () => {
    this.CONSUME(T.Step);
    this.SUBRULE(this.value);
  });

  measureStmt = this.RULE('measureStmt', () => {
    this.CONSUME(T.Measure);
    this.CONSUME(T.Identifier);
    this.OR([
      { ALT: () => this.CONSUME(T.PercentKind) },
      { ALT: () => this.CONSUME(T.IntegerKind) },
      { ALT: () => this.CONSUME(T.NumberKind) },
    ]);
    this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'unit' }));
    this.OPTION2(() => {
      this.CONSUME(T.In);
      this.SUBRULE(this.interval);
    });
  });

  indicatorStmt = this.RULE('indicatorStmt', () => {
    this.CONSUME(T.Indicator);
    this.OPTION(() => this.SUBRULE(this.code));
    this.CONSUME(T.TitleToken, { LABEL: 'title' });
    this.OPTION2(() => this.SUBRULE(this.titlePoints));
    this.OPTION3(() => this.SUBRULE(this.block));
  });

  /** An indicator's code: `1.2.3`, a letter code `A1`, or the document's enumerator `一、` `（一）`. */
  code = this.RULE('code', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.LetterCode) },
      { ALT: () => this.CONSUME(T.Enumerator) },
    ]);
  });

  /** Points after a title: `20`, or as staff type them, `（20分）` (understood with a warning). */
  titlePoints = this.RULE('titlePoints', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.points) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE2(this.points);
          this.CONSUME(T.RParen);
        },
      },
      // `（20）` lexes as an enumerator; after a title it can only be points.
      { ALT: () => this.CONSUME(T.Enumerator) },
    ]);
  });

  textStmt = this.RULE('textStmt', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Standard) },
      { ALT: () => this.CONSUME(T.Method) },
      { ALT: () => this.CONSUME(T.Note) },
    ]);
    this.CONSUME(T.TextToken, { LABEL: 'text' });
  });

  bandStmt = this.RULE('bandStmt', () => {
    this.CONSUME(T.Band);
    this.OR([
      { ALT: () => this.CONSUME(T.TextToken, { LABEL: 'label' }) },
      {
        ALT: () => {
          this.SUBRULE(this.test);
          this.MANY(() => {
            this.CONSUME(T.Or);
            this.SUBRULE2(this.test);
          });
        },
      },
    ]);
    this.SUBRULE(this.points);
  });

  /** One condition on a measure: `参与率 >= 60%`. */
  test = this.RULE('test', () => {
    this.CONSUME(T.Identifier, { LABEL: 'measure' });
    this.SUBRULE(this.condition);
  });

  perStmt = this.RULE('perStmt', () => {
    this.CONSUME(T.Per);
    this.CONSUME(T.TitleToken, { LABEL: 'unit' });
    this.SUBRULE(this.points);
    this.OPTION(() => {
      this.CONSUME(T.Max);
      this.SUBRULE2(this.points, { LABEL: 'max' });
    });
    this.OPTION2(() => this.CONSUME(T.Uncapped));
  });

  rateStmt = this.RULE('rateStmt', () => {
    this.CONSUME(T.Rate);
    this.CONSUME(T.Identifier, { LABEL: 'measure' });
    this.CONSUME(T.Per);
    this.SUBRULE(this.value, { LABEL: 'step' });
    this.SUBRULE(this.points);
    this.OPTION(() => {
      this.CONSUME(T.Max);
      this.SUBRULE2(this.points, { LABEL: 'max' });
    });
  });

  deductStmt = this.RULE('deductStmt', () => {
    this.CONSUME(T.Deduct);
    this.SUBRULE(this.points);
    this.OPTION(() => {
      this.CONSUME(T.Per);
      this.CONSUME(T.TitleToken, { LABEL: 'unit' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Floor);
      this.SUBRULE2(this.points, { LABEL: 'floor' });
    });
  });

  gateStmt = this.RULE('gateStmt', () => {
    this.CONSUME(T.Gate);
    this.CONSUME(T.TextToken, { LABEL: 'text' });
  });

  reviewStmt = this.RULE('reviewStmt', () => {
    this.CONSUME(T.Review);
  });

  uncappedStmt = this.RULE('uncappedStmt', () => {
    this.CONSUME(T.Uncapped);
  });

  vetoStmt = this.RULE('vetoStmt', () => {
    this.CONSUME(T.Veto);
    this.OR([
      { ALT: () => this.CONSUME(T.TextToken, { LABEL: 'text' }) },
      {
        ALT: () => {
          this.CONSUME(T.When);
          this.CONSUME(T.RefToken, { LABEL: 'reference' });
          this.CONSUME(T.CmpToken, { LABEL: 'comparison' });
          this.SUBRULE(this.value);
          this.OPTION(() => this.CONSUME2(T.TextToken, { LABEL: 'text' }));
        },
      },
    ]);
  });

  bonusStmt = this.RULE('bonusStmt', () => {
    this.CONSUME(T.Bonus);
    this.OPTION3(() => this.SUBRULE(this.code));
    this.CONSUME(T.TitleToken, { LABEL: 'title' });
    this.OPTION(() => this.SUBRULE(this.points));
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  penaltyStmt = this.RULE('penaltyStmt', () => {
    this.CONSUME(T.Penalty);
    this.OPTION3(() => this.SUBRULE(this.code));
    this.CONSUME(T.TitleToken, { LABEL: 'title' });
    this.OPTION(() => this.SUBRULE(this.points));
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  /** Base points before increments: `基础 6 "配备专职人员2名"`. */
  baseStmt = this.RULE('baseStmt', () => {
    this.CONSUME(T.Base);
    this.SUBRULE(this.points);
    this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'text' }));
  });

  incompleteStmt = this.RULE('incompleteStmt', () => {
    this.CONSUME(T.Incomplete);
    this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'text' }));
  });

  gradesWithBonusStmt = this.RULE('gradesWithBonusStmt', () => {
    this.CONSUME(T.GradesWithBonus);
  });

  /** A cap on the final score, bonus included: `最高 100`. */
  capStmt = this.RULE('capStmt', () => {
    this.CONSUME(T.Max);
    this.SUBRULE(this.points);
  });

  partStmt = this.RULE('partStmt', () => {
    this.CONSUME(T.Part);
    this.CONSUME(T.TitleToken, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(T.TextToken, { LABEL: 'text' }));
    this.OPTION2(() => this.SUBRULE(this.points));
    this.OPTION3(() => {
      this.CONSUME(T.Weight);
      this.SUBRULE(this.value, { LABEL: 'weight' });
    });
    this.OPTION4(() => this.SUBRULE(this.block));
  });

  gradeStmt = this.RULE('gradeStmt', () => {
    this.CONSUME(T.Grade);
    this.CONSUME(T.TitleToken, { LABEL: 'title' });
    this.SUBRULE(this.condition);
  });

  useStmt = this.RULE('useStmt', () => {
    this.CONSUME(T.Use);
    this.CONSUME(T.Identifier);
  });

  // ---- pieces ----




  /** Points: `10`, `10分`, `-5`, `1.5`, `3~5分`, `3-5`, `3—5`. A `-` right after the first number can
   * only be a range: nothing that may follow points begins with a minus sign. */
  points = this.RULE('points', () => {
    this.OPTION(() => this.CONSUME(T.Minus, { LABEL: 'neg' }));
    this.CONSUME(T.NumberLiteral, { LABEL: 'low' });
    this.OPTION2(() => this.CONSUME(T.Fen));
    this.OPTION3(() => {
      this.OR([{ ALT: () => this.CONSUME(T.RangeSep, { LABEL: 'sep' }) }, { ALT: () => this.CONSUME2(T.Minus, { LABEL: 'sep' }) }]);
      this.OPTION4(() => this.CONSUME3(T.Minus, { LABEL: 'negHigh' }));
      this.CONSUME2(T.NumberLiteral, { LABEL: 'high' });
      this.OPTION5(() => this.CONSUME2(T.Fen));
    });
  });

  /** A value compared with a measure or a score: `60%`, `75`, `75分`, `-5`. */
  value = this.RULE('value', () => {
    this.OPTION(() => this.CONSUME(T.Minus, { LABEL: 'neg' }));
    this.CONSUME(T.NumberLiteral);
    this.OPTION2(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Percent) }, { ALT: () => this.CONSUME(T.Fen) }]);
    });
  });


  /** A value in a condition, with the unit the document prints: `60%`, `15平方米`, `3人`. */
  cvalue = this.RULE('cvalue', () => {
    this.SUBRULE(this.value);
    this.OPTION(() => this.CONSUME(T.Identifier, { LABEL: 'unit' }));
  });

  /** `>= 60%`, `60% 以上`, `6篇及以上`, `30% 以下`, `50%~60%`, `2-3人`, `在 [50%, 60%)`. */
  condition = this.RULE('condition', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.CmpToken, { LABEL: 'comparison' });
          this.SUBRULE(this.cvalue);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.In);
          this.SUBRULE(this.interval);
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.cvalue, { LABEL: 'low' });
          this.OR2([
            { ALT: () => this.CONSUME(T.AtLeastWord) },
            { ALT: () => this.CONSUME(T.AtMostWord) },
            {
              ALT: () => {
                this.OR3([{ ALT: () => this.CONSUME(T.RangeSep) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'sep' }) }]);
                this.SUBRULE3(this.cvalue, { LABEL: 'high' });
              },
            },
          ]);
        },
      },
    ]);
  });

  interval = this.RULE('interval', () => {
    this.OR([{ ALT: () => this.CONSUME(T.LBracket) }, { ALT: () => this.CONSUME(T.LParen) }]);
    this.SUBRULE(this.cvalue, { LABEL: 'low' });
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.cvalue, { LABEL: 'high' });
    this.OR2([{ ALT: () => this.CONSUME(T.RBracket) }, { ALT: () => this.CONSUME(T.RParen) }]);
  });
}

/** One shared parser instance (Chevrotain parsers are reusable and costly to build), built on first
 * use (the language server answers `initialize` before it needs one). */
let shared: RubricParser | undefined;
export function sharedParser(): RubricParser {
  return (shared ??= new RubricParser(false));
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
  const parser = sharedParser();
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    parser.input = tokens;
    const cst = parser.file();
    return { cst, errors: [...parser.errors] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    // The shared parser would otherwise hold the last file's tokens until the next parse.
    parser.input = [];
  }
}

