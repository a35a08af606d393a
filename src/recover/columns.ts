/**
 * `pdftotext -layout` keeps the page's geometry: side-by-side columns come
 * out on one line, separated by runs of spaces. Before anything else reads
 * the lines, such a page is put back into reading order. Each line is cut
 * into pieces at runs of spaces; the page is cut into bands of consecutive
 * lines that share column edges (where pieces start, side by side with
 * others); each band is read column by column. A line that runs over an
 * edge (a headline across columns, a lead set across the page), white
 * space between modules, or a change from lines across to columns starts a
 * new band. Other extractions pass through unchanged.
 */
import { isSpace } from '../text/chars.js';
import { isHeadlineCandidate, parseByline } from './classify.js';
import type { SourceLine } from './lines.js';

/** Spaces that separate columns (a word space is one; a printed gap two). */
const GUTTER = /[ \u3000]{3,}/;
/**
 * A page is laid out in columns when this many of its lines have a gutter in them (other extractions never
 * write three spaces in a row). A share would miss a page whose lead runs across it above a few columns.
 */
const MIN_GUTTER_LINES = 5;
/**
 * Pieces starting within this many character cells of each other start at one column edge: -layout jitters
 * by a cell or two, and a paragraph's first line starts four cells in (its two-em indent).
 */
const EDGE_TOLERANCE = 5;
/**
 * An edge is where pieces of this many rows of a band start, and this share of the rows with text that far
 * right: a wide gap here and there inside a column is justification (Typst's glue before a quote), not a gutter.
 */
const MIN_EDGE_PIECES = 2;
const MIN_EDGE_SHARE = 0.3;
/**
 * A column has a line of this many characters at least: a few rows ending in short pieces at one place (`“聚焦`,
 * `“坚`, cut off by the wide glue before an opening quote) are no column.
 */
const MIN_COLUMN_LINE = 6;
/** Columns run to this many rows at least before a line runs across them. */
const MIN_COLUMN_ROWS = 4;
/** Blank lines that -layout writes for the white space between modules (one may be a wider line gap). */
const MODULE_BLANKS = 2;
/** An indent kept from the column's edge: a paragraph's first line is two cells in. */
const MAX_INDENT = 4;
/** Headline lines of modules side by side above their columns: two modules' headlines of two lines each. */
const MAX_HEADER_ROWS = 4;
/** A growing band's edges are judged on its last rows this many (more than a column's lines): linear time. */
const EDGE_WINDOW = 200;

interface Piece {
  /** Character cell it starts at (pdftotext -layout gives a Han character one cell, like a Latin one). */
  x: number;
  end: number;
  text: string;
}

function piecesOf(raw: string): Piece[] {
  const out: Piece[] = [];
  let x = 0;
  for (const part of raw.split(new RegExp(`(${GUTTER.source})`))) {
    const cells = [...part].length;
    if (!GUTTER.test(part) && part.trim() !== '') {
      const lead = [...part].findIndex((c) => !isSpace(c));
      out.push({ x: x + lead, end: x + cells, text: part.trim() });
    }
    x += cells;
  }
  return out;
}

interface Row {
  line: SourceLine;
  pieces: Piece[];
}

/** Where the leftmost piece of these rows starts. */
const leftOf = (rows: Row[]) => rows.reduce((m, r) => r.pieces.reduce((k, p) => Math.min(k, p.x), m), Infinity);

/** Column edges of a band: where pieces off its left margin start, clustered, on enough rows, beside other text. */
function edgesOf(rows: Row[]): number[] {
  // Every piece not at the band's left margin (rows of two modules side by side alternate, so a right-hand
  // column's line is often the first piece of its row).
  const left = leftOf(rows);
  const starts = rows
    .flatMap((r) => r.pieces.map((p) => p.x))
    .filter((x) => x > left + EDGE_TOLERANCE)
    .sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 0; i < starts.length; ) {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1]! - starts[i]! <= EDGE_TOLERANCE) j++;
    // Share of the rows that reach that far: a column beside a longer one has pieces on fewer rows.
    const reaching = rows.filter((r) => r.pieces.some((p) => p.end > starts[i]! + EDGE_TOLERANCE)).length;
    // And side by side with text: on one row, or on rows that alternate with rows of text left of it (two
    // modules' headlines a line apart). Lines alone on their rows above text (a centred headline and its deck
    // over the body) are not a column.
    const at = (x: number) => x >= starts[i]! && x <= starts[j]!;
    const beside = rows.some((r) => r.pieces.length > 1 && r.pieces.slice(1).some((p) => at(p.x)));
    const side = rows.map((r) => (r.pieces.some((p) => at(p.x)) ? 'R' : 'L')).join('');
    const alternating = /R+L+R|L+R+L/.test(side);
    const enough = j - i + 1 >= Math.max(MIN_EDGE_PIECES, MIN_EDGE_SHARE * reaching);
    // And a column's line somewhere: ends of lines cut off by justification glue are a few characters each.
    const full = rows.some((r) => r.pieces.some((p) => at(p.x) && [...p.text].length >= MIN_COLUMN_LINE));
    if ((beside || alternating) && enough && full) edges.push(starts[i]!);
    i = j + 1;
  }
  // Text running over it on some row of the band: the gaps there were wide glue inside one column. Not a module's
  // headline or byline above its columns, beside another module's text: its columns start under it.
  return edges.filter((e) => {
    const first = rows.findIndex((r) => r.pieces.some((p) => Math.abs(p.x - e) <= EDGE_TOLERANCE));
    return !rows.some((r, i) => crosses(r, [e]) && !(i < first && headsColumns(r, e)));
  });
}

/** A headline's line or a byline: what stands over a module's columns. */
const headsModule = (p: Piece) => parseByline(p.text) !== null || isHeadlineCandidate(p.text);

/** The pieces of a row that run over edge `e` head a module. */
const headsColumns = (row: Row, e: number) => row.pieces.filter((p) => runsOver(p, e)).every(headsModule);

/** A piece running over an edge: a headline across columns, a line of a lead set across the page. */
const runsOver = (p: Piece, e: number) => p.x < e - EDGE_TOLERANCE && p.end > e + EDGE_TOLERANCE;
const crosses = (row: Row, edges: number[]) => row.pieces.some((p) => edges.some((e) => runsOver(p, e)));

export function splitLayoutColumns(lines: SourceLine[]): SourceLine[] {
  // Each page has its own columns: a wide column on one page would cross the edges of another's narrow ones.
  const pages = new Map<number, SourceLine[]>();
  for (const l of lines) {
    const page = l.page ?? 0;
    const list = pages.get(page);
    if (list) list.push(l);
    else pages.set(page, [l]);
  }
  return [...pages.values()].flatMap(splitPage);
}

function splitPage(lines: SourceLine[]): SourceLine[] {
  const rows: Row[] = lines.map((line) => ({ line, pieces: piecesOf(line.raw) }));
  if (rows.filter((r) => r.pieces.length > 1).length < MIN_GUTTER_LINES) return lines;

  const out: SourceLine[] = [];
  let band: Row[] = [];
  /** Lines alone on their rows above the band (headlines of modules side by side), read into its columns. */
  let header: Row[] = [];
  for (const row of rows) {
    const recent = band.slice(-EDGE_WINDOW);
    const edges = edgesOf(recent);
    // The band ends at a row running over one of its edges; at the first row in columns under lines set
    // across (a lone wide gap starts a band of its own that the full lines under it then join, so order
    // holds); and after white space across the page at a line alone (a headline, a byline) or at pieces
    // that do not stand at the band's edges (the next module's headlines side by side).
    const lefts = [leftOf(recent), ...edges];
    const aligned = (p: Piece) => lefts.some((e) => Math.abs(p.x - e) <= EDGE_TOLERANCE);
    const opens = edges.length === 0 && row.pieces.length > 1 && recent.some((r) => r.pieces.length === 1);
    // (Two blank lines or more are white space between modules, whatever stands under them.)
    const blanks = row.line.no - (band.at(-1)?.line.no ?? row.line.no) - 1;
    const apart = blanks >= MODULE_BLANKS || (blanks > 0 && (row.pieces.length === 1 || !row.pieces.every(aligned)));
    const crossed = crosses(row, edges);
    // Lines alone on their rows, none running over a gap of the first row in columns under them: headlines
    // of modules side by side set at different heights (`十年耕耘，荒坡` / `两部门…` / `变成“花果园”`). They go
    // to the columns they stand over, not across the page row by row.
    const heads = opens && !header.length && band.length <= MAX_HEADER_ROWS ? headerOf(band, row) : null;
    if (heads) {
      header = heads;
      band = [row];
      continue;
    }
    if (band.length && (crossed || opens || apart)) {
      // A few rows with gaps at one place between full lines of text that run over it: wide glue in one
      // column's lines (before a quote, say), not columns.
      out.push(
        ...(crossed && band.length < MIN_COLUMN_ROWS
          ? [...header, ...band].map((r) => r.line)
          : readBand(band, header)),
      );
      band = [];
      header = [];
    }
    band.push(row);
  }
  out.push(...readBand(band, header));
  return out;
}

/** The last of a row's piece starts at or left of `x`: the piece a line starting at `x` stands over (-1: none). */
const startUnder = (starts: number[], x: number): number => starts.filter((s) => s <= x + EDGE_TOLERANCE).length - 1;

/**
 * Rows that head the columns of `row`, or null: headlines of modules side by side (isHeader), or headlines over
 * bylines side by side, each line moved to the edge of the byline it stands over (a headline centred over its
 * module starts inside it, past the module's first column).
 */
function headerOf(rows: Row[], row: Row): Row[] | null {
  if (isHeader(rows, row)) return rows;
  const starts = row.pieces.map((p) => p.x);
  const byline = row.pieces.map((p) => parseByline(p.text) !== null);
  // The row's pieces are bylines, or bylines beside the first line of another module's headline set lower
  // (`春雨为何` beside `□ 本报记者 某某`, the headline over that byline a row above).
  const owned = row.pieces.map((p, i) => !byline[i] && isHeadlineCandidate(p.text));
  const ok = starts.length > 1 && byline.some(Boolean) && row.pieces.every((_, i) => byline[i] || owned[i]);
  if (!ok || !rows.every((r) => r.pieces.length === 1 && isHeadlineCandidate(r.pieces[0]!.text))) return null;
  const over = rows.map((r) => Math.max(0, startUnder(starts, r.pieces[0]!.x)));
  // Each line above stands over a byline; and two columns are headed at least. (Lines over one byline only are one
  // headline, centred over the page or its module.)
  if (!over.every((k) => byline[k])) return null;
  if (new Set([...over, ...owned.flatMap((h, i) => (h ? [i] : []))]).size < 2) return null;
  return rows.map((r, i) => ({ ...r, pieces: [{ ...r.pieces[0]!, x: starts[over[i]!]! }] }));
}

/**
 * Rows that head the columns of `row`: each a headline line alone on its row, starting where one of the
 * row's columns starts (a piece's extent is no guide: -layout counts a large character as one cell), over
 * two columns at least (one line over one column is a centred headline's, over the whole page).
 */
function isHeader(rows: Row[], row: Row): boolean {
  const starts = row.pieces.map((p) => p.x);
  const columnOf = (x: number) => starts.findIndex((s) => Math.abs(s - x) <= EDGE_TOLERANCE);
  // A byline alone on its row under its headline heads the same column.
  const heads = rows.map((r) => r.pieces.length === 1 && isHeadlineCandidate(r.pieces[0]!.text));
  const columns = rows.map((r, i) =>
    r.pieces.length === 1 && (heads[i] || parseByline(r.pieces[0]!.text) !== null) ? columnOf(r.pieces[0]!.x) : -1,
  );
  const headed = new Set(columns.filter((_, i) => heads[i]));
  return (columns.every((c) => c >= 0) && headed.size >= 2) || sideBySide(rows, starts);
}

/**
 * Headlines side by side on one row, each centred over its module, and under them bylines: every piece a
 * headline or a byline, over two columns at least of the row below.
 */
function sideBySide(rows: Row[], starts: number[]): boolean {
  const pieces = rows.flatMap((r) => r.pieces);
  const heads = (p: Piece) => isHeadlineCandidate(p.text);
  return (
    rows.some((r) => r.pieces.length > 1 && r.pieces.every(heads)) &&
    pieces.every((p) => heads(p) || parseByline(p.text) !== null) &&
    new Set(pieces.map((p) => startUnder(starts, p.x))).size >= 2
  );
}

/**
 * A band column by column; each piece keeps its indent from the column's left edge. Header rows (lines alone
 * above the band) start the column they stand over; the band's own rows set its edges. Where white space runs
 * across the columns still to read (modules stacked beside a taller one: `[a | b / c]`), the columns above it are
 * read before those below, as the page is cut into rectangles.
 */
function readBand(band: Row[], header: Row[] = []): SourceLine[] {
  const edges = edgesOf(band);
  if (edges.length === 0) return [...header, ...band].map((r) => r.line);
  const column = (x: number) => edges.filter((e) => e <= x + EDGE_TOLERANCE).length;
  const cells: Cell[] = [...header, ...band].flatMap((r, i) =>
    r.pieces.map((p) => ({ r, p, col: column(p.x), header: i < header.length })),
  );
  const out: SourceLine[] = [];
  readRegion(cells, out);
  return out;
}

interface Cell {
  r: Row;
  p: Piece;
  col: number;
  /** A header row's: it stays over the band's first rows. */
  header: boolean;
}

/**
 * Cells of columns side by side: where white runs across all of them over the next module's headline or byline, the
 * cells above are read first (a prefix, with no such cut of its own), then those below; else the first column, then
 * the rest.
 */
function readRegion(cells: Cell[], out: SourceLine[]): void {
  let rest = cells;
  while (rest.length) {
    const rows = [...new Set(rest.filter((c) => !c.header).map((c) => c.r.line.no))].sort((a, b) => a - b);
    // (Under a module's columns, MIN_COLUMN_ROWS rows at least, not a headline's few lines; and over the next
    // module's headline or byline: white above a dateline is the other module's, whose headline stands beside it.)
    const opensModule = (no: number) => rest.some((c) => c.r.line.no === no && headsModule(c.p));
    const cut = rows.findIndex(
      (no, i) => i >= MIN_COLUMN_ROWS && no - rows[i - 1]! - 1 >= MODULE_BLANKS && opensModule(no),
    );
    const columns = new Set(rest.map((c) => c.col));
    if (cut > 0 && columns.size > 1) {
      const below = rows[cut]!;
      readRegion(
        rest.filter((c) => c.header || c.r.line.no < below),
        out,
      );
      // The lower module's headline and byline lines, centred over its columns, head its first.
      const lower = rest.filter((c) => !c.header && c.r.line.no >= below);
      const firstCol = Math.min(...lower.map((c) => c.col));
      const heads = new Set<number>();
      for (const no of rows.slice(cut)) {
        const on = lower.filter((c) => c.r.line.no === no);
        if (on.length !== 1 || !headsModule(on[0]!.p)) break;
        heads.add(no);
      }
      rest = lower.map((c) => (heads.has(c.r.line.no) ? { ...c, col: firstCol } : c));
      continue;
    }
    const first = Math.min(...columns);
    const pieces = rest.filter((c) => c.col === first);
    const left = pieces.reduce((m, { p }) => Math.min(m, p.x), Infinity);
    pieces.forEach(({ r, p }, i) =>
      out.push({
        no: r.line.no,
        raw: ' '.repeat(Math.min(p.x - left, MAX_INDENT)) + p.text,
        blankBefore: i === 0 || r.line.blankBefore,
        page: r.line.page,
      }),
    );
    rest = rest.filter((c) => c.col !== first);
  }
}
