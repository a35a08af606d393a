/**
 * Fits a headline into a width: the largest size in the template's range at
 * which it takes no more than `maxLines` lines, breaking at its clause breaks
 * first and, inside a clause too long for the width, into balanced lines.
 */
import type { FaceMetrics } from '../types.js';
import { breakParagraph } from './text/linebreak.js';
import { naturalWidth } from './text/setline.js';
import { toUnits, type Unit } from './text/units.js';

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

function headlineUnits(text: string): Unit[] {
  return toUnits(text).map((u) => (u.kind === 'space' ? { ...u, width: CLAUSE_GAP } : u));
}

/**
 * A headline keeps this many ems of its own size clear on each side, so the
 * headlines of modules side by side never run together (for a reader, and for
 * text extractors, which join words less than an em apart).
 */
export const HEADLINE_INSET = 0.6;

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

export function setHeadlineAt(text: string, width: number, size: number, m: FaceMetrics): Unit[][] {
  const avail = width / size - 2 * HEADLINE_INSET;
  const clauses = text.split(/\s+/).filter(Boolean);
  const whole = headlineUnits(clauses.join(' '));
  if (naturalWidth(whole, m) <= avail + 1e-6) return [whole];
  const lines: Unit[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) lines.push(headlineUnits(current.join(' ')));
    current = [];
  };
  for (const clause of clauses) {
    const trial = [...current, clause];
    if (naturalWidth(headlineUnits(trial.join(' ')), m) <= avail + 1e-6) {
      current = trial;
      continue;
    }
    flush();
    const w = naturalWidth(headlineUnits(clause), m);
    if (w <= avail + 1e-6) current = [clause];
    else {
      // Too long for one line: balanced lines, not a full line and a stub.
      const n = Math.ceil(w / avail);
      const measure = Math.min(avail, Math.ceil(w / n) + 1);
      for (const l of breakParagraph(clause, m, { measure, indent: 0 })) lines.push(l.units);
    }
  }
  flush();
  return lines;
}

/**
 * The largest size (whole points, within `sizes`) at which the headline fits `maxLines` lines; the smallest size
 * otherwise.
 */
export function fitHeadline(
  text: string,
  width: number,
  sizes: [number, number],
  maxLines: number,
  m: FaceMetrics,
  maxSize = sizes[1],
): HeadlineFit {
  for (let size = Math.min(maxSize, sizes[1]); size >= sizes[0]; size--) {
    const lines = setHeadlineAt(text, width, size, m);
    if (lines.length <= maxLines) return { size, lines };
  }
  return { size: sizes[0], lines: setHeadlineAt(text, width, sizes[0], m) };
}

/** Grid lines a headline block of `lines` lines of `size` takes, with some air around it. */
export function headlineBlockLines(lines: number, size: number, pitch: number): number {
  return Math.ceil((lines * size * HEADLINE_LEADING + pitch * HEADLINE_AIR) / pitch);
}
