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
import type { Unit } from './text/units.js';

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
      // (A paragraph that ends no sentence shows its end only so: its last line full, the next an indent shorter.)
      [
        { ...ends[p], lastFull: true },
        { ...ends[q], showIndent: true },
      ],
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
 * How many of paragraph p's junctions with the paragraphs either side a reader of the text, indents dropped, reads
 * otherwise than set (a start unseen), and starts it sees inside p, in a body of lines numbered by paragraph.
 */
export function misreadAround(
  body: ReadonlyArray<BrokenLine & { paragraph: number }>,
  p: number,
  measure: number,
  display: (p: number) => boolean,
): number {
  // Paragraphs run in order, each on consecutive lines.
  const start = body.findIndex((l) => l.paragraph === p);
  if (start < 0) return 0;
  const runEnd = (from: number, q: number) => {
    let end = from;
    while (end < body.length && body[end]!.paragraph === q) end++;
    return end;
  };
  let first = start;
  while (first > 0 && body[first - 1]!.paragraph === p - 1) first--;
  const end = runEnd(start, p);
  const afterEnd = runEnd(end, p + 1);
  const [before, own, after] = [body.slice(first, start), body.slice(start, end), body.slice(end, afterEnd)];
  let n = 0;
  if (before.length && !display(p - 1) && !display(p) && !showsBreak(before, own, own[1] ?? after[0], measure)) n++;
  if (after.length && !display(p) && !display(p + 1) && !showsBreak(own, after, after[1] ?? body[afterEnd], measure))
    n++;
  // A start seen inside p (at a line after a sentence's end that looks like a first line).
  if (!display(p))
    for (let i = 1; i < own.length; i++)
      if (showsBreak(own.slice(0, i), own.slice(i), own[i + 1] ?? after[0], measure)) n++;
  return n;
}

/**
 * Does a reader of the text, indents dropped, see a paragraph start at the first of lines `q` after lines `p`
 * (`after`: the line after that first one)?
 */
export function showsBreak(p: BrokenLine[], q: BrokenLine[], after: BrokenLine | undefined, measure: number): boolean {
  const next = after ? readLine(after) : undefined;
  return breakScore(readLine(p.at(-1)!), readLine(q[0]!), next, measure, p.length === 1) > BREAK_THRESHOLD;
}

/** A set line as an extractor that drops indents writes it (text/line-reading.ts), read once per line's units. */
function readLine(l: BrokenLine): ReadLine {
  let read = readLines.get(l.units);
  if (!read) {
    read = readSetLine(l.units.map((u) => u.text).join(''));
    readLines.set(l.units, read);
  }
  return read;
}
/**
 * Lines read once: settings are memoised, so the same units come back for every size sharing a measure, and a body's
 * lines (copies that number their paragraph) share them with the setting.
 */
const readLines = new WeakMap<Unit[], ReadLine>();
