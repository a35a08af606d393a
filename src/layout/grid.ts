/**
 * The page grid for one body size: columns whose width is a whole number of
 * body ems (so justified Chinese lines sit on a square grid), gutters that
 * take up what is left, and a baseline grid of `pitch` shared by every body
 * line of a page.
 */
import type { Rect, Template } from '../types.js';

export const MM = 72 / 25.4;

export interface Grid {
  bodySize: number;
  pitch: number;
  columns: number;
  /** Column width in body ems, and in pt. */
  measureEm: number;
  columnWidth: number;
  gutter: number;
  /** The template's least gutter (pt): the grid's own is wider by what its whole-em columns leave. */
  leastGutter: number;
  /** Grid lines per column. */
  lines: number;
  /** Grid lines the masthead (page 1) and the running head (page 2) take at this size. */
  mastheadLines: number;
  runningHeadLines: number;
  pageWidth: number;
  pageHeight: number;
  /** Type areas of page 1 and page 2 (facing: inner margins at the spine). */
  typeAreas: [Rect, Rect];
}

/**
 * The grid at one body size, its pitch opened by `opened` grid lines (0: the template's pitch): the pitch that fits
 * that many lines fewer into the type area's height.
 */
export function gridFor(t: Template, bodySize: number, opened = 0): Grid {
  const pageWidth = t.page.width * MM;
  const pageHeight = t.page.height * MM;
  const width = pageWidth - (t.margins.inner + t.margins.outer) * MM;
  const c = t.columns;
  const measureEm = Math.floor((width - (c - 1) * t.gutterEm * bodySize) / (c * bodySize));
  const columnWidth = measureEm * bodySize;
  const gutter = (width - c * columnWidth) / (c - 1);
  const { height, house, lines: houseLines } = atHousePitch(t, bodySize);
  const lines = houseLines - opened;
  const pitch = opened ? Math.floor((height / lines) * 1000) / 1000 : house;
  // Furniture keeps the height its lines have at the reading size: a masthead is not taller for a larger body.
  const readingPitch = (t.body.reading ?? t.body.sizes.min) * t.body.pitch;
  const furniture = (n: number) => Math.max(1, Math.round((n * readingPitch) / pitch));
  const y = t.margins.top * MM;
  // Page 1 is the left-hand page: its inner margin is on the right.
  const left: Rect = { x: t.margins.outer * MM, y, width, height: lines * pitch };
  const right: Rect = { x: t.margins.inner * MM, y, width, height: lines * pitch };
  return {
    bodySize,
    pitch,
    columns: c,
    measureEm,
    columnWidth,
    gutter,
    leastGutter: t.gutterEm * bodySize,
    lines,
    mastheadLines: furniture(t.masthead.lines),
    runningHeadLines: furniture(t.runningHead.lines),
    pageWidth,
    pageHeight,
    typeAreas: [left, right],
  };
}

/** The type area's height (pt), the house pitch at a body size and the grid lines the height holds at it. */
function atHousePitch(t: Template, bodySize: number): { height: number; house: number; lines: number } {
  const height = t.page.height * MM - (t.margins.top + t.margins.bottom) * MM;
  const house = round(bodySize * t.body.pitch);
  return { height, house, lines: Math.floor(height / house) };
}

/** How many grid lines the pitch may open by at a body size without passing the template's `maxPitch`. */
export function openings(t: Template, bodySize: number): number {
  const { height, lines } = atHousePitch(t, bodySize);
  const least = Math.ceil(height / (bodySize * (t.body.maxPitch ?? t.body.pitch)) - 1e-9);
  return Math.max(0, lines - least);
}

/** x of the left edge of grid column `col` (0-based). */
export function columnX(g: Grid, area: Rect, col: number): number {
  return area.x + col * (g.columnWidth + g.gutter);
}

/** Width of `span` columns with the gutters between them. */
export function spanWidth(g: Grid, span: number): number {
  return span * g.columnWidth + (span - 1) * g.gutter;
}

/**
 * Measures in whole ems of `columns` equal body columns across `width` pt: the widest whose gutters keep the template's
 * least, and the widest whose gutters keep the grid's, where they differ. The grid's gutter is already wider by what
 * its whole-em columns leave, and a measure rounded down from it again left gutters of 3-4 em at some sizes; the
 * make-up weighs the gutters (makeup.ts WIDE_GUTTER).
 */
export function measuresIn(g: Grid, width: number, columns: number, size: number): number[] {
  return [
    ...new Set([widestMeasure(width, columns, size, g.leastGutter), widestMeasure(width, columns, size, g.gutter)]),
  ];
}

/** The widest measure in whole ems of `columns` columns across `width` pt with gutters of at least `gutter` pt. */
export const widestMeasure = (width: number, columns: number, size: number, gutter: number): number =>
  Math.floor((width - (columns - 1) * gutter) / columns / size + 1e-6);

/** The gutter (em of `size`) between `columns` columns of `measure` em across `width` pt. */
export const gutterEm = (width: number, columns: number, measure: number, size: number): number =>
  columns > 1 ? (width - columns * measure * size) / (columns - 1) / size : 0;

/** The baseline below the top of a line's em box (times its size): Noto's CJK em box runs 0.88 above, 0.12 below. */
const EM_BOX_ASCENT = 0.88;

/** Baseline of a line of `size` centred on grid line `line` (0-based) of the type area. */
export function baselineOf(g: Grid, area: Rect, line: number, size = g.bodySize): number {
  return area.y + line * g.pitch + (g.pitch - size) / 2 + EM_BOX_ASCENT * size;
}

/** Gutters wider than this many times the template's least gutter waste the page: such sizes are skipped. */
const MAX_GUTTER_RATIO = 1.35;

/**
 * Body sizes the template allows, smallest first: its steps, plus for every
 * whole-em column measure the size at which columns and least gutters fill
 * the width exactly; sizes whose gutters come out too wide are dropped.
 */
export function bodySizes(t: Template): number[] {
  const width = (t.page.width - t.margins.inner - t.margins.outer) * MM;
  const c = t.columns;
  const out = new Set<number>();
  for (let s = t.body.sizes.min; s <= t.body.sizes.max + 1e-9; s += t.body.step) out.add(round(s));
  for (let n = 4; n <= 40; n++) {
    const exact = Math.floor((width / (c * n + (c - 1) * t.gutterEm)) * 100) / 100;
    if (exact >= t.body.sizes.min && exact <= t.body.sizes.max) out.add(exact);
  }
  return [...out].filter((s) => gridFor(t, s).gutter <= t.gutterEm * s * MAX_GUTTER_RATIO).sort((a, b) => a - b);
}

const round = (v: number) => Math.round(v * 1000) / 1000;
