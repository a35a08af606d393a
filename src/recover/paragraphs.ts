import { CLOSING, COMPRESSIBLE, endsSentence, isAsciiGraphic, NO_LINE_END } from '../text/chars.js';
import { BREAK_THRESHOLD, breakScore, CLEAR_END, FIRST_LINE_SHORT, keptIndent } from '../text/line-reading.js';
import { bracketDepth, leavesQuoteOpen, opensParagraph, parseSignoff } from './classify.js';
import { type CleanLine, type DraftCorrection, noBreakBetween, runsOn, withWidth } from './lines.js';
import { measuresOfLines } from './measure.js';
import { isLetterSpaced } from './spaces.js';

/** A break score this close to the threshold is a narrow call, counted as a doubt. */
const DOUBT_BAND = 2;

export interface Paragraph {
  lines: CleanLine[];
  text: string;
  /** The block's measure changes here: a strong sign of a new article. */
  newMeasure: boolean;
  measure: number;
  /** Line junctions in or at the start of this paragraph decided by a narrow margin: doubt about its shape. */
  doubts: number;
  /**
   * The lines show no break here, only a sentence ending at a full line's end: the paragraph most likely goes
   * on from the one before, and is kept apart only so that an article may end here (an extractor that drops
   * indents shows no other sign of it). Joined again to the paragraph before when both go to one item.
   */
  soft?: boolean;
  /** A subhead (小标题): a heading line standing between paragraphs, or a heading wrapped over two lines. */
  subhead?: boolean;
}

/**
 * A printed line split in two by the extractor: a stray newline in a block
 * whose lines are separated by blank lines, or a wide justification gap
 * (`…河边成了大家最爱去的地方。` / `“过去河边堆满了垃圾，现`). The two pieces together make one
 * full line, and the second is short yet ends no sentence, which a
 * paragraph's last line would. They are put back together.
 */
export function joinFragments(lines: CleanLine[], corrections: DraftCorrection[]): CleanLine[] {
  if (lines.length < 3) return lines;
  const blankSeparated = isBlankSeparated(lines);
  const common = blankSeparated ? upperMedian(lines.map((l) => l.width)) : 0;
  const measures = blankSeparated ? lines.map(() => common) : measuresOfLines(lines);
  const out: CleanLine[] = [];
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    const measure = measures[i]!;
    // The gap the extractor split at took room too: up to FRAGMENT_GAP ems. Where two marks meet at the split
    // (`。` / `“`), they were set as a compressed pair, whose overlap is where an extractor that follows the pen
    // splits a line: the line's marks may have been compressed (the pieces down to their least width).
    const squeezed = prev !== undefined && pairAcross(prev.text, line.text);
    const short = prev ? measure - (prev.width + line.width) + (squeezed ? PAIR_SAVES : 0) : 0;
    const whole =
      prev &&
      short <= FRAGMENT_GAP + FRAGMENT_TOLERANCE &&
      (short >= -FRAGMENT_TOLERANCE || (squeezed && prev.minWidth + line.minWidth <= measure + FRAGMENT_TOLERANCE));
    const split = blankSeparated
      ? prev && !line.blankBefore && !endsSentence(prev.text)
      : prev &&
        line.width <= measure - FRAGMENT_SHORT &&
        prev.width <= measure - FRAGMENT_SHORT &&
        !endsSentence(line.text) &&
        // After a sentence's end only where a stop met an opening mark (the pair's overlap is where extractors
        // split): otherwise a short last line and the next paragraph's first line, its indent dropped, add up too.
        (!endsSentence(prev.text) || squeezed) &&
        !keptIndent(line) &&
        // A sign-off (`（作者为…）`) is a paragraph of its own, however short the line above it; so is a dateline.
        !parseSignoff(line.text) &&
        !opensParagraph(line.text) &&
        // A line the extractor spelled out character by character is a whole, loosely justified one: an extractor
        // that splits a printed line at a wide gap does not space out its pieces.
        !isLetterSpaced(line.raw) &&
        // Mid-paragraph, so the line after it runs on full (a one-line subhead is followed by an indented line);
        // or, where a stop met an opening quote or title mark, the paragraph's last line: a short line after the
        // stop that stops inside a sentence is no paragraph's first line (that would fill its line) nor its last.
        // (Not a bracket: `（摘编自…）` is a sign-off of its own.)
        i + 1 < lines.length &&
        (lines[i + 1]!.width >= measures[i + 1]! - FRAGMENT_NEXT_FULL ||
          (squeezed &&
            QUOTE_OR_TITLE_OPENS.has([...line.text][0] ?? '') &&
            measures[i + 1] === measure &&
            !CLOSING.has([...line.text].at(-1) ?? '') &&
            // (Not before a paragraph's first line: the short line between is a subhead, `“东州样板”这样炼成`.)
            !firstLineShape(lines[i + 1]!, measure)));
    if (prev && whole && split) {
      const merged = withWidth({
        no: prev.no,
        raw: prev.raw,
        text: joinText(prev.text, line.text),
        removed: prev.removed,
        blankBefore: prev.blankBefore,
        ...(runsOnAcross(prev, line) ? {} : { doubtfulJoin: true }),
      });
      corrections.push({
        kind: 'fragment-joined',
        lines: [prev.no, line.no],
        from: `${prev.text}\n${line.text}`,
        to: merged.text,
        note: blankSeparated
          ? 'stray newline inside a printed line'
          : 'a printed line the extractor split at a wide gap',
      });
      out[out.length - 1] = merged;
    } else out.push(line);
  });
  return out;
}

/** A paragraph's first line as an extractor that drops the indent writes it: its indent short, ending no sentence. */
const firstLineShape = (line: CleanLine, measure: number): boolean =>
  measure - line.width >= NEXT_NOT_FULL && measure - line.width <= FIRST_LINE_SHORT && !endsSentence(line.text);

/**
 * A line and the next meet where a mark meets an opening one (`…的意见》` / `（以下简称…`) and fit one printed line
 * together: the extractor split a line at the pair, where a heading's next line (a paragraph's first, nearly full)
 * would not fit beside it.
 */
const splitAtPair = (a: CleanLine, b: CleanLine, measure: number): boolean =>
  pairAcross(a.text, b.text) && a.minWidth + b.minWidth <= measure + FRAGMENT_TOLERANCE;

/** The first piece stops inside a sentence (`…，`) or the second cannot start a line (`”李大爷说`): they run on. */
const runsOnAcross = (a: CleanLine, b: CleanLine): boolean =>
  MID_SENTENCE_END.has([...a.text].at(-1) ?? '') || runsOn([...b.text][0] ?? '');

/** A stop or closing mark, then an opening mark: a pair set 1.5 em wide, not 2 (clreq). */
export const PAIR_SAVES = 0.5;
const pairAcross = (a: string, b: string): boolean =>
  COMPRESSIBLE.has([...a].at(-1) ?? '') && NO_LINE_END.has([...b][0] ?? '') && COMPRESSIBLE.has([...b][0] ?? '');

const QUOTE_OPENS = new Set(['“', '「', '『', '‘']);
/** Opening quotes and title marks: a sentence's words, where an opening bracket may start a sign-off. */
const QUOTE_OR_TITLE_OPENS = new Set([...QUOTE_OPENS, '《', '〈']);

/** Two pieces make one printed line when their widths add up to the measure within this (ems). */
const FRAGMENT_TOLERANCE = 0.75;
/**
 * The wide gap an extractor splits a printed line at (glue before a quote, a justified space), in ems. Typst leaves
 * up to two where a stop meets an opening mark (`…灵魂。` / `《意见》将…推动`, 57 ems of a 59-em line).
 */
const FRAGMENT_GAP = 2;
/** Both pieces of a split line fall at least this short of the measure. */
const FRAGMENT_SHORT = 3;
/** The line after a split one is full: within this of the measure (less than a first line's indent). */
const FRAGMENT_NEXT_FULL = 1.2;

/** What the text of a line says about where paragraphs start, beyond the shape of the lines. */
export interface LineCues {
  /** A subhead or box label (`核心阅读`): a paragraph of its own when it stands after a sentence's end. */
  heading(line: CleanLine): boolean;
  /** Of those, a subhead or box label to set as one (not an editor's signature `——编  者`). */
  subhead(line: CleanLine): boolean;
  /** A word runs from the end of one line into the next: the two belong to one paragraph. */
  joined(a: CleanLine, b: CleanLine): boolean;
  /** A paragraph that is complete as it stands (a sign-off `（作者为…）`): the next line starts another. */
  complete(paragraph: string): boolean;
  /** Always opens a paragraph: a dateline, a sign-off. */
  opens(line: CleanLine): boolean;
}
export const NO_CUES: LineCues = {
  heading: () => false,
  subhead: () => false,
  opens: () => false,
  joined: () => false,
  complete: () => false,
};

/** A heading line is at least this much (ems) shorter than the measure: more than a first line's 2-em indent. */
const HEADING_SHORT = 3;
/** A heading candidate no wider than this share of the measure is a whole line by itself. */
const HEADING_WHOLE = 0.6;
/** The line after a heading starts a paragraph: at least this much short of the measure (its indent, less slack). */
const NEXT_NOT_FULL = 1.5;

/**
 * The line after a long heading candidate starts a paragraph: not full. Not a sentence's end well short of a first
 * line's room, which is the candidate's own paragraph's last line (`…哪一条都难` / `走。`), a one-line paragraph
 * after a heading being rarer than a heading as long.
 */
const startsAfterLongLine = (next: CleanLine, measure: number): boolean =>
  measure - next.width >= NEXT_NOT_FULL && !(endsSentence(next.text) && measure - next.width > FIRST_LINE_SHORT);

/**
 * A first line set tight: short of a full line, and its marks compressed (an opening quote, pauses) make room for its
 * indent.
 */
const startsTight = (next: CleanLine, measure: number): boolean =>
  measure - next.width >= INDENT_TIGHT_SHORT && next.minWidth <= measure - 2 + INDENT_TIGHT;
/** A first line set tight holds its 2-em indent with its marks compressed down to within this of their least. */
const INDENT_TIGHT = 0.25;
/** …and still falls short of a full line, which justification fills. */
const INDENT_TIGHT_SHORT = 0.75;

/** A wrapped heading's first line fills a first line's room (measure less its 2-em indent) within this (ems). */
const WRAPPED_FULL = 1;

/**
 * The first line of a heading that wrapped: it fills the room of an indented first line, ends mid-sentence, and the
 * line after it is short and ends no sentence either (its last line, not a paragraph's first). Not a heading alone.
 */
function wrapsHeading(line: CleanLine, next: CleanLine | undefined, measure: number, nextMeasure = measure): boolean {
  return (
    next !== undefined &&
    !endsSentence(line.text) &&
    measure - 2 - line.width <= WRAPPED_FULL &&
    nextMeasure - next.width >= HEADING_SHORT &&
    !endsSentence(next.text) &&
    !keptIndent(next)
  );
}

/** A paragraph longer than this (characters) is no sign-off complete in itself. */
const MAX_COMPLETE = 200;
/** Marks that end no paragraph: a sentence goes on after them. */
const MID_SENTENCE_END = new Set(['，', '、', ',']);
/** Nor a colon that introduces a quotation on the next line (`总书记指出：` / `“要树立…`). */
const INTRODUCES = new Set(['：', ':']);

/** How the page's extraction writes paragraphs, judged over the whole page (a block alone may show too little). */
export interface PageWriting {
  /** First lines keep their indents (keepsIndents). */
  indentsKept: boolean;
  /** A paragraph a line (writesParagraphLines), for a block too short to tell. */
  paragraphLines: boolean;
  /** A blank line after every paragraph's end (blanksEndParagraphs): a full line's sentence end without one goes on. */
  blankEnds: boolean;
}

/** Column lines → paragraphs; what `page` does not say is judged on these lines alone. */
export function paragraphs(lines: CleanLine[], cues: LineCues = NO_CUES, page: Partial<PageWriting> = {}): Paragraph[] {
  let own: EndEvidence | undefined;
  const evidence = () => (own ??= endEvidence(lines));
  const indentsKept = page.indentsKept ?? keepsIndents(evidence());
  const pageWritesParagraphLines = page.paragraphLines ?? false;
  const blankMeansBreak = !isBlankSeparated(lines);
  // (Not where every line is set off by one: there a blank line tells nothing.)
  const blankEnds = blankMeansBreak && (page.blankEnds ?? blanksEndParagraphs(evidence()));
  // A block too short to tell is written as the page is.
  const flat = lines.length >= PARAGRAPH_LINES_MIN ? writesParagraphLines(lines) : pageWritesParagraphLines;
  const measures = measuresOfLines(lines);
  const out: Paragraph[] = [];
  let afterHeading = false;
  /** The line a wrapped heading standing between paragraphs starts on: the line two below starts a paragraph. */
  let wrappedFrom = -Infinity;
  /** Lines each subhead may have. */
  const subheadLines = new Map<Paragraph, number>();
  /** Round brackets the paragraph so far leaves open. */
  let depth = 0;
  lines.forEach((line, i) => {
    const newMeasure = i > 0 && measures[i] !== measures[i - 1];
    const prev = lines[i - 1];
    // A paragraph's first line is short too (its indent): a heading is told by the line after it, which starts
    // a paragraph and so is not full.
    const next = lines[i + 1];
    // A line well short of the measure is whole by itself; a longer one is a heading only when the next starts a
    // paragraph.
    const wraps = cues.heading(line) && wrapsHeading(line, next, measures[i]!, measures[i + 1]);
    const heading =
      cues.heading(line) &&
      !wraps &&
      !leavesQuoteOpen(line.text) &&
      measures[i]! - line.width >= HEADING_SHORT &&
      (!prev || endsSentence(prev.text) || afterHeading) &&
      (!next ||
        ((line.width <= HEADING_WHOLE * measures[i]! ||
          startsAfterLongLine(next, measures[i + 1]!) ||
          // (A tight next line only after a line no paragraph's first line could be: well short of its room.)
          (measures[i]! - 2 - line.width >= HEADING_SHORT && startsTight(next, measures[i + 1]!))) &&
          !cues.joined(line, next) &&
          !splitAtPair(line, next, measures[i]!)));
    const forced =
      i === 0 ||
      newMeasure ||
      (flat && endsSentence(prev!.text)) ||
      heading ||
      afterHeading ||
      i === wrappedFrom + 2 ||
      cues.opens(line) ||
      // (Only a short paragraph can be complete as it stands: this keeps a page of one endless paragraph linear.)
      ((out.at(-1)?.text.length ?? Infinity) <= MAX_COMPLETE && cues.complete(out.at(-1)!.text));
    const score = forced
      ? 0
      : breakScore(
          lines[i - 1]!,
          line,
          next,
          measures[i]!,
          out[out.length - 1]?.lines.length === 1,
          blankMeansBreak,
          indentsKept,
          blankEnds,
        );
    // A bracket left open at a line's end (`（作者为东州市政协` …) closes in the same paragraph.
    const open = i > 0 && !newMeasure && depth > 0;
    // A closing mark never starts a paragraph (nor a line: an extractor that writes `”李大爷说。` on a line of its
    // own cut a printed line at the mark); nor does a paragraph end in a comma or an opening mark: the line
    // above runs on.
    const first = [...line.text][0] ?? '';
    const last = [...(prev?.text ?? '')].at(-1) ?? '';
    const quoted = INTRODUCES.has(last) && QUOTE_OPENS.has(first);
    // Nor does one end inside a word (`…利用研究` / `所（以下简称…`), unless something else starts one there. (Asked
    // last: it segments both lines.)
    const inWord = () => !forced && cues.joined(prev!, line);
    const continues =
      i > 0 &&
      !newMeasure &&
      (noBreakBetween(prev!.text, line.text) || MID_SENTENCE_END.has(last) || quoted || inWord());
    const starts = !open && !continues && (forced || score > BREAK_THRESHOLD);
    // A narrow call: a break score near the threshold, or a long line taken for a heading by its next line alone.
    const longHeading = heading && line.width > HEADING_WHOLE * measures[i]!;
    // A line that ends no sentence, well short of its room, run on into the next: a standfirst or a heading may end
    // there with no mark (`…建设更加宜居的西湾新城`), its paragraph's end hidden where the extractor dropped indents.
    const shortJoin =
      !starts && !continues && !open && !endsSentence(prev!.text) && measures[i - 1]! - prev!.width >= HEADING_SHORT;
    const doubt =
      ((!forced && Math.abs(score - BREAK_THRESHOLD) < DOUBT_BAND) || longHeading ? 1 : 0) +
      (line.doubtfulJoin ? 1 : 0) +
      (shortJoin ? 1 : 0);
    // A narrow call against a break after a sentence's end: a break the lines may have hidden.
    const soft =
      !starts &&
      !open &&
      !continues &&
      doubt > 0 &&
      score > BREAK_THRESHOLD - DOUBT_BAND &&
      endsSentence(prev?.text ?? '');
    // A subhead is the heading line alone, or a wrapped heading's two lines (checked once the lines are placed).
    // (Both lines as printed: the first no wider than a first line's room, the second not a piece of a line the
    // extractor cut at a mark, and the line after them a paragraph's first or a whole one, not another piece.)
    const third = lines[i + 2];
    const wrapsBetween =
      wraps &&
      (!prev || endsSentence(prev.text) || afterHeading) &&
      line.minWidth <= measures[i]! - 2 + WRAPPED_FULL &&
      !runsOn([...next!.text][0] ?? '') &&
      third !== undefined &&
      (measures[i + 2]! - third.width <= FIRST_LINE_SHORT || endsSentence(third.text));
    const subhead = cues.subhead(line) && (heading || wrapsBetween);
    afterHeading = heading;
    if (wrapsBetween) wrappedFrom = i;
    depth = bracketDepth(line.text, starts ? 0 : depth);
    if (starts || soft) {
      const p: Paragraph = {
        lines: [line],
        text: line.text,
        newMeasure: i === 0 || newMeasure,
        measure: measures[i]!,
        doubts: doubt,
        ...(soft ? { soft } : {}),
        ...(subhead ? { subhead } : {}),
      };
      out.push(p);
      if (subhead) subheadLines.set(p, heading ? 1 : 2);
    } else {
      const p = out[out.length - 1]!;
      p.lines.push(line);
      p.text = joinText(p.text, line.text);
      p.doubts += doubt;
    }
  });
  for (const [p, most] of subheadLines) if (p.lines.length > most) delete p.subhead;
  return out;
}

/** Column lines join with nothing between, except two Latin words, which a line end separated. */
export function joinText(a: string, b: string): string {
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  return /[A-Za-z]/.test(last) && /[A-Za-z]/.test(first) && isAsciiGraphic(last) ? `${a} ${b}` : a + b;
}

/**
 * The extractor writes first lines' indents (MuPDF): after every clear paragraph end of the page (a sentence ending
 * at least CLEAR_END ems short of the measure), at least KEPT_INDENTS of them, the next line is indented. Then a
 * line without an indent starts no paragraph. (-layout keeps some and loses others when it splits columns apart.)
 * Judged over the whole page: a narrow module alone may show too few paragraph ends to tell.
 */
const KEPT_INDENTS = 3;

/** What an extractor writes after a block's clear paragraph ends: how many there are, how many indented or blank. */
export interface EndEvidence {
  after: number;
  indented: number;
  blanked: number;
}
export const NO_EVIDENCE: EndEvidence = { after: 0, indented: 0, blanked: 0 };
export const addEvidence = (a: EndEvidence, b: EndEvidence): EndEvidence => ({
  after: a.after + b.after,
  indented: a.indented + b.indented,
  blanked: a.blanked + b.blanked,
});

/** Of a block's lines after a clear paragraph end: how many, and how many of them indented, or after a blank line. */
export function endEvidence(lines: CleanLine[]): EndEvidence {
  const measures = measuresOfLines(lines);
  const after = lines.filter(
    (_, i) => i > 0 && endsSentence(lines[i - 1]!.text) && measures[i - 1]! - lines[i - 1]!.width >= CLEAR_END,
  );
  return {
    after: after.length,
    indented: after.filter(keptIndent).length,
    blanked: after.filter((l) => l.blankBefore).length,
  };
}

export const keepsIndents = (e: EndEvidence): boolean => e.after >= KEPT_INDENTS && e.indented === e.after;

/**
 * The extractor sets every paragraph off by a blank line (MuPDF on a page whose paragraphs stand apart): after
 * nearly every clear paragraph end, at least BLANK_ENDS of them, a blank line. Then a sentence ending at a full
 * line's end with no blank line after it ends no paragraph (followed by a line a compressed mark short, it is one
 * paragraph going on; breakScore). Where blank lines also part column lines, that says nothing (isBlankSeparated).
 */
const BLANK_ENDS = 6;
const BLANKED_SHARE = 0.9;
export const blanksEndParagraphs = (e: EndEvidence): boolean =>
  e.after >= BLANK_ENDS && e.blanked >= BLANKED_SHARE * e.after;

/**
 * The extractor wrote each paragraph on a line of its own (MuPDF on a wide block, text copied from a reader view):
 * nearly every line ends a sentence, where in printed column lines only paragraphs' last lines and a few others do
 * (a quarter to a third of them). Then every sentence's end at a line's end is a paragraph's end.
 */
export function writesParagraphLines(lines: CleanLine[]): boolean {
  const ends = lines.filter((l) => endsSentence(l.text)).length;
  return lines.length >= PARAGRAPH_LINES_MIN && ends >= PARAGRAPH_LINES_SHARE * lines.length;
}
/** Lines enough to tell: a short block of three sentences set one a line proves nothing. */
const PARAGRAPH_LINES_MIN = 4;
const PARAGRAPH_LINES_SHARE = 0.8;

/** Most lines have a blank line before them: the extractor's way of writing column lines. */
function isBlankSeparated(lines: CleanLine[]): boolean {
  return lines.filter((l, i) => i > 0 && l.blankBefore).length >= 0.6 * (lines.length - 1);
}

function upperMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted.slice(Math.floor(sorted.length / 2));
  return upper[Math.floor(upper.length / 2)] ?? 0;
}
