// Public API of @rubric/core. Other packages import only from here.
export { Decimal } from './decimal.js';
export { LineIndex, type Position, type Range } from './source.js';
export * from './diagnostics.js';
export { CATALOG, LABELS, type Code, type CatalogEntry } from './messages/catalog.js';
export { renderDiagnostic, renderRef, explainCode, resolveLocale, type Locale } from './messages/render.js';
export { parseRubric, type ParseResult } from './syntax/cst-to-ast.js';
export { KEYWORDS, type KeywordSpec } from './syntax/tokens.js';
export type * as Ast from './syntax/ast.js';
export { compile, compileText, loadSource, type Host, type CompileResult, type SourceFile } from './program.js';
export { decodeBytes, type Decoded } from './encoding.js';
export { serializeIR, irToJson } from './ir/serialize.js';
export { normalizePath, resolveImport, label as indicatorLabel } from './ir/build.js';
export * from './ir/model.js';
export { CHECKS } from './check/index.js';
export { statedPoints } from './check/titles.js';
export { formatText, type FormatResult } from './format.js';
export { reparse, updateSource, type Reparse, type ReparseOptions } from './incremental.js';
export { ProgramIndex, enclosingBlocks, importAt, childrenSum, rubricSum, type ProgramSymbol, type Occurrence, type SymbolKind } from './query.js';
