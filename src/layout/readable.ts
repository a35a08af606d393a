/**
 * newsprint's own spread read back. pdftotext and pdf.js drop a first line's
 * indent (a run of blank glyphs), so all a reader of their text has to tell
 * where a paragraph ends is the lines' widths and stops: a sentence ending on a
 * full line over a first line set tight (its marks compressed to make room for
 * the indent) shows no break at all, and a short last line after a sentence's
 * end reads as a paragraph's first. The body is set so that its paragraphs read
 * back as set: where the reading of two lines recovery uses (text/line-reading.ts)
 * would join two paragraphs, the second one's first line is made to show its
 * indent, or else the first one's last line to end short; where it would split
 * one at its last line, that line is set full or clearly short.
 */
import { BREAK_THRESHOLD, breakScore, type ReadLine, readSetLine } from '../text/line-reading.js';
import type { BrokenLine, ReadingEnds } from './text/linebreak.js';

/** A paragraph's lines as the given reading ends set them. */
export type SetWith = (paragraph: number, reads: ReadingEnds) => BrokenLine[];

/**
 * How short (counted ems) a last line must end to show its paragraph's end, tried in turn: a sentence's end a little
 * short, then (a one-line paragraph after it, or a paragraph that ends no sentence) clearly short.
 */
const LAST_SHORT = [1.5, 3.5];

/**
 * Reading ends for each paragraph of a body at `measure` (em): none where it reads right anyway, or where nothing
 * tried makes it. Subheads (`display`) keep their lines: a subhead is told by its shape, not by an indent.
 */
export function readingEnds(
  count: number,
  measure: number,
  set: SetWith,
  display: (p: number) => boolean,
): ReadingEnds[] {
  const ends: ReadingEnds[] = Array.from({ length: count }, () => ({}));
  const lines = (p: number) => set(p, ends[p]!);
  const firstOf = (p: number) => (p < count ? lines(p)[0] : undefined);
  /** Paragraph p, set as `pLines`, ends on a line that does not read as a paragraph's first. */
  const endsWhole = (p: number, pLines: BrokenLine[], next: BrokenLine | undefined) =>
    display(p) || pLines.length < 2 || !showsBreak(pLines.slice(0, -1), pLines.slice(-1), next, measure);
  for (let q = 0; q < count; q++) {
    if (!endsWhole(q, lines(q), firstOf(q + 1))) {
      const tried = { ...ends[q], lastUnlikeFirst: true };
      if (endsWhole(q, set(q, tried), firstOf(q + 1))) ends[q] = tried;
    }
    const p = q - 1;
    if (p < 0 || display(p) || display(q)) continue;
    const shows = (pLines: BrokenLine[], qLines: BrokenLine[]) =>
      showsBreak(pLines, qLines, qLines[1] ?? firstOf(q + 1), measure);
    if (shows(lines(p), lines(q))) continue;
    // The fix that adds fewest lines to the body (a module stays as tall), the next paragraph's first.
    const options: ReadingEnds[][] = [
      [ends[p]!, { ...ends[q], showIndent: true }],
      ...LAST_SHORT.map((by) => [{ ...ends[p], lastShortBy: by }, ends[q]!]),
    ];
    const working = options
      .map(([a, b]) => ({ a: a!, b: b!, pLines: set(p, a!), qLines: set(q, b!) }))
      .filter(
        (o) =>
          shows(o.pLines, o.qLines) &&
          endsWhole(p, o.pLines, o.qLines[0]) &&
          endsWhole(q, o.qLines, firstOf(q + 1)) &&
          (p === 0 || display(p - 1) || showsBreak(lines(p - 1), o.pLines, o.pLines[1] ?? o.qLines[0], measure)),
      );
    const added = (o: (typeof working)[number]) => o.pLines.length + o.qLines.length;
    const best = working.sort((x, y) => added(x) - added(y))[0];
    if (best) [ends[p], ends[q]] = [best.a, best.b];
  }
  return ends;
}

/**
 * Does a reader of the text, indents dropped, see a paragraph start at the first of lines `q` after lines `p`
 * (`after`: the line after that first one)?
 */
export function showsBreak(p: BrokenLine[], q: BrokenLine[], after: BrokenLine | undefined, measure: number): boolean {
  const next = after ? readLine(after) : undefined;
  return breakScore(readLine(p.at(-1)!), readLine(q[0]!), next, measure, p.length === 1) > BREAK_THRESHOLD;
}

/** A set line as an extractor that drops indents writes it (text/line-reading.ts), read once per line object. */
function readLine(l: BrokenLine): ReadLine {
  let read = readLines.get(l);
  if (!read) {
    read = readSetLine(l.units.map((u) => u.text).join(''));
    readLines.set(l, read);
  }
  return read;
}
/** Lines read once: settings are memoised, so the same line objects come back for every size sharing a measure. */
const readLines = new WeakMap<BrokenLine, ReadLine>();
