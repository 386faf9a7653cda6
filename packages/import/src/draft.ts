// The draft a document is read into, before it is written out as rubric text: the indicator tree
// with the texts and recognised rules, and every guess as a review note.
import type { Rule } from './rules/model.js';

export interface DraftIndicator {
  code?: string;
  /** The title as printed (cleaned of line breaks), without the code. */
  title: string;
  /** The title without its trailing points statement, and that statement's value. */
  bare: string;
  stated?: string;
  /** Points from the points column. */
  column?: string;
  /** Set after reading: the points written in the draft, and whether the title keeps its statement. */
  points?: string;
  standard: string[];
  method: string[];
  note: string[];
  rules: Rule[];
  review: boolean;
  gates: { text: string; source: string }[];
  children: DraftIndicator[];
  bonus: boolean;
  /** A weighted part of a composite (部分): its name and weight in percent. */
  part?: { name: string; weight: string };
  /** Comments written above the indicator: where it comes from and what to check. */
  comments: string[];
  /** Review notes (each one is a comment and counts as a place to check). */
  reviews: string[];
  line: number;
  /** The level cell as printed, for the comment when the title had to be changed. */
  printed: string;
}

export interface DraftRubric {
  title: string;
  /** Comments at the top of the file (the text around the table, the column mapping). */
  header: string[];
  total?: { value: string; source: string };
  method: string[];
  notes: string[];
  indicators: DraftIndicator[];
  bonuses: DraftIndicator[];
  vetoes: { text: string; source: string }[];
  grades: { name: string; condition: string; source: string }[];
  /** Comments at the end of the rubric (text after the table that is not a rule). */
  trailer: string[];
  reviews: string[];
  /** Set while reading a list of vetoes ("有下列情形之一的，实行一票否决："). */
  vetoList?: boolean;
}

export function newIndicator(init: Partial<DraftIndicator> & { title: string; line: number }): DraftIndicator {
  return {
    bare: init.title,
    standard: [],
    method: [],
    note: [],
    rules: [],
    review: false,
    gates: [],
    children: [],
    bonus: false,
    comments: [],
    reviews: [],
    printed: init.title,
    ...init,
  };
}

export function walkDraft(xs: DraftIndicator[], f: (x: DraftIndicator, parent: DraftIndicator | undefined) => void, parent?: DraftIndicator): void {
  for (const x of xs) {
    f(x, parent);
    walkDraft(x.children, f, x);
  }
}
