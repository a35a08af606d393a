/**
 * A module's columns end level: where its last column stops short, paragraphs
 * are set a line longer, one at a time, until the body fills the columns (拉行,
 * as a compositor fills a column). Only re-settings that space no line out (at
 * most a solid line's stretch between characters) and strand no more lines at
 * the column breaks are taken, and none that a reader of the text would read
 * as a paragraph break lost or added: a paragraph whose lines hold halved
 * marks, set full width again, goes a line longer for nothing.
 */
import type { BodyLine } from './content.js';
import { BLANK_LINE, isBlank, type Rebreak, strandedLines, withParagraph } from './widows.js';

/**
 * How many of the junctions before and after paragraph `p` a reader of the body's text, indents dropped, reads
 * otherwise than set (readable.ts): a paragraph re-set a line longer must not hide where it, or the next, starts.
 */
export type MisreadAround = (body: BodyLine[], p: number) => number;

/** Lines a module's last column may be filled by: each a paragraph re-set, so a few at most. */
export const MAX_FILLED = 6;

/**
 * The quick test below counts a last line's units, not its ems (a number run is one unit of several ems): it errs this
 * many ems toward trying a paragraph, which the re-setting then decides.
 */
const UNITS_NOT_EMS = 1;

/**
 * Could a paragraph set in `lines` go a line longer with at most `stretch` em between characters? Its new last line
 * holds two characters (单字不成行), so its other lines must give up what its last line lacks of the measure, and two
 * ems more: each at most `stretch` an em between characters, and half an em for each mark that was halved to fit. A
 * short paragraph must end nearly full, a long one less so. (Saves trying most paragraphs.)
 */
function mayGoLonger(lines: BodyLine[], from: number, to: number, measure: number, stretch: number): boolean {
  let marks = 0;
  for (let i = from; i < to; i++) for (const u of lines[i]!.units) if (u.kind === 'open' || u.kind === 'close') marks++;
  const room = (to - from) * stretch * (measure - 1) + marks / 2;
  return lines[to - 1]!.units.length + room + UNITS_NOT_EMS >= measure + 2;
}

/**
 * The body set to fill `capacity` lines of columns of `perColumn`, or as near as it can be, the paragraphs tried from
 * the top; `rebreak` sets a paragraph at most `stretch` em loose between characters.
 */
export function fillColumns(
  body: BodyLine[],
  { perColumn, capacity, measure, stretch }: { perColumn: number; capacity: number; measure: number; stretch: number },
  rebreak: Rebreak,
  misreadAround: MisreadAround,
): BodyLine[] {
  // (An empty line held for a moved orphan would move with the lines above it.)
  if (body.some(isBlank)) return body;
  const stranded = strandedLines(body, perColumn);
  const loose = body.filter((l) => l.loose).length;
  // Whether a paragraph may go longer, asked once per setting of it (known by its last line): each round asks again
  // of the ones it did not re-set.
  const mayGo = new WeakMap<BodyLine, boolean>();
  /** The body with the first paragraph that can go a line longer as it may, or null. */
  const longer = (current: BodyLine[]): BodyLine[] | null => {
    let first = 0;
    for (let i = 0; i < current.length; i++) {
      const last = current[i]!;
      if (i > 0 && current[i - 1]!.paragraph !== last.paragraph) first = i;
      if (!last.last || last.subhead) continue;
      let may = mayGo.get(last);
      if (may === undefined) mayGo.set(last, (may = mayGoLonger(current, first, i + 1, measure, stretch)));
      if (!may) continue;
      const next = withParagraph(current, last.paragraph, 1, rebreak);
      if (!next || next.length > capacity || strandedLines(next, perColumn) > stranded) continue;
      if (next.filter((l) => l.loose).length > loose) continue;
      if (misreadAround(next, last.paragraph) <= misreadAround(current, last.paragraph)) return next;
    }
    return null;
  };
  let current = body;
  for (let k = 0; k < MAX_FILLED && current.length < capacity; k++) {
    const next = longer(current);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * Columns end level (齐栏): where a module's last column stops two lines or more short of the others, the shortfall
 * is spread over its columns, a line each (an empty line at the foot of each), so no column stands more than a line
 * short: the last columns where that strands no line at a column's top or foot, else the first other choice of
 * columns that does not. A jump line (`reserve`) goes on under the last one. Not beside a moved orphan.
 */
export function levelColumns(body: BodyLine[], perColumn: number, columns: number, reserve: number): BodyLine[] {
  const short = perColumn * columns - body.length - reserve;
  if (short < 2 || short >= columns || body.some(isBlank)) return body;
  const stranded = strandedLines(body, perColumn);
  for (const shortColumns of choices(columns, short)) {
    const out: BodyLine[] = [];
    let at = 0;
    for (let c = 0; c < columns - 1; c++) {
      const full = !shortColumns.has(c);
      out.push(...body.slice(at, at + (full ? perColumn : perColumn - 1)));
      at += full ? perColumn : perColumn - 1;
      if (!full) out.push(BLANK_LINE);
    }
    out.push(...body.slice(at));
    if (strandedLines(out, perColumn) <= stranded) return out;
  }
  return body;
}

/** The ways to choose `k` of `n` columns, the last ones first (each way's columns pushed as far right as they go). */
function* choices(n: number, k: number): Generator<Set<number>> {
  const pick = (from: number, k: number): number[][] =>
    k === 0
      ? [[]]
      : Array.from({ length: from + 2 - k }, (_, i) => from - i).flatMap((c) =>
          pick(c - 1, k - 1).map((rest) => [c, ...rest]),
        );
  for (const way of pick(n - 1, k)) yield new Set(way);
}
