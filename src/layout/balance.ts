/**
 * A module's columns end level: where its last column stops short, paragraphs
 * are set a line longer, one at a time, until the body fills the columns (拉行,
 * as a compositor fills a column). Only re-settings that space no line out (at
 * most a solid line's stretch between characters) and strand no more lines at
 * the column breaks are taken: a paragraph whose lines hold halved marks, set
 * full width again, goes a line longer for nothing.
 */
import type { BodyLine } from './content.js';
import { isBlank, type Rebreak, strandedLines, withParagraph } from './widows.js';

/** Lines a module's last column may be filled by: each a paragraph re-set, so a few at most. */
const MAX_FILLED = 6;

/**
 * Could a paragraph set in `lines` lines, ending in `last`, go a line longer with at most `stretch` em between
 * characters? Its other lines give up at most `stretch` an em each, and its new last line holds two characters
 * (单字不成行): a short paragraph must end nearly full, a long one less so. (Saves trying most paragraphs.)
 */
const mayGoLonger = (lines: number, last: BodyLine, measure: number, stretch: number): boolean =>
  last.units.length + lines * stretch * (measure - 1) >= measure + 2 - 1;

/**
 * The body set to fill `capacity` lines of columns of `perColumn`, or as near as it can be, the paragraphs tried from
 * the top; `rebreak` sets a paragraph at most `stretch` em loose between characters.
 */
export function fillColumns(
  body: BodyLine[],
  { perColumn, capacity, measure, stretch }: { perColumn: number; capacity: number; measure: number; stretch: number },
  rebreak: Rebreak,
): BodyLine[] {
  // (An empty line held for a moved orphan would move with the lines above it.)
  if (body.some(isBlank)) return body;
  const stranded = strandedLines(body, perColumn);
  const loose = body.filter((l) => l.loose).length;
  /** The body with the first paragraph that can go a line longer as it may, or null. */
  const longer = (current: BodyLine[]): BodyLine[] | null => {
    for (const [i, last] of current.entries()) {
      if (!last.last || last.subhead) continue;
      let lines = 1;
      while (current[i - lines]?.paragraph === last.paragraph) lines++;
      if (!mayGoLonger(lines, last, measure, stretch)) continue;
      const next = withParagraph(current, last.paragraph, 1, rebreak);
      if (!next || next.length > capacity || strandedLines(next, perColumn) > stranded) continue;
      if (next.filter((l) => l.loose).length <= loose) return next;
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
