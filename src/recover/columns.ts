/**
 * `pdftotext -layout` keeps the page's geometry: side-by-side columns come
 * out on one line, separated by runs of spaces. Before anything else reads
 * the lines, such a page is put back into reading order: each line is cut
 * at its gaps, each piece goes to the column whose left edge it starts at,
 * and within each band of the page (between lines that run across several
 * columns, such as a headline) the columns are read one after the other.
 * Other extractions pass through unchanged.
 */
import { isSpace } from '../text/chars.js';
import type { SourceLine } from './lines.js';

/** Spaces that separate columns (a word space is one; a justified gap rarely three). */
const GUTTER = /[ \u3000]{3,}/;
/** Pieces starting within this many character cells of each other start at one column edge. */
const EDGE_TOLERANCE = 4;
/** A page is laid out in columns when this share of its lines have a gutter in them. */
const COLUMN_SHARE = 0.2;
/** An edge counts when this many pieces start at it. */
const MIN_EDGE_PIECES = 3;

interface Piece {
  x: number;
  text: string;
  line: SourceLine;
}

/** Character cells: pdftotext -layout gives a Han character about one cell, like a Latin one. */
const cells = (s: string) => [...s].length;

function piecesOf(line: SourceLine): Piece[] {
  const out: Piece[] = [];
  const raw = line.raw;
  let x = 0;
  for (const part of raw.split(new RegExp(`(${GUTTER.source})`))) {
    if (GUTTER.test(part) || part.trim() === '') {
      x += cells(part);
      continue;
    }
    const lead = [...part].findIndex((c) => !isSpace(c));
    out.push({ x: x + Math.max(0, lead), text: part.trim(), line });
    x += cells(part);
  }
  return out;
}

export function splitLayoutColumns(lines: SourceLine[]): SourceLine[] {
  // Each page has its own columns: a wide column on one page would cross the edges of another's narrow ones.
  const pages = new Map<number, SourceLine[]>();
  for (const l of lines) (pages.get(l.page ?? 0) ?? pages.set(l.page ?? 0, []).get(l.page ?? 0)!).push(l);
  return [...pages.values()].flatMap(splitPage);
}

function splitPage(lines: SourceLine[]): SourceLine[] {
  const pieces = lines.map(piecesOf);
  if (pieces.filter((p) => p.length >= 2).length < COLUMN_SHARE * lines.length) return lines;

  // Column edges: where pieces start, clustered.
  const starts = pieces
    .flat()
    .map((p) => p.x)
    .sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 0; i < starts.length; ) {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1]! - starts[i]! <= EDGE_TOLERANCE) j++;
    if (j - i + 1 >= MIN_EDGE_PIECES) edges.push(starts[i]!);
    i = j + 1;
  }
  const column = (x: number) => {
    let k = 0;
    for (let e = 0; e < edges.length; e++) if (edges[e]! <= x + EDGE_TOLERANCE) k = e;
    return k;
  };

  const out: SourceLine[] = [];
  let band = new Map<number, SourceLine[]>();
  const flush = () => {
    for (const k of [...band.keys()].sort((a, b) => a - b)) out.push(...band.get(k)!);
    band = new Map();
  };
  pieces.forEach((ps, i) => {
    const line = lines[i]!;
    // A line running across the next column edge (a headline, a masthead) closes the band.
    const only = ps.length === 1 ? ps[0]! : null;
    const next = only ? edges.find((e) => e > only.x + EDGE_TOLERANCE) : undefined;
    if (ps.length === 0) return;
    if (
      only &&
      (next === undefined
        ? only.x <= EDGE_TOLERANCE && cells(only.text) > 60
        : only.x + cells(only.text) > next + EDGE_TOLERANCE)
    ) {
      flush();
      out.push({ ...line, raw: only.text });
      return;
    }
    for (const p of ps) {
      const k = column(p.x);
      const col = band.get(k) ?? [];
      col.push({ no: line.no, raw: p.text, blankBefore: col.length === 0, page: line.page });
      band.set(k, col);
    }
  });
  flush();
  return out;
}
