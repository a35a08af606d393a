/**
 * The data types the pipeline stages exchange. Stages import from here and
 * never from each other's internals: recover → Issue → layout → Layout → render.
 */

/** 1-based line numbers in the extraction text. */
export type LineNo = number;

/** Kinds of correction, in the order a proofreader reads those of one line (masthead first, joins last). */
export const CORRECTION_KINDS = [
  'masthead-undoubled', // fake-bold runs read twice, collapsed to one
  'radical-unified', // a radical (⼈, ⺠), or pdf.js's NFKC of one (戶 for ⼾), given for the ideograph (人, 民, 户)
  'kicker-as-deck', // (issues made before the kicker field) the lead's kicker kept as its deck
  'headline-rejoined', // headline printed over two lines, joined again
  'headline-moved', // headline found after its body, moved before it, or read over another article's body
  'byline-marker', // `口` misread for the byline marker `□`
  'byline-moved', // byline found after its body, moved before it
  'byline-from-text', // byline taken from the text: the dateline's reporters, the sign-off's author role (a copy)
  'spaces-removed', // extraction spaces between Han characters or around digits
  'fragment-joined', // a printed line split by the extractor (a stray newline, a wide gap), put back together
  'lines-joined', // column lines joined into one paragraph
  'print-normalised', // set as Chinese typesetting prints it: full-width marks between Han, 〈〉 in 《》, one plus sign
] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Codes of warnings: what recovery was unsure of or could not find. */
export const WARNING_CODES = [
  'no-masthead',
  'masthead-no-date',
  'masthead-bad-date',
  'masthead-no-weekday',
  'masthead-weekday-mismatch',
  'masthead-no-section',
  'no-items',
  'second-lead',
  'no-headline',
  'empty-body',
  'uncertain-match',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

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
  code: WarningCode;
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
  /** The lead's kicker (引题), printed above its headline. */
  kicker?: LineNo | null;
  /** Source lines of each paragraph, parallel to `paragraphs`. */
  paragraphs: LineNo[][];
}

export interface Lead {
  headline: string;
  /** The kicker (引题), a line above the headline; absent in issues made before it was recovered apart. */
  kicker?: string | null;
  /** The subtitle (副题) under the headline, with its dash. */
  deck: string | null;
  paragraphs: string[];
  /** Which paragraphs (by index) are subheads (小标题), set apart in bold; absent where there are none. */
  subheads?: number[];
  source: ItemSource;
  /** 0..1: how sure recovery is of its body, as an article's; absent in issues made before leads had one. */
  confidence?: number;
  /** An editor marked it reviewed (edits file). */
  reviewed?: boolean;
}

export interface Article {
  id: string;
  headline: string;
  byline: Byline | null;
  paragraphs: string[];
  /** Which paragraphs (by index) are subheads (小标题), set apart in bold; absent where there are none. */
  subheads?: number[];
  source: ItemSource;
  /** 0..1: how sure recovery is that this body belongs to this headline. */
  confidence: number;
  /** An editor marked it reviewed (edits file). */
  reviewed?: boolean;
}

/** What the page prints around its articles: kept, never in article text. */
export const FURNITURE_KINDS = ['folio', 'paper', 'running-head', 'jump', 'credit', 'email'] as const;

export interface Furniture {
  kind: (typeof FURNITURE_KINDS)[number];
  text: string;
  line: LineNo;
}

export interface Issue {
  schema: 'newsprint/issue@1';
  source: {
    file: string;
    sha256: string;
    encoding: string;
    lines: number;
    /** The editor's edits applied after recovery (`<page>.edits.json`). */
    edits?: { file: string; sha256: string; applied: number };
  };
  masthead: Masthead | null;
  lead: Lead | null;
  articles: Article[];
  furniture: Furniture[];
  corrections: Correction[];
  warnings: Warning[];
}

// ---- Edits: an editor's changes to a recovered issue (<page>.edits.json) -----

/** A paragraph as the editor saw it: its item, its index there, and how it began (checked when applied). */
export interface ParagraphRef {
  item: string;
  paragraph: number;
  starts: string;
}

export type Edit =
  | { op: 'move-paragraph'; paragraph: ParagraphRef; to: string; at?: number }
  | { op: 'edit-paragraph'; paragraph: ParagraphRef; text: string }
  | { op: 'split-paragraph'; paragraph: ParagraphRef; at: number }
  | { op: 'join-paragraphs'; paragraph: ParagraphRef }
  | { op: 'set-headline'; item: string; text: string }
  | { op: 'set-deck'; text: string | null }
  | { op: 'set-kicker'; text: string | null }
  | { op: 'set-byline'; item: string; byline: Byline | null }
  | { op: 'reject-correction'; correction: string; to: string }
  | { op: 'mark-reviewed'; item: string; reviewed: boolean }
  | { op: 'new-article'; paragraph: ParagraphRef; headline: string }
  | { op: 'join-articles'; item: string; into: string }
  | { op: 'mark-furniture'; paragraph: ParagraphRef; kind: Furniture['kind'] }
  | { op: 'mark-subhead'; paragraph: ParagraphRef; subhead: boolean };

export const EDIT_OPS = [
  'move-paragraph',
  'edit-paragraph',
  'split-paragraph',
  'join-paragraphs',
  'set-headline',
  'set-deck',
  'set-kicker',
  'set-byline',
  'reject-correction',
  'mark-reviewed',
  'new-article',
  'join-articles',
  'mark-furniture',
  'mark-subhead',
] as const satisfies ReadonlyArray<Edit['op']>;

export interface EditsFile {
  schema: 'newsprint/edits@1';
  /** The extraction the edits were made on. */
  source: { file: string; sha256: string };
  /** Applied in order to the recovered issue. */
  edits: Edit[];
}

// ---- Templates: page geometry as data (templates/*.json) --------------------

/** The least and the largest value allowed (type sizes in pt, scales). */
export interface Range {
  min: number;
  max: number;
}

/** Face roles; fonts/fonts.json maps each to a font file from an npm package. */
export type FaceRole = 'song' | 'heavy' | 'bold' | 'kai';

export interface Template {
  name: string;
  description: string;
  /** Page size in mm. */
  page: { width: number; height: number };
  /** Margins in mm; inner is the spine side. */
  margins: { top: number; bottom: number; inner: number; outer: number };
  columns: number;
  /** Least gutter between columns, in ems of body type. */
  gutterEm: number;
  body: {
    face: FaceRole;
    /** Body sizes in pt the make-up may choose from (all pages share one). */
    sizes: Range;
    step: number;
    /** Line pitch as a multiple of the body size (size + leading): the house's, set wherever the page fills at it. */
    pitch: number;
    /**
     * The most the pitch may open to fill a page: the make-up opens it a grid line at a time where the issue leaves
     * white at the house pitch. Absent: the pitch is fixed. (Newspapers lead up to two thirds of the body, 1.67, but
     * pdftotext reads lines more than 1.5 em apart as blocks of their own, across the columns: the templates stop at
     * 1.49.)
     */
    maxPitch?: number;
    /** Least size (pt) for reading: smaller sizes are used only when the issue fits at none of these. */
    reading?: number;
    /** Face of subheads (小标题), set at body size; bold where absent. */
    subheadFace?: FaceRole;
  };
  /**
   * Page 1's masthead and page 2's running head: `lines` grid lines at the reading size (`body.reading`); at another
   * body size they keep that height, in as many grid lines as come nearest.
   */
  masthead: { lines: number; titleSize: number; face: FaceRole; infoSize: number };
  runningHead: { lines: number; size: number; face: FaceRole };
  lead: {
    headline: { face: FaceRole; sizes: Range };
    deck: { face: FaceRole; size: number };
    /** The introduction is set in one of these numbers of wide columns. */
    intro: { face: FaceRole; scale: Range; columns: number[] };
  };
  headline: { face: FaceRole; sizes: Range; maxLines: number };
  byline: { face: FaceRole; scale: number };
  /** Rules between modules: weight in pt; modules are separated by this many grid lines. */
  rules: { weight: number; spaceLines: number };
  /**
   * Most grid lines of white a headline block may take beyond its set headline and air: the make-up fills pages by
   * module shapes, not by white.
   */
  maxHeadlineExtra: number;
  /**
   * Whether an item too long for what is left of page 1 may continue on page 2 (转版), cut between paragraphs, with
   * jump lines: 'to-fill' (the default) wherever it closes holes, 'to-fit' only where the issue fits no reading body
   * size without one, 'never'.
   */
  jumps?: 'never' | 'to-fit' | 'to-fill';
}

// ---- Layout: the page tree (layout.json) -------------------------------------

export type LineRole =
  | 'masthead-title'
  | 'masthead-info'
  | 'running-head'
  | 'lead-headline'
  | 'deck'
  | 'kicker'
  | 'intro'
  | 'headline'
  | 'byline'
  | 'body'
  /** A continued item's jump line (`（下转第2版）`, `（上接第1版）`): furniture, not the issue's text. */
  | 'jump';

/** One line of text, every glyph positioned: the renderer only draws it. */
export interface TextLine {
  role: LineRole;
  /** Issue item the text belongs to: 'masthead', 'lead', an article id, or 'page'. */
  item: string;
  /** Paragraph index within the item for body and intro lines. */
  paragraph?: number;
  /** A line of a subhead paragraph (set bold, flush). */
  subhead?: boolean;
  text: string;
  face: FaceRole;
  size: number;
  /** Left end of the line's measure and its baseline, in pt from the page's top-left. */
  x: number;
  y: number;
  /** The measure the line was set to, in pt. */
  width: number;
  /** x of each character (by code point) relative to `x`, in pt. */
  xs: number[];
  /** Horizontal scale of a glyph where it is not 1 (em dashes set to a full em). */
  scales?: Record<number, number>;
  /** Punctuation set half width (clreq compression), by character index. */
  halves?: number[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
}

export interface Box {
  id: string;
  kind: 'masthead' | 'running-head' | 'lead' | 'article';
  item: string;
  rect: Rect;
  /** Columns spanned, for articles. */
  span?: number;
  lines: TextLine[];
}

export interface Page {
  number: number;
  width: number;
  height: number;
  typeArea: Rect;
  boxes: Box[];
  rules: Rule[];
  /** Empty parts of the type area, as a fraction of it. */
  holes: number;
}

export interface Layout {
  schema: 'newsprint/layout@1';
  template: string;
  issue: { file: string; sha256: string; section: string; date: string | null; weekday: string; title: string };
  /** Items in reading order with the page they are on, for the PDF outline. */
  outline: Array<{ item: string; title: string; page: number; y: number }>;
  makeup: {
    bodySize: number;
    pitch: number;
    columns: number;
    measureEm: number;
    score: number;
    candidates: number;
    pages: Array<{ items: string[]; arrangement: string; holes: number; fill: number }>;
  };
  pages: Page[];
}

// ---- Font metrics: what layout needs to know of a face -------------------------

export interface FaceMetrics {
  /** Width a character is set in (em): its advance, or the full em a narrow quote is given (see `inset`). */
  advance(ch: string): number;
  /** The glyph's own advance in em: how far the renderer's pen moves after it. */
  glyphAdvance(ch: string): number;
  /** Where a glyph narrower than the width it is set in is drawn, in em from that width's start (else 0). */
  inset(ch: string): number;
  /** Does the face have a glyph for the character? */
  has(ch: string): boolean;
  /** The half-width form of a punctuation mark (OpenType `halt`): advance and offset in em, or null. */
  half(ch: string): { advance: number; offset: number } | null;
  /** Ascender and descender in em (descender negative). */
  ascent: number;
  descent: number;
}

export type Metrics = Record<FaceRole, FaceMetrics>;

// ---- Page images ----------------------------------------------------------------

/** Pixels of a page image. */
export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8ClampedArray;
}
