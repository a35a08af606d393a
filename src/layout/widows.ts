/**
 * No widows or orphans in a module's columns: a paragraph's last line alone
 * at the top of a column (widow), or its first line alone at the foot of one
 * (orphan), is moved by setting one paragraph of the module a line shorter
 * or longer (total fit into exactly that many lines, never looser than a
 * cap), so the columns stay level and the module keeps its height. Where no
 * paragraph can be re-set, an orphan goes to the next column and leaves its
 * line at the foot of the old one empty; so does a subhead at a foot.
 */
import type { BodyLine } from './content.js';
import type { BrokenLine } from './text/linebreak.js';

/** A paragraph `p` set in exactly `lines` lines, or null where that cannot be done within the stretch cap. */
export type Rebreak = (p: number, lines: number) => BrokenLine[] | null;

/** Rounds of repair: each removes at least one widow or orphan, and a module rarely has more than two. */
const MAX_ROUNDS = 4;

/**
 * Widows and orphans at the column break before line `b`: the paragraph running over it has its last line alone at
 * the top of the new column, or its first line alone at the foot of the old one.
 */
function strandedAt(body: BodyLine[], b: number, perColumn: number): number {
  const top = body[b]!;
  // (Empty lines at a column's foot hold no text: its last line above them is its foot.)
  let f = b - 1;
  while (f > b - perColumn && isBlank(body[f]!)) f--;
  const foot = body[f]!;
  // A subhead at a column's foot, its paragraph in the next column.
  if (foot.subhead && foot.last && top.paragraph !== foot.paragraph) return 1;
  if (top.paragraph !== foot.paragraph) return 0;
  return (top.last ? 1 : 0) + (body[f - 1]?.paragraph !== foot.paragraph ? 1 : 0);
}

/** Widows and orphans of body lines flowed down columns of `perColumn` lines. */
export function strandedLines(body: BodyLine[], perColumn: number): number {
  let n = 0;
  for (let b = perColumn; b < body.length; b += perColumn) n += strandedAt(body, b, perColumn);
  return n;
}

export function keepParagraphsTogether(
  body: BodyLine[],
  perColumn: number,
  /** Lines the module's columns hold. */
  capacity: number,
  rebreak: Rebreak,
): BodyLine[] {
  let current = body;
  let stranded = strandedLines(current, perColumn);
  for (let round = 0; round < MAX_ROUNDS && stranded > 0; round++) {
    const at = firstStranded(current, perColumn);
    let found: { body: BodyLine[]; stranded: number; loose: number } | null = null;
    // The paragraph at fault, or any before it (a line gained or lost anywhere above moves the break): whichever
    // strands fewest lines and, among those, spaces out fewest (a short paragraph a line longer is loose in every
    // line), nearest the break. (Only the column above the break: 3 more loose lines in the make-up report.)
    for (let p = at; p >= 0; p--)
      for (const delta of [1, -1]) {
        const next = withParagraph(current, p, delta, rebreak);
        if (!next || next.length > capacity) continue;
        const left = strandedLines(next, perColumn);
        const loose = next.filter((l) => l.loose).length;
        if (left < stranded && (!found || left < found.stranded || (left === found.stranded && loose < found.loose)))
          found = { body: next, stranded: left, loose };
      }
    if (!found) break;
    current = found.body;
    stranded = found.stranded;
  }
  return stranded > 0 ? withOrphansMoved(current, perColumn, capacity) : current;
}

/** An empty line in a column: it holds the place of a line moved to the next column. */
export const BLANK_LINE: BodyLine = { units: [], indent: 0, last: false, paragraph: -1 };
export const isBlank = (l: BodyLine): boolean => l.paragraph < 0;

/**
 * Each orphan (a paragraph's first line alone at a column's foot, after the paragraph before it ended) and each
 * subhead at a column's foot moved to the top of the next column, empty lines left in their place, while the
 * module's columns have room for them.
 */
function withOrphansMoved(body: BodyLine[], perColumn: number, capacity: number): BodyLine[] {
  let current = body;
  for (let b = perColumn; b < current.length; b += perColumn) {
    const foot = current[b - 1]!;
    const orphan = current[b]!.paragraph === foot.paragraph && current[b - 2]?.paragraph !== foot.paragraph;
    // A subhead goes down whole, with its paragraph.
    let first = b - 1;
    if (foot.subhead && foot.last) while (current[first - 1]?.paragraph === foot.paragraph) first--;
    const moved = orphan ? 1 : foot.subhead && foot.last && first > b - perColumn ? b - first : 0;
    if (!moved || isBlank(foot) || current.length + moved > capacity) continue;
    current = [...current.slice(0, first), ...Array(moved).fill(BLANK_LINE), ...current.slice(first)];
  }
  return current;
}

/** The paragraph at fault at the first column break with a stranded line. */
function firstStranded(body: BodyLine[], perColumn: number): number {
  for (let b = perColumn; b < body.length; b += perColumn)
    if (strandedAt(body, b, perColumn) > 0) return body[b - 1]!.paragraph;
  return -1;
}

/** The body with paragraph `p` set a line longer (`delta` 1) or shorter (-1), or null where it cannot be. */
export function withParagraph(body: BodyLine[], p: number, delta: number, rebreak: Rebreak): BodyLine[] | null {
  const start = body.findIndex((l) => l.paragraph === p);
  if (start < 0) return null;
  let end = start;
  while (end < body.length && body[end]!.paragraph === p) end++;
  const lines = end - start + delta;
  if (lines < 1) return null;
  const set = rebreak(p, lines);
  if (!set || set.length !== lines) return null;
  return [...body.slice(0, start), ...set.map((l) => ({ ...l, paragraph: p })), ...body.slice(end)];
}
