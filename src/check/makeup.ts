/**
 * How a laid-out spread reads to an editor, in numbers: empty space (holes,
 * the tallest blank band), how loose the body lines are (character pitch),
 * widows and orphans, headlines broken inside a word, the white around
 * headlines, the headline hierarchy, and full-width modules stacked like a
 * layer cake. A pure
 * function of the layout (and a word segmenter), reported by `npm run
 * makeup` and held to floors by the tests.
 */
import { spansJoin } from '../recover/headlines.js';
import { lineCues } from '../recover/index.js';
import { type LineCues, paragraphs } from '../recover/paragraphs.js';
import { isHan } from '../text/chars.js';
import { readSetLine } from '../text/line-reading.js';
import type { WordSegmenter } from '../text/segmenter.js';
import type { Box, Layout, Page, TextLine } from '../types.js';

/** Share of the em box above the baseline (ink of CJK sits high). */
const ASCENT = 0.88;
/** A body line looser than this (mean advance of Han characters, in ems) reads as spaced out. */
export const LOOSE_PITCH = 1.05;

export interface PageMakeup {
  page: number;
  /** Empty share of the type area. */
  holes: number;
  /** The tallest vertical run of white in any column of the type area, in body lines missing there (leading off). */
  tallestBand: number;
  /**
   * Share of the type area in white runs taller than BAND_LINES (holes, and air around headlines beyond the
   * ordinary): what a reader sees as empty, however the make-up came to leave it.
   */
  white: number;
  /** Body lines, those looser than LOOSE_PITCH, and the loosest pitch (em). */
  bodyLines: number;
  looseLines: number;
  maxPitch: number;
  /** A paragraph's last line alone at a column top, or its first line alone at a column foot. */
  widows: number;
  orphans: number;
  /** Headline line breaks that cut a word (`推动新时／代人大工作`), with the text. */
  midWordBreaks: string[];
  /** Article modules as wide as the page. */
  fullWidthModules: number;
  /** Full-width articles set right under another (no module between them): the layer cake the issue forbids. */
  stackedFullWidth: number;
  /** Of those, on the lead's page: two full-width articles stacked under the lead (the layer cake). */
  stackedUnderLead: number;
  /**
   * The most white between a headline's ink and what stands above it in its module (the module's top, a kicker),
   * or below it (deck, byline, body), in body lines: the house style fixes it at about half a line to a line.
   */
  headlineSpace: number;
  /** Articles whose headline is larger than the one of the article before them on the page (importance falls). */
  hierarchyInversions: number;
  /** The widest white between two body columns of a module, in ems of its type (a newspaper's are 1-2 em). */
  widestGutter: number;
  /**
   * Body line junctions that recovery's paragraph reading (recover/paragraphs.ts) reads wrong where an extractor
   * drops the indents: a paragraph's start that shows no break, or a line inside one that reads as a start.
   * The text on each side (`…整治力度／“‘代抢’门票…`).
   */
  misread: string[];
}

export interface SpreadMakeup {
  bodySize: number;
  pages: PageMakeup[];
  /** The lead's headline size over the largest article headline (a newspaper wants ≥ 1.4). */
  leadRatio: number | null;
}

/**
 * White taller than this many body lines reads as an empty band (the limit): less is the ordinary air
 * around headlines and rules.
 */
const BAND_LINES = 2;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Where across a grid column the white is measured, as shares of its width. */
const BAND_PROBES = [0.25, 0.5, 0.75];

const bodyLike = (l: TextLine) => l.role === 'body' || l.role === 'intro';

/** Mean advance between Han characters of a line, in ems of its size. */
function pitchOf(l: TextLine): number | null {
  const chars = [...l.text];
  let sum = 0;
  let n = 0;
  for (let i = 0; i + 1 < chars.length; i++)
    if (isHan(chars[i]!) && isHan(chars[i + 1]!)) {
      sum += (l.xs[i + 1]! - l.xs[i]!) / l.size;
      n++;
    }
  return n ? sum / n : null;
}

/**
 * A module's heading lines (headline, kicker, deck, byline; the masthead's) are set centred or short: the white
 * beside them is not an empty band across the page, so they count as printed across their module.
 */
const HEADING_ROLES = new Set<TextLine['role']>([
  'masthead-title',
  'masthead-info',
  'running-head',
  'headline',
  'lead-headline',
  'kicker',
  'deck',
  'byline',
]);

/** Top and foot of a line's ink (its em box), in pt from the page's top. */
const inkTop = (l: TextLine) => l.y - ASCENT * l.size;
const inkFoot = (l: TextLine) => l.y + (1 - ASCENT) * l.size;
const isHeadline = (l: TextLine) => l.role === 'headline' || l.role === 'lead-headline';

/**
 * White runs down the page at x (pt), between the tops and feet of what is printed there, each less the `leading`
 * (pt) that stands between two lines of a column anyway: what is left is where lines are missing, a pitch for each.
 * (The type area's top and foot stand half a leading from the ink of the grid's first and last lines.)
 */
function whiteRunsAt(page: Page, x: number, leading: number): number[] {
  const spans: Array<[number, number]> = [];
  for (const b of page.boxes)
    for (const l of b.lines) {
      const [from, to] = HEADING_ROLES.has(l.role) ? [b.rect.x, b.rect.x + b.rect.width] : [l.x, l.x + l.width];
      if (from <= x && x <= to) spans.push([inkTop(l), inkFoot(l)]);
    }
  for (const r of page.rules)
    if (Math.min(r.x1, r.x2) <= x && x <= Math.max(r.x1, r.x2))
      spans.push([Math.min(r.y1, r.y2), Math.max(r.y1, r.y2)]);
  spans.sort((a, b) => a[0] - b[0]);
  const area = page.typeArea;
  let reached = area.y - leading / 2;
  const runs: number[] = [];
  for (const [top, foot] of spans) {
    if (top > reached) runs.push(Math.max(0, top - reached - leading));
    reached = Math.max(reached, foot);
  }
  runs.push(Math.max(0, area.y + area.height + leading / 2 - reached - leading));
  return runs;
}

/** Widows and orphans of one module: its body lines by column (left to right), top to foot. */
function widowsOf(box: Box): { widows: number; orphans: number } {
  const lines = box.lines.filter((l) => l.role === 'body' && l.paragraph !== undefined);
  const columns = new Map<number, TextLine[]>();
  for (const l of lines) columns.set(Math.round(l.x), [...(columns.get(Math.round(l.x)) ?? []), l]);
  const ordered = [...columns.keys()].sort((a, b) => a - b).map((x) => columns.get(x)!.sort((a, b) => a.y - b.y));
  let widows = 0;
  let orphans = 0;
  ordered.forEach((col, c) => {
    const top = col[0]!;
    const foot = col.at(-1)!;
    const prev = ordered[c - 1]?.at(-1);
    const next = ordered[c + 1]?.[0];
    // Alone: the paragraph's only line in this column, the rest in the column before (after).
    if (c > 0 && prev?.paragraph === top.paragraph && col.filter((l) => l.paragraph === top.paragraph).length === 1)
      widows++;
    if (next?.paragraph === foot.paragraph && col.filter((l) => l.paragraph === foot.paragraph).length === 1) orphans++;
  });
  return { widows, orphans };
}

function midWordBreaks(page: Page, words: WordSegmenter): string[] {
  const out: string[] = [];
  for (const b of page.boxes) {
    const heads = b.lines.filter(isHeadline).sort((a, c) => a.y - c.y);
    for (let i = 0; i + 1 < heads.length; i++) {
      const [a, c] = [heads[i]!.text.trim(), heads[i + 1]!.text.trim()];
      if (spansJoin(a, c, words)) out.push(`${a}／${c}`);
    }
  }
  return out;
}

/** White above and below a module's headline (pt): to the module's top or a kicker, and to the next line under it. */
function headlineSpace(box: Box): number {
  const heads = box.lines.filter(isHeadline);
  if (!heads.length) return 0;
  const top = Math.min(...heads.map(inkTop));
  const foot = Math.max(...heads.map(inkFoot));
  const above = Math.max(box.rect.y, ...box.lines.filter((l) => inkFoot(l) <= top).map(inkFoot));
  const under = box.lines.filter((l) => !isHeadline(l) && inkTop(l) >= foot).map(inkTop);
  return Math.max(top - above, under.length ? Math.min(...under) - foot : 0);
}

/** Articles on a page whose headline is larger than the previous article's (a continuation has none). */
function inversions(page: Page): number {
  const sizes = page.boxes
    .filter((b) => b.kind === 'article')
    .map((b) => b.lines.find((l) => l.role === 'headline')?.size)
    .filter((s): s is number => s !== undefined);
  return sizes.filter((s, i) => i > 0 && s > sizes[i - 1]!).length;
}

/** The white between a module's body columns (em): from each column's left edge to the widest line before it. */
function gutterOf(box: Box): number {
  const body = box.lines.filter(bodyLike);
  const edges = [...new Set(body.map((l) => Math.round(l.x * 100) / 100))].sort((a, b) => a - b);
  if (edges.length < 2) return 0;
  const ends = edges.map((x) => Math.max(...body.filter((l) => Math.abs(l.x - x) < 0.01).map((l) => l.x + l.width)));
  return Math.max(...edges.slice(1).map((x, k) => (x - ends[k]!) / body[0]!.size));
}

/**
 * Line junctions of a module's body (columns left to right, each top to foot) that recovery reads otherwise than set,
 * its indents dropped: paragraph starts it does not see, and starts it sees inside a paragraph.
 */
function misreadOf(box: Box, cues: LineCues): string[] {
  const body = box.lines.filter((l) => bodyLike(l) && l.paragraph !== undefined);
  const order = [...body].sort((a, b) => Math.round(a.x) - Math.round(b.x) || a.y - b.y);
  if (order.length < 2) return [];
  const read = order.map((l, no) => ({ ...readSetLine(l.text), no, removed: [], blankBefore: no === 0 }));
  const starts = new Set(
    paragraphs(read, cues)
      .filter((p) => !p.soft)
      .map((p) => p.lines[0]!.no),
  );
  const out: string[] = [];
  for (let i = 1; i < order.length; i++)
    if (starts.has(i) !== (order[i]!.paragraph !== order[i - 1]!.paragraph))
      out.push(`…${[...read[i - 1]!.text].slice(-6).join('')}／${[...read[i]!.text].slice(0, 6).join('')}…`);
  return out;
}

/**
 * Pairs of full-width articles, one right under the other: no lead or article module starts between them. (`below`:
 * only those standing lower than that, in pt.)
 */
function stackedFullWidth(page: Page, columns: number, below = -Infinity): number {
  const modules = page.boxes.filter((b) => b.kind === 'article' || b.kind === 'lead');
  const wide = modules
    .filter((b) => b.kind === 'article' && b.span === columns && b.rect.y > below)
    .sort((a, b) => a.rect.y - b.rect.y);
  let n = 0;
  for (let i = 0; i + 1 < wide.length; i++) {
    const [top, under] = [wide[i]!.rect, wide[i + 1]!.rect];
    if (!modules.some((m) => m.rect.y > top.y + EPS && m.rect.y < under.y - EPS)) n++;
  }
  return n;
}
/** Points: module edges within this are one edge. */
const EPS = 0.5;

export function measureMakeup(layout: Layout, words: WordSegmenter): SpreadMakeup {
  const { pitch, bodySize } = layout.makeup;
  const cues = lineCues(words);
  const pages = layout.pages.map((page): PageMakeup => {
    const body = page.boxes.flatMap((b) => b.lines).filter(bodyLike);
    const pitches = body.map(pitchOf).filter((p): p is number => p !== null);
    const area = page.typeArea;
    const strips = layout.makeup.columns;
    // A band is white across its whole column: of three points across it (one may be a gutter), the one with
    // least white says what the column holds.
    const strip = (i: number) =>
      BAND_PROBES.map((f) => whiteRunsAt(page, area.x + ((i + f) * area.width) / strips, pitch - bodySize)).reduce(
        (a, b) => (sum(b) < sum(a) ? b : a),
      );
    const runs = Array.from({ length: strips }, (_, i) => strip(i));
    // (In hundredths of a line: two lines missing measure 2.0000001 in floating point.)
    const lines = (run: number) => Math.round((run / pitch) * 100) / 100;
    const bands = runs.flat().filter((r) => lines(r) > BAND_LINES);
    const ww = page.boxes.map(widowsOf);
    const lead = page.boxes.find((b) => b.kind === 'lead');
    return {
      page: page.number,
      holes: page.holes,
      tallestBand: Math.max(...runs.flat().map(lines)),
      white: sum(bands) / (area.height * strips),
      bodyLines: pitches.length,
      looseLines: pitches.filter((p) => p > LOOSE_PITCH).length,
      maxPitch: pitches.length ? Math.max(...pitches) : 0,
      widows: ww.reduce((s, w) => s + w.widows, 0),
      orphans: ww.reduce((s, w) => s + w.orphans, 0),
      midWordBreaks: midWordBreaks(page, words),
      fullWidthModules: page.boxes.filter((b) => b.kind === 'article' && b.span === layout.makeup.columns).length,
      stackedFullWidth: stackedFullWidth(page, layout.makeup.columns),
      stackedUnderLead: lead ? stackedFullWidth(page, layout.makeup.columns, lead.rect.y) : 0,
      headlineSpace: Math.max(0, ...page.boxes.map(headlineSpace)) / pitch,
      hierarchyInversions: inversions(page),
      widestGutter: Math.max(0, ...page.boxes.map(gutterOf)),
      misread: page.boxes.flatMap((b) => misreadOf(b, cues)),
    };
  });
  const sizes = (role: TextLine['role']) =>
    layout.pages.flatMap((p) => p.boxes.flatMap((b) => b.lines.filter((l) => l.role === role).map((l) => l.size)));
  const lead = sizes('lead-headline');
  const articles = sizes('headline');
  return {
    bodySize: layout.makeup.bodySize,
    pages,
    leadRatio: lead.length && articles.length ? Math.max(...lead) / Math.max(...articles) : null,
  };
}
