/**
 * Fits a headline into a width: the largest size in the template's range at
 * which it takes no more than `maxLines` lines, breaking at its clause breaks
 * first and, inside a clause too long for the width, into balanced lines.
 */

import { isHan } from '../text/chars.js';
import type { WordSegmenter } from '../text/segmenter.js';
import type { FaceMetrics, Range } from '../types.js';
import { type Memo, memo, memoPer } from './memo.js';
import { breakParagraph } from './text/linebreak.js';
import { naturalWidth, spanWidths } from './text/setline.js';
import { mayEndLine, mayStartLine, toUnits, type Unit } from './text/units.js';

export interface HeadlineFit {
  size: number;
  lines: Unit[][];
}

/**
 * A clause break inside one headline line: a space nine tenths of an em
 * wide. (A full em would make text extractors split the headline in two:
 * poppler joins words only closer than one em.)
 */
const CLAUSE_GAP = 0.9;

/** Headline texts cut into units, once per process (the make-up sets each at many sizes and widths). */
const unitsOf = memo<string, Unit[]>();

const headlineUnits = (text: string): Unit[] =>
  unitsOf(text, () => toUnits(text).map((u) => (u.kind === 'space' ? { ...u, width: CLAUSE_GAP } : u)));

/**
 * A headline keeps this many ems of its own size clear on each side, so the
 * headlines of modules side by side never run together (for a reader, and for
 * text extractors, which join words less than an em apart: with the gutter
 * between, neighbours stand two ems apart). 0.6 set a 21.45-em headline of a
 * 3-column module at 10 pt over two lines broken between words, which reads
 * as two clauses (round trip of 2025-03-25-06; at 0.5 all rows gained it).
 */
export const HEADLINE_INSET = 0.5;

/**
 * Headline and deck lines are set solid-ish, on their own leading (times their size), not on the body's
 * grid: a headline at 1.2 (large type needs little), a deck at 1.35 (smaller, read as text).
 */
export const HEADLINE_LEADING = 1.2;
export const DECK_LEADING = 1.35;
/** A headline block takes this share of a grid line of air besides its lines, so it never touches the text. */
const HEADLINE_AIR = 0.6;
/** Baseline of a headline or deck line below the top of its line slot (times its size): CJK ink sits high. */
export const HEADLINE_BASELINE = 0.95;
export const DECK_BASELINE = 1.0;

/** A break beside a one-character word costs as much as lines this many ems squared out of balance. */
const ONE_CHAR_WORD_BREAK = 6;
/**
 * Where a line break falls, against lines this many ems squared out of balance: after a pause (`，、；：`), a
 * headline's own clause break; beside another mark (`…中欧` / `（中亚）班列`), where the phrase still reads on; between
 * two Han characters, where it reads as a clause break that is not there (to a reader, and to recovery, which puts a
 * space there).
 */
const BREAK_AFTER_PAUSE = 0;
const BREAK_BESIDE_MARK = 2;
const BREAK_BETWEEN_HAN = 12;
const PAUSES = /[，、；：,;:]$/;
/** A line break between these two texts falls between two Han characters: it reads as a clause break. */
const betweenHan = (before: string, after: string) => isHan(before.slice(-1)) && isHan(after.slice(0, 1));

/** Most lines a clause too long for one line is tried in before it is broken anywhere clreq allows. */
const MAX_CLAUSE_LINES = 4;

/** A clause ready for balanced breaking: its units, where it may break, how wide each span is. */
interface PreparedClause {
  units: Unit[];
  cuts: number[];
  weakAt: (cut: number) => boolean;
  /** What a line break at the cut costs, by what stands either side. */
  breakAt: (cut: number) => number;
  widthOf: (a: number, b: number) => number;
}

/** Prepared clauses per face and segmenter: the make-up breaks one clause at many widths and sizes. */
const preparedFor = memoPer<FaceMetrics, WordSegmenter, Memo<string, PreparedClause>>();

function prepareClause(clause: string, m: FaceMetrics, words: WordSegmenter): PreparedClause {
  return preparedFor(m)(words, () => memo())(clause, () => prepare(clause, m, words));
}

function prepare(clause: string, m: FaceMetrics, words: WordSegmenter): PreparedClause {
  const units = headlineUnits(clause);
  // Word boundaries as character offsets, and each unit's start.
  const bounds = new Set<number>();
  // Boundaries beside a one-character word (`推动新 / 时代`, `迈 / 上新台阶`): it clings to its neighbour.
  const weak = new Set<number>();
  let at = 0;
  for (const w of words(clause)) {
    // (A mark is no word: `（` clings to what it opens, which the line-start rules keep.)
    const single = [...w].length === 1 && isHan(w);
    if (single) weak.add(at);
    bounds.add((at += w.length));
    if (single) weak.add(at);
  }
  const starts: number[] = [];
  at = 0;
  for (const u of units) {
    starts.push(at);
    at += u.text.length;
  }
  const n = units.length;
  const breakable = (k: number) => bounds.has(starts[k]!) && mayStartLine(units[k]!) && mayEndLine(units[k - 1]!);
  const spans = spanWidths(units, m, 'half');
  return {
    units,
    cuts: [0, ...Array.from({ length: n - 1 }, (_, k) => k + 1).filter(breakable), n],
    weakAt: (cut) => cut < n && weak.has(starts[cut]!),
    breakAt: (cut) => {
      if (cut <= 0 || cut >= n) return 0;
      const before = units[cut - 1]!.text;
      if (PAUSES.test(before)) return BREAK_AFTER_PAUSE;
      return betweenHan(before, units[cut]!.text) ? BREAK_BETWEEN_HAN : BREAK_BESIDE_MARK;
    },
    widthOf: (a, b) => spans.natural(a, b - 1),
  };
}

/**
 * A clause too long for one line, in balanced lines broken only between words
 * (`推动新时代 / 人大工作`, never `推动新时 / 代人大工作`) and where clreq allows:
 * the fewest lines that fit, each as near the same width as the words allow.
 * Null when no word boundary gives lines that fit (one long word).
 */
function wordLines(clause: string, avail: number, m: FaceMetrics, words: WordSegmenter): Unit[][] | null {
  const { units, cuts, weakAt, breakAt, widthOf } = prepareClause(clause, m, words);
  const n = units.length;
  const total = widthOf(0, n);
  for (let lines = Math.ceil(total / avail); lines <= MAX_CLAUSE_LINES; lines++) {
    const target = total / lines;
    // best[j][c]: least squared deviation from the target of j lines ending at cut c.
    const best = Array.from({ length: lines + 1 }, () => new Map<number, { cost: number; from: number }>());
    best[0]!.set(0, { cost: 0, from: -1 });
    for (let j = 1; j <= lines; j++)
      for (const [a, prev] of best[j - 1]!)
        for (const b of cuts) {
          if (b <= a) continue;
          const w = widthOf(a, b);
          if (w > avail + 1e-6) break;
          const cost = prev.cost + (w - target) ** 2 + (weakAt(b) ? ONE_CHAR_WORD_BREAK : 0) + breakAt(b);
          const hit = best[j]!.get(b);
          if (!hit || cost < hit.cost - 1e-9) best[j]!.set(b, { cost, from: a });
        }
    const end = best[lines]!.get(n);
    if (!end) continue;
    const out: Unit[][] = [];
    let b = n;
    for (let j = lines; j > 0; j--) {
      const a = best[j]!.get(b)!.from;
      out.unshift(units.slice(a, b));
      b = a;
    }
    return out;
  }
  return null;
}

/** Widths of headline texts already measured, per face: the make-up sets each headline at many sizes. */
const widthsFor = memoPer<FaceMetrics, string, number>();

/** Natural width (em) of a headline text, clause breaks included. */
const headlineWidth = (text: string, m: FaceMetrics): number =>
  widthsFor(m)(text, () => naturalWidth(headlineUnits(text), m, 'half'));

export function setHeadlineAt(
  text: string,
  width: number,
  size: number,
  m: FaceMetrics,
  words?: WordSegmenter,
): Unit[][] {
  const avail = width / size - 2 * HEADLINE_INSET;
  const clauses = text.split(/\s+/).filter(Boolean);
  const whole = clauses.join(' ');
  if (headlineWidth(whole, m) <= avail + 1e-6) return [headlineUnits(whole)];
  const lines: Unit[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) lines.push(headlineUnits(current.join(' ')));
    current = [];
  };
  for (const clause of clauses) {
    const trial = [...current, clause];
    if (headlineWidth(trial.join(' '), m) <= avail + 1e-6) {
      current = trial;
      continue;
    }
    flush();
    const w = headlineWidth(clause, m);
    if (w <= avail + 1e-6) current = [clause];
    else {
      // Too long for one line: balanced lines between words; only a word longer than the line is cut.
      const byWords = words ? wordLines(clause, avail, m, words) : null;
      if (byWords) lines.push(...byWords);
      else {
        const n = Math.ceil(w / avail);
        const measure = Math.min(avail, Math.ceil(w / n) + 1);
        for (const l of breakParagraph(clause, m, { measure, indent: 0 })) lines.push(l.units);
      }
    }
  }
  flush();
  return lines;
}

/** The share of its room a headline's widest line fills, set `width` wide at `size`. */
export function headlineFill(lines: Unit[][], width: number, size: number, m: FaceMetrics): number {
  const avail = width / size - 2 * HEADLINE_INSET;
  return Math.max(0, ...lines.map((l) => naturalWidth(l, m, 'half'))) / avail;
}

/**
 * Does a headline's setting read as its text: every line break at a clause break (a space of the text) or beside a
 * mark (`…倒票，` / `如何…`, `…中欧` / `（中亚）…`), where the phrase reads on? A break between two Han characters,
 * even between words, reads as a clause break to a reader (and to recovery, which puts a space there): a smaller size
 * that needs none is better.
 */
export function breaksCleanly(text: string, lines: Unit[][]): boolean {
  const whole = text.split(/\s+/).filter(Boolean).join(' ');
  let at = 0;
  for (const [k, line] of lines.entries()) {
    const t = line
      .map((u) => u.text)
      .join('')
      .trim();
    if (whole.slice(at, at + t.length) !== t) return false;
    at += t.length;
    if (k + 1 === lines.length) break;
    if (whole[at] === ' ') at++;
    else if (betweenHan(whole[at - 1]!, whole[at] ?? '')) return false;
  }
  return at === whole.length;
}

/**
 * The largest size (whole points, within `sizes`) at which the headline fits `maxLines` lines, breaking cleanly
 * (`breaksCleanly`) if some size allows; the smallest size otherwise.
 */
export function fitHeadline(
  text: string,
  width: number,
  sizes: Range,
  maxLines: number,
  m: FaceMetrics,
  words?: WordSegmenter,
): HeadlineFit {
  let fit: HeadlineFit | null = null;
  for (let size = sizes.max; size >= sizes.min; size--) {
    const lines = setHeadlineAt(text, width, size, m, words);
    if (lines.length > maxLines) continue;
    if (breaksCleanly(text, lines)) return { size, lines };
    fit ??= { size, lines };
  }
  return fit ?? { size: sizes.min, lines: setHeadlineAt(text, width, sizes.min, m, words) };
}

/** Grid lines a headline block of `lines` lines of `size` takes, with some air around it. */
export function headlineBlockLines(lines: number, size: number, pitch: number): number {
  return Math.ceil((lines * size * HEADLINE_LEADING + pitch * HEADLINE_AIR) / pitch);
}
