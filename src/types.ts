/**
 * The data types the pipeline stages exchange. Stages import from here and
 * never from each other's internals: recover → Issue → layout → Layout → render.
 */

/** 1-based line numbers in the extraction text. */
export type LineNo = number;

export type CorrectionKind =
  | 'masthead-undoubled' // fake-bold runs read twice, collapsed to one
  | 'spaces-removed' // extraction spaces between Han characters or around digits
  | 'lines-joined' // column lines joined into one paragraph
  | 'fragment-joined' // a printed line split by a stray newline, put back together
  | 'headline-moved' // headline found after its body, moved before it
  | 'headline-rejoined' // headline printed over two lines, joined again
  | 'byline-moved' // byline found after its body, moved before it
  | 'byline-marker'; // `口` misread for the byline marker `□`

export interface Correction {
  id: string;
  kind: CorrectionKind;
  /** Item the correction belongs to: 'masthead', 'lead' or an article id. */
  item: string;
  lines: LineNo[];
  from: string;
  to: string;
  /** Character offsets in `from` that were removed or changed (for highlighting). */
  positions?: number[];
  note?: string;
}

export interface Warning {
  code: string;
  message: string;
  item?: string;
  lines?: LineNo[];
}

export interface Masthead {
  /** The masthead line after undoubling, as printed. */
  text: string;
  section: string;
  /** ISO date YYYY-MM-DD, null when none could be read. */
  date: string | null;
  /** The date as printed, e.g. 2024年1月8日. */
  dateText: string;
  weekday: string;
  emailLabel: string;
  email: string;
  /** Anything else on the line (editor credits, page number...). */
  extra: string[];
  line: LineNo;
}

export interface Byline {
  role: string;
  name: string;
}

export interface ItemSource {
  headline: LineNo[];
  byline?: LineNo | null;
  deck?: LineNo | null;
  /** Source lines of each paragraph, parallel to `paragraphs`. */
  paragraphs: LineNo[][];
}

export interface Lead {
  headline: string;
  deck: string | null;
  paragraphs: string[];
  source: ItemSource;
}

export interface Article {
  id: string;
  headline: string;
  byline: Byline | null;
  paragraphs: string[];
  source: ItemSource;
  /** 0..1: how sure recovery is that this body belongs to this headline. */
  confidence: number;
}

export interface Issue {
  schema: 'newsprint/issue@1';
  source: { file: string; sha256: string; encoding: string; lines: number };
  masthead: Masthead | null;
  lead: Lead | null;
  articles: Article[];
  corrections: Correction[];
  warnings: Warning[];
}
