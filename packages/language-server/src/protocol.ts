// The server's own requests beyond LSP, shared with the clients (the VS Code extension imports this
// module alone, so nothing else of the server comes into its bundle).

export const TABLE_REQUEST = 'rubric/table';

export interface TableResult {
  uri: string;
  version: number;
  title: string;
  /** The whole preview page (content security policy with this answer's nonce, script, styles). */
  html: string;
  /** The page's content alone, to replace the content of a page already shown. */
  body: string;
  rows: number;
  errors: number;
  warnings: number;
  /** Subtotals the checker found wrong, in table order. */
  mismatches: { indicatorId: string; title: string; declared: string; computed: string; code: string; line: number }[];
}
