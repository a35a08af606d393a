/**
 * The measure (full line width, in ems) of each line of a run of column
 * lines. Blocks of one page can be set to different measures, so the measure
 * is piecewise constant: a Viterbi pass over candidate measures, where a line
 * wider than the measure costs a lot, a shorter one (first or last line of a
 * paragraph) a little, and changing measure costs a fixed penalty.
 */

import { CLOSING, endsSentence } from '../text/chars.js';

/** A full line's counted width is within this of the measure (compressed punctuation, loose justification). */
const BAND = 0.5;
const SHORT_COST = 1;
const CHANGE_COST = 6;
/** Where the extractor set a blank line (a block of its own), a change of measure is cheaper. */
const BLOCK_CHANGE_COST = 3;
const MID_PARAGRAPH_COST = 3;
/** Full lines without a compressible mark that are enough to centre a block's measure on them alone. */
const MIN_SOLID = 3;

export interface LineShape {
  width: number;
  /** Width with all compressible punctuation at half an em. */
  minWidth: number;
  /** Ends a sentence: a block may change after it. */
  endsParagraph: boolean;
  /** The extractor set a blank line before it: where it put a block of its own. */
  blankBefore?: boolean;
}

/** A paragraph's first line is indented this many ems: an extractor that drops the indent shows it that short. */
const INDENT = 2;

/** What line costs in a block of `measure`; `opens`: it follows a sentence's end, so it may be a first line. */
function emission(line: LineShape, measure: number, opens: boolean): number {
  if (line.minWidth > measure + BAND) return 1 + 2 * (line.minWidth - measure - BAND);
  if (line.width < measure - BAND) return opens && fits(line, measure - INDENT) ? 0 : SHORT_COST;
  return 0;
}

const fits = (line: LineShape, m: number) => line.width >= m - BAND && line.minWidth <= m + BAND;

/** Per line: the measure of the block it belongs to. */
export function lineMeasures(lines: LineShape[]): number[] {
  const n = lines.length;
  const widths = lines.map((l) => l.width);
  if (n === 0) return [];
  const candidates = [...new Set(widths.map((w) => Math.round(w * 2) / 2))].filter((w) => w >= 2).sort((a, b) => a - b);
  if (candidates.length === 0) return widths.map(() => Math.max(...widths));
  const S = candidates.length;
  let cost = candidates.map((m) => emission(lines[0]!, m, true));
  const back: Int32Array[] = [];
  for (let i = 1; i < n; i++) {
    let bestPrev = 0;
    for (let s = 1; s < S; s++) if (cost[s]! < cost[bestPrev]!) bestPrev = s;
    const from = new Int32Array(S);
    const next = new Array<number>(S);
    for (let s = 0; s < S; s++) {
      const stay = cost[s]!;
      // Blocks change where a paragraph ends, not inside one.
      const move =
        cost[bestPrev]! +
        (lines[i]!.blankBefore ? BLOCK_CHANGE_COST : CHANGE_COST) +
        (lines[i - 1]!.endsParagraph ? 0 : MID_PARAGRAPH_COST);
      from[s] = stay <= move ? s : bestPrev;
      next[s] = Math.min(stay, move) + emission(lines[i]!, candidates[s]!, lines[i - 1]!.endsParagraph);
    }
    back.push(from);
    cost = next;
  }
  // Among equal costs take the widest measure: it explains the most lines as full.
  let s = 0;
  for (let k = 1; k < S; k++) if (cost[k]! <= cost[s]!) s = k;
  const states = new Array<number>(n);
  states[n - 1] = s;
  for (let i = n - 1; i > 0; i--) states[i - 1] = back[i - 1]![states[i]!]!;

  // Centre each block's measure on its full lines. Lines after a sentence's end are left out where enough others fit:
  // they may be first lines, an indent short, and where no full line is solid (each squeezed a mark in) and the
  // paragraphs are short, they outnumber the full lines and pull the measure down between the two.
  const out = new Array<number>(n);
  for (const [i, j] of runsOf(states)) {
    const m = candidates[states[i]!]!;
    const block = lines.slice(i, j);
    const anyFitting = block.filter((l) => fits(l, m));
    const midParagraph = block.filter((l, k) => i + k > 0 && !lines[i + k - 1]!.endsParagraph && fits(l, m));
    const fitting = midParagraph.length >= MIN_SOLID ? midParagraph : anyFitting;
    // Lines without a mark to compress show the measure itself; a line that squeezed a mark in is a character over.
    const solid = fitting.filter((l) => l.minWidth === l.width);
    const full = (solid.length >= MIN_SOLID ? solid : fitting).map((l) => l.width).sort((a, b) => a - b);
    const centre = full.length ? full[Math.floor(full.length / 2)]! : m;
    for (let k = i; k < j; k++) out[k] = centre;
  }
  return out;
}

/** Where each run of equal values (lines of one block, of one measure) starts and ends: [start, end). */
export function runsOf<T>(values: T[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let s = 0; s < values.length; ) {
    let e = s;
    while (e < values.length && values[e] === values[s]) e++;
    runs.push([s, e]);
    s = e;
  }
  return runs;
}

/**
 * The measure of each of a run of text lines (a block may change after a line that ends a sentence, unless the next
 * line opens with a closing mark: `…美好生活。` / `”王明远说。`, a quote's close the extractor wrote on a line of its own).
 */
export const measuresOfLines = (
  lines: Array<{ width: number; minWidth: number; text: string; blankBefore?: boolean }>,
): number[] =>
  lineMeasures(
    lines.map((l, i) => ({
      width: l.width,
      minWidth: l.minWidth,
      endsParagraph: endsSentence(l.text) && !CLOSING.has([...(lines[i + 1]?.text ?? '')][0] ?? ''),
      blankBefore: l.blankBefore ?? false,
    })),
  );
