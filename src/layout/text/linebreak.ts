/**
 * Breaks a paragraph into lines of a measure (in em), by the rules of clreq:
 * total fit over the whole paragraph (first fit where that finds nothing). A
 * closing mark that does not fit is squeezed in by compressing punctuation
 * or hangs past the line's end (a stop or pause after a character), or,
 * failing that, takes the character before it to the next line; a line
 * never ends with an opening mark; runs (numbers, Latin words, dashes) are
 * never split; and a paragraph's last line never holds a single character
 * alone, nor only punctuation.
 */
import { NewsprintError } from '../../errors.js';
import { emWidth, endsSentence, NO_LINE_START } from '../../text/chars.js';
import type { FaceMetrics } from '../../types.js';
import { memoPer } from '../memo.js';
import { HAN_LATIN_MAX, HAN_LATIN_SPACE, naturalWidth, spanWidths } from './setline.js';
import { isPunct, mayEndLine, mayHang, mayStartLine, toUnits, type Unit, withGaps } from './units.js';

type Widths = ReturnType<typeof spanWidths>;

export interface BrokenLine {
  units: Unit[];
  /** Em of indent before the line (the paragraph's first line). */
  indent: number;
  last: boolean;
  /** Its last unit (a stop or pause) hangs past the measure. */
  hangs?: boolean;
  /** Justified, it reads spaced out (more than STRETCH_UNIT between characters). */
  loose?: boolean;
}

export interface BreakOptions {
  measure: number;
  indent: number;
  /** Body text: spaces between Han characters are a printed gap, kept inside a line (withGaps). */
  gaps?: boolean;
  /**
   * How the paragraph's ends must read where an extractor drops indents (readable.ts): its first line short of the
   * measure by its indent as counted (each mark a whole em), or its last line short by this many ems as counted.
   */
  reads?: ReadingEnds;
}

export interface ReadingEnds {
  showIndent?: boolean;
  lastShortBy?: number;
  /** Its last line (after a first) not as short as a first line is: full, or clearly shorter than an indent leaves. */
  lastUnlikeFirst?: boolean;
  /** Its last line (after a first) full: so that the next paragraph's first line reads an indent shorter than it. */
  lastFull?: boolean;
}

/** A paragraph set in exactly `lines` lines, none with more than `maxStretch` em between characters. */
export interface ExactLines {
  lines: number;
  maxStretch: number;
}

export function breakParagraph(text: string, m: FaceMetrics, opts: BreakOptions): BrokenLine[] {
  return setParagraph(text, m, opts)!;
}

/**
 * The paragraph in exactly a number of lines (to keep a paragraph's last line off a column's top): null where no
 * breaks give that many lines within the stretch.
 */
export function breakParagraphInto(
  text: string,
  m: FaceMetrics,
  opts: BreakOptions,
  exactly: ExactLines,
): BrokenLine[] | null {
  return setParagraph(text, m, opts, exactly);
}

/**
 * A paragraph's units and their widths, by face, found once for each measure: the make-up sets a paragraph again in a
 * line more or fewer (widows, filled columns) and at every body size that shares its measure. (Read only after.)
 */
const prepared = memoPer<FaceMetrics, string, Prepared>();

interface Prepared {
  units: Unit[];
  widths: Widths;
  /** Prefix sums of the units' widths as a reader of extracted text counts them (countedWidths). */
  counted: Float64Array;
}

function prepare(text: string, m: FaceMetrics, opts: BreakOptions): Prepared {
  const max = opts.measure - opts.indent - 1;
  return prepared(m)(`${opts.gaps ?? false}|${max}|${text}`, () => {
    const units = splitLongRuns(opts.gaps ? withGaps(toUnits(text)) : toUnits(text), max, m);
    return { units, widths: spanWidths(units, m), counted: countedWidths(units) };
  });
}

/** Prefix sums of the units' widths as a reader of extracted text counts them: each mark a whole em (emWidth). */
function countedWidths(units: Unit[]): Float64Array {
  const out = new Float64Array(units.length + 1);
  units.forEach((u, k) => {
    out[k + 1] = out[k]! + (u.kind === 'space' ? 0 : emWidth(u.text));
  });
  return out;
}

function setParagraph(text: string, m: FaceMetrics, opts: BreakOptions, exactly?: ExactLines): BrokenLine[] | null {
  const { units, widths, counted } = prepare(text, m, opts);
  const endBy = endsSentence(text) ? 0 : OPEN_END_BY;
  const cuts = exactly
    ? totalFit(units, widths, counted, opts, exactly, endBy)
    : (totalFit(units, widths, counted, opts, undefined, endBy) ?? firstFit(units, widths, opts));
  if (!cuts) return null;
  keepLastLineCompany(units, cuts, widths);
  refuseUnsettable(text, units, cuts, widths, opts);
  const lines: BrokenLine[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    let slice = units.slice(cuts[k], cuts[k + 1]);
    // A space that ends up at a line's edge is no longer a space between words.
    slice = slice.filter((u, n) => u.kind !== 'space' || (n > 0 && n < slice.length - 1));
    const avail = opts.measure - (k === 0 ? opts.indent : 0);
    const hangs = hangsAt(units, widths, cuts[k]!, cuts[k + 1]!, avail);
    const last = k + 2 === cuts.length;
    const end = hangs ? cuts[k + 1]! - 1 : cuts[k + 1]!;
    const slack = avail - widths.natural(cuts[k]!, end - 1);
    const loose = !last && slack > 0 && looseness(widths, cuts[k]!, end, slack) > STRETCH_UNIT + 1e-9;
    lines.push({
      units: slice,
      indent: k === 0 ? opts.indent : 0,
      last,
      ...(hangs ? { hangs } : {}),
      ...(loose ? { loose } : {}),
    });
  }
  return lines;
}

/**
 * Text no line breaking can set by the rules (a paragraph opening with a
 * closing mark, runs of marks longer than a line) is refused with a clear
 * error rather than set against them.
 */
function refuseUnsettable(text: string, units: Unit[], cuts: number[], widths: Widths, opts: BreakOptions): void {
  for (let k = 0; k + 1 < cuts.length; k++) {
    const i = cuts[k]!;
    const j = cuts[k + 1]! - 1;
    const avail = opts.measure - (k === 0 ? opts.indent : 0);
    const first = units[i]!;
    const last = units[j]!;
    // A paragraph may open with any mark (`……` as a separator line): no break put it there.
    const problem =
      k > 0 && !mayStartLine(first)
        ? `a line would start with "${first.text}"`
        : k + 2 < cuts.length && !mayEndLine(last)
          ? `a line would end with "${last.text}"`
          : widths.min(i, j) > avail + 1e-6 && !hangsAt(units, widths, i, j + 1, avail)
            ? `a line would be wider than ${avail} em`
            : '';
    if (problem)
      throw new NewsprintError(
        `cannot set the paragraph "${text.slice(0, 20)}…" by the line-breaking rules: ${problem}`,
        undefined,
        'the text has punctuation no typesetting rule can place',
      );
  }
}

/** A run (a URL, a long number) wider than a line may be broken anywhere: cut it into pieces that fit. */
function splitLongRuns(units: Unit[], max: number, m: FaceMetrics): Unit[] {
  const tooWide = (u: Unit) => u.kind === 'latin' && naturalWidth([u], m) > max;
  if (!units.some(tooWide)) return units;
  return units.flatMap((u) => {
    if (!tooWide(u)) return [u];
    const pieces: Unit[] = [];
    let piece = '';
    for (const ch of u.text) {
      if (piece && naturalWidth([{ text: piece + ch, kind: 'latin' }], m) > max) {
        // No piece starts with a mark no line may start with (`.com`): characters before it go down with it.
        let carry = '';
        while (piece.length > 1 && NO_LINE_START.has((carry || ch)[0]!)) {
          carry = piece.slice(-1) + carry;
          piece = piece.slice(0, -1);
        }
        pieces.push({ text: piece, kind: 'latin' });
        piece = carry;
      }
      piece += ch;
    }
    if (piece) pieces.push({ text: piece, kind: 'latin' });
    return pieces;
  });
}

function firstFit(units: Unit[], widths: Widths, opts: BreakOptions): number[] {
  const cuts: number[] = [0];
  let i = 0;
  while (i < units.length) {
    const avail = opts.measure - (cuts.length === 1 ? opts.indent : 0);
    const j = lineEnd(units, i, avail, widths);
    cuts.push(j);
    i = j;
  }
  return cuts;
}

// Named costs of total fit, in units of "one line set at 1.05 em a character".
/** How loose a line may look: its extra space per gap, over this, squared. */
const STRETCH_UNIT = 0.05;
/**
 * A line that reads spaced out (over 1.05 em a character, the make-up report's loose line): on top of its
 * looseness, as much as five hung marks, so that halving or hanging marks elsewhere in the paragraph comes first.
 */
const LOOSE_LINE = 10;
/** Over 1.10 em a character (the cap on pitch): once more, so two lines at 1.08 beat one at 1.16. */
const TOO_LOOSE = 0.1;
/** Each em a line's punctuation is compressed (halved marks): far cheaper than spacing a line out. */
const COMPRESS_PER_EM = 0.5;
/** Each line: so that no break is made only to spread the text thinner. */
const LINE_COST = 50;
/**
 * A stop or pause hung past the line's end: less than a line spaced out by a pushed-down character (at 10 em one
 * em over nine gaps costs (0.11 / 0.05)² ≈ 5), more than halving marks inside the line.
 */
const HANG_COST = 2;
/**
 * A paragraph's last line less than an em short of the measure: where the extractor drops the next paragraph's
 * indent (pdf.js, pdftotext), nothing shows the paragraph ended, so recovering newsprint's own spread joins the two.
 * Costs as much as a line at 1.12 em, so the paragraph is set a little tighter or looser where it can be.
 */
const FULL_LAST_LINE = 20;
/** How short (em) a last line must end to show its paragraph's end: more than one character (a squeezed mark). */
const FULL_BY = 1.5;
/**
 * A paragraph that ends no sentence (`…等民生难题`, a line that stands as a heading): recovery ends a paragraph there
 * only where its last line stops more than 3 em short (less could be a justified line's compressed marks), so it is
 * set that short where it can be. Costs less than a loose line: no line opens past 1.05 em for it.
 */
const OPEN_END_BY = 3.5;
const OPEN_END_SHORT = 8;
/**
 * A first line that must show its indent (ReadingEnds) reads as indented when it falls this far short of the measure
 * as counted: recovery reads a line 1.5 em short as a first line, not a full one (paragraphs.ts shapeOfFirstLine).
 */
const SHOWN_INDENT = 1.5;
/**
 * A paragraph end that would not read as one, or a first line that would read full: more than a loose line (the
 * reader joins two paragraphs), less than a line added to the paragraph (a module a line taller).
 */
const HIDDEN_INDENT = 40;
const RUN_ON_END = 60;
/**
 * A last line that must not read as a paragraph's first line (ReadingEnds) is either within this of the measure as
 * counted (full), or more than FIRST_READ short: recovery reads a line 1-3.2 em short as an indented first line.
 */
const FULL_READ = 1;
const FIRST_READ = 3.5;

/**
 * Does the line [i, j) fit only by hanging its last unit, a stop or pause after a character, past the measure? (The
 * rest fits; the mark's ink, in the first half of its em, stands in the gutter.)
 */
function hangsAt(units: Unit[], widths: Widths, i: number, j: number, avail: number): boolean {
  return (
    j - i >= 2 &&
    mayHang(units[j - 1]) &&
    !isPunct(units[j - 2]!) &&
    widths.min(i, j - 1) > avail + 1e-6 &&
    widths.min(i, j - 2) <= avail + 1e-6
  );
}

/**
 * Total fit (Knuth–Plass for Chinese): the breaks of the whole paragraph that
 * cost least together, where a line costs its looseness (extra space per gap,
 * squared), a little for compressed punctuation, and a fixed cost for being a
 * line; with `exactly`, the paragraph in that many lines. Breaks only where
 * clreq allows (no closing mark starts a line, no opening mark ends one, no
 * run is split). Compression is spread over the paragraph instead of pushing
 * a character down and spacing out the line it left. Null when no such
 * breaks exist (a run wider than a line): first fit then sets it.
 */
function totalFit(
  units: Unit[],
  widths: Widths,
  counted: Float64Array,
  opts: BreakOptions,
  exactly?: ExactLines,
  endBy = 0,
): number[] | null {
  const n = units.length;
  if (n === 0) return exactly && exactly.lines !== 1 ? null : [0, 0];
  const breakable = (j: number) => j === n || (mayStartLine(units[j]!) && mayEndLine(units[j - 1]!));
  // 单字不成行 is a rule of the breaks, so the paragraph finds its way around it (keepLastLineCompany is the fallback).
  const chars = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) chars[k + 1] = chars[k]! + (isCharacter(units[k]!) ? 1 : 0);
  const lonely = (i: number) => i > 0 && chars[n]! - chars[i]! < 2;
  const reads = opts.reads;

  /** What the line [i, j) costs for reading wrong where the indents are gone (ReadingEnds). */
  const misread = (i: number, j: number): number => {
    if (!reads) return 0;
    const width = counted[j]! - counted[i]!;
    let cost = 0;
    if (i === 0 && reads.showIndent && width > opts.measure - SHOWN_INDENT) cost += HIDDEN_INDENT;
    if (j === n && reads.lastShortBy && width > opts.measure - reads.lastShortBy) cost += RUN_ON_END;
    const short = opts.measure - width;
    if (j === n && i > 0 && reads.lastUnlikeFirst && short >= FULL_READ && short <= FIRST_READ) cost += RUN_ON_END;
    if (j === n && i > 0 && reads.lastFull && short > 0) cost += RUN_ON_END;
    return cost;
  };
  // Without a line count, one layer holds every break; with one, layer k holds the breaks after k lines.
  const layers = exactly?.lines ?? 1;
  const arrays = exactly ? layers + 1 : 1;
  const best = Array.from({ length: arrays }, () => new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY));
  const from = Array.from({ length: arrays }, () => new Int32Array(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 0; k < layers; k++) {
    const into = exactly ? k + 1 : k;
    for (let i = 0; i < n; i++) {
      const here = best[k]![i]!;
      if (here === Number.POSITIVE_INFINITY) continue;
      const avail = opts.measure - (i === 0 ? opts.indent : 0);
      for (let j = i + 1; j <= n; j++) {
        const hangs = hangsAt(units, widths, i, j, avail);
        if (widths.min(i, j - 1) > avail + 1e-6 && !hangs) break;
        if (!breakable(j) || (j === n && lonely(i))) continue;
        // A hanging mark takes no room: the rest of the line is set to the measure.
        const end = hangs ? j - 1 : j;
        const natural = widths.natural(i, end - 1);
        const stretch = natural < avail && j < n ? looseness(widths, i, end, avail - natural) : 0;
        if (exactly && stretch > exactly.maxStretch) continue;
        let cost = LINE_COST + (hangs ? HANG_COST : 0);
        if (natural > avail) cost += COMPRESS_PER_EM * (natural - avail);
        else
          cost +=
            (stretch / STRETCH_UNIT) ** 2 +
            (stretch > STRETCH_UNIT + 1e-9 ? LOOSE_LINE : 0) +
            (stretch > TOO_LOOSE + 1e-9 ? LOOSE_LINE : 0);
        if (j === n && avail - natural < FULL_BY) cost += FULL_LAST_LINE;
        else if (j === n && avail - natural < endBy) cost += OPEN_END_SHORT;
        cost += misread(i, j);
        if (here + cost < best[into]![j]! - 1e-9) {
          best[into]![j] = here + cost;
          from[into]![j] = i;
        }
      }
    }
  }
  let k = exactly ? layers : 0;
  if (from[k]![n] === -1) return null;
  const cuts = [n];
  for (let j = n; j > 0; k = exactly ? k - 1 : k) {
    j = from[k]![j]!;
    cuts.unshift(j);
  }
  return cuts;
}

/** Em between characters of the justified line [i, end) short by `slack`, once its Han–Latin spaces have opened. */
function looseness(widths: Widths, i: number, end: number, slack: number): number {
  const opened = Math.min(slack, widths.joins(i, end - 1) * (HAN_LATIN_MAX - HAN_LATIN_SPACE));
  return (slack - opened) / Math.max(1, end - i - 1);
}

/** Where the line starting at unit `i` ends (exclusive). */
function lineEnd(units: Unit[], i: number, avail: number, widths: Widths): number {
  let j = i;
  while (j < units.length && widths.natural(i, j) <= avail + 1e-6) j++;
  if (j === units.length) return j;
  if (j === i) return i + 1; // a run wider than the line: it gets the line to itself
  // Marks that may not start a line are squeezed in while the line's punctuation can give way.
  while (j < units.length && !mayStartLine(units[j]!) && widths.min(i, j) <= avail + 1e-6) j++;
  // Otherwise the character before them goes down with them.
  while (j > i + 1 && j < units.length && !mayStartLine(units[j]!)) j--;
  // A line of one run followed by marks: they stay with it, squeezed as far as they go.
  while (j < units.length && !mayStartLine(units[j]!)) j++;

  // Nothing may be left hanging that must not end a line.
  while (j > i + 1 && !mayEndLine(units[j - 1]!)) j--;
  return j;
}

/** Counts as a character for the lone-character rule: anything but a mark. */
const isCharacter = (u: Unit) => u.kind === 'han' || u.kind === 'latin' || u.kind === 'dash';

/**
 * 单字不成行: when the last line would hold one character (with its marks) or
 * only marks, the line before gives up characters to it, as long as that
 * line keeps more than half its measure and no rule breaks.
 */
function keepLastLineCompany(units: Unit[], cuts: number[], widths: Widths): void {
  const n = cuts.length - 1;
  if (n < 2) return;
  const lastChars = () => units.slice(cuts[n - 1], cuts[n]).filter(isCharacter).length;
  while (lastChars() < 2) {
    let c = cuts[n - 1]! - 1;
    // Take a character, with any marks that must stay with it.
    while (c > cuts[n - 2]! + 1 && (!mayStartLine(units[c]!) || !mayEndLine(units[c - 1]!))) c--;
    if (
      c <= cuts[n - 2]! + 1 ||
      widths.natural(cuts[n - 2]!, c - 1) < widths.natural(cuts[n - 2]!, cuts[n - 1]! - 1) / 2
    )
      return;
    cuts[n - 1] = c;
  }
}
