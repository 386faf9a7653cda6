// Public API of @rubric/cli: the commands as functions (used by main.ts and by tests).
export { checkCommand, compileCommand, type Output } from './commands.js';
export { fmtCommand } from './fmt.js';
export { scoreCommand, templateCommand, testCommand, type ScoreOptions } from './score.js';
export { importCommand, type ImportOptions } from './import.js';
export { exportCommand, EXPORT_FORMATS, type ExportFormat } from './export.js';
