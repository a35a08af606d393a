/**
 * Page make-up: which item goes on which page, in which rectangle. A page is
 * a tree of rectangular modules cut guillotine-fashion: a region holds one
 * module, or its first item's module across its top with the rest below, or
 * two regions side by side (the earlier items on the left). Items keep their
 * reading order; the lead, on page 1, is the first item and so sits across
 * the top. A dynamic programme over (width, height, items) finds the cuts,
 * module widths and headline sizes that leave the fewest holes; headline
 * blocks grow by at most the template's `maxHeadlineExtra` lines, so white
 * space is never the filler (the make-up report measures what is left).
 */
import type { HeadOption, ItemContent, SpanOption } from './content.js';
import type { Unit } from './text/units.js';

export interface ModulePlan {
  item: string;
  col: number;
  span: number;
  /** The option chosen for the item at this span (its body columns and lines). */
  option: SpanOption;
  /** First grid line and height in grid lines. */
  line: number;
  height: number;
  /** Grid lines of the headline block, the headline size chosen for them, and its lines at that size. */
  headLines: number;
  headSize: number;
  head: Unit[][];
}

export interface PagePlan {
  modules: ModulePlan[];
  /** Empty column-lines (holes) and the page's column-lines available. */
  holes: number;
  capacity: number;
  arrangement: string;
  penalty: number;
}

export interface PageSpec {
  /** Items in reading order; the lead, when on the page, comes first and so stands across the top. */
  items: ItemContent[];
  firstLine: number;
  lines: number;
  columns: number;
  space: number;
}

/** Narrowest module, in grid columns: one column holds no headline worth the name. */
const MIN_SPAN = 2;

/**
 * Cost of each article set across the whole page after the first (a page of bands reads as a list, not a
 * newspaper, and pdftotext reads the aligned columns of stacked bands as one). On the make-up report's spreads and
 * 20 generated ones (78 pages), pages with two full-width articles or more: 30 at 0.025, 23 at 0.05, 13 at 0.1, for
 * a mean share of white bands of 6.8, 7.2 and 8.2 %: modules of fixed height seldom add up side by side. 0.1 left
 * two confidently wrong articles in the round trip.
 */
export const BANDING = 0.05;

/** Cost of an article narrower than the one after it: importance follows reading order. */
const SPAN_INVERSION = 0.01;

/** Cost of a later headline one point larger than an earlier one, against holes (a fraction of the page). */
export const HEADLINE_INVERSION = 0.0008;

/**
 * Headlines fall with position: the article at rank r on a page (0 = first) is expected at most this many points
 * under the template's largest headline; each point over costs HEADLINE_INVERSION (the search's own, additive,
 * stand-in for the pairwise inversions scored over the whole spread).
 */
const HEADLINE_STEP = 2;

/**
 * A headline broken inside a clause (`东州计划三年内培训 / 农村电商人才…`) where a wider module would set it whole: it
 * reads as two clauses, to a reader and to recovery, which puts a space there.
 */
const CLAUSE_BROKEN = 0.01;

/**
 * Each widow or orphan a module keeps (a paragraph's last line alone at a column's top, its first alone at a foot),
 * against holes: a module a line taller, whose columns break elsewhere, may cost less.
 */
const STRANDED = 0.02;

/**
 * Each body line a module's measure leaves spaced out (over 1.05 em a character), against holes: of two module
 * shapes that fill alike, the one whose measure sets its text solid. A little more than a column-line of holes on a
 * tabloid page (1/390): on the make-up report's 19 spreads loose lines 111 → 77, holes up a point at most on four.
 */
const LOOSE = 0.003;

/** Each point the lead's headline is set under its largest size: a tie-break toward a clearly larger lead. */
const LEAD_SMALL = 0.0002;

/**
 * White left in one run under a module: up to BAND_LINES reads as air; each column-line past it costs BAND_WEIGHT
 * more than a hole elsewhere (a module's short last column), so of two fillings with as many holes the one without
 * an empty band wins (on the make-up report's spreads and 20 generated ones: pages with 3 % or more of their type
 * area in bands taller than 2 lines 36 → 33 of 78). Weight 2 (session 16) closed more white (the report's mean holes
 * 4.54 → 4.24 %) by stacking more full-width bands (pages with two or more 11 → 14 of 38; 2025-02-18-14's page 2 four
 * bands instead of a vertical module beside three): kept at 1.
 */
const BAND_LINES = 2;
const BAND_WEIGHT = 1;

/** A region's best filling: its cost, its holes (column-lines), and how it was cut (to rebuild the modules). */
interface Fill {
  cost: number;
  holes: number;
  cut: Cut;
}

type Cut =
  /** One item alone in the region: its module `height` lines tall, white below it. */
  | { kind: 'module'; option: SpanOption; height: number }
  /** The first item's module across the region's top, the rest below a rule. */
  | { kind: 'top'; option: SpanOption; height: number }
  /** Two regions side by side: `width` columns with items up to `at` on the left. */
  | { kind: 'side'; width: number; at: number };

function headFor(o: SpanOption, height: number): HeadOption {
  const headLines = height - (o.minHeight - o.heads[0]!.lines);
  return o.heads.find((h) => h.lines === headLines) ?? o.heads[o.heads.length - 1]!;
}

/** The best plan for one page, or null when its items cannot fit. */
export function planPage(spec: PageSpec): PagePlan | null {
  const { items, firstLine, lines, columns, space } = spec;
  const capacity = lines * columns;
  if (items.length === 0) return { modules: [], holes: capacity, capacity, arrangement: 'empty', penalty: 0 };
  const firstArticle = items.findIndex((it) => it.kind === 'article');
  const largest = items.map(maxHeadSize);

  /** What a module of item `i` costs besides holes: set `span` wide as option `o`, its headline as `head`. */
  const modulePenalty = (i: number, span: number, o: SpanOption, head: HeadOption): number => {
    const it = items[i]!;
    const flaws = (head.clean ? 0 : CLAUSE_BROKEN) + o.stranded * STRANDED + o.loose * LOOSE;
    if (it.kind === 'lead') return (largest[i]! - head.size) * LEAD_SMALL + flaws;
    const rank = i - firstArticle;
    let p = flaws + (span === columns && rank > 0 ? BANDING : 0);
    p += Math.max(0, head.size - (topHeadSize - rank * HEADLINE_STEP)) * HEADLINE_INVERSION;
    return p;
  };
  // The largest article headline the items may take: rank 0 is held to it.
  const topHeadSize = Math.max(0, ...largest.filter((_, i) => items[i]!.kind === 'article'));

  // Every region's best filling, once: the programme's table (a page's regions number some thousands).
  const fills = new Map<number, Fill | null>();
  /** Best filling of a region `w` columns by `h` lines with items [i, j). */
  const fill = (w: number, h: number, i: number, j: number): Fill | null => {
    const key = ((w * 256 + h) * 64 + i) * 64 + j;
    const known = fills.get(key);
    if (known !== undefined) return known;
    let best: Fill | null = null;
    const consider = (f: Fill) => {
      if (!best || f.cost < best.cost - 1e-12) best = f;
    };
    for (const o of items[i]!.spans.get(w) ?? []) {
      const tail = (o.tail * o.span) / o.columns;
      for (let height = o.minHeight; height <= Math.min(o.maxHeight, h); height++) {
        const own = modulePenalty(i, w, o, headFor(o, height));
        if (j === i + 1) {
          const white = h - height;
          const holes = tail + white * w;
          const band = Math.max(0, white - BAND_LINES) * w * BAND_WEIGHT;
          consider({ cost: (holes + band) / capacity + own, holes, cut: { kind: 'module', option: o, height } });
          continue;
        }
        const rest = h - height - space;
        const below = rest > 0 ? fill(w, rest, i + 1, j) : null;
        if (!below) continue;
        const holes = tail + below.holes;
        consider({ cost: below.cost + tail / capacity + own, holes, cut: { kind: 'top', option: o, height } });
      }
    }
    if (j - i >= 2)
      for (let left = MIN_SPAN; left <= w - MIN_SPAN; left++)
        for (let at = i + 1; at < j; at++) {
          const a = fill(left, h, i, at);
          if (!a) continue;
          const b = fill(w - left, h, at, j);
          if (!b) continue;
          consider({ cost: a.cost + b.cost, holes: a.holes + b.holes, cut: { kind: 'side', width: left, at } });
        }
    fills.set(key, best);
    return best;
  };

  const best = fill(columns, lines, 0, items.length);
  if (!best) return null;
  const modules: ModulePlan[] = [];
  const arrangement = build(
    fill,
    items,
    modules,
    { col: 0, line: firstLine, w: columns, h: lines },
    0,
    items.length,
    space,
  );
  return { modules, holes: best.holes, capacity, arrangement, penalty: hierarchyPenalty(modules) };
}

interface Region {
  col: number;
  line: number;
  w: number;
  h: number;
}

/** The modules of a region's best filling, in reading order; returns the cuts as text (`a1 / [a2 | a3]`). */
function build(
  fill: (w: number, h: number, i: number, j: number) => Fill | null,
  items: ItemContent[],
  out: ModulePlan[],
  r: Region,
  i: number,
  j: number,
  space: number,
): string {
  const { cut } = fill(r.w, r.h, i, j)!;
  if (cut.kind === 'side') {
    const left = build(fill, items, out, { ...r, w: cut.width }, i, cut.at, space);
    const right = build(fill, items, out, { ...r, col: r.col + cut.width, w: r.w - cut.width }, cut.at, j, space);
    return `[${left} | ${right}]`;
  }
  const head = headFor(cut.option, cut.height);
  out.push({
    item: items[i]!.item,
    col: r.col,
    span: r.w,
    option: cut.option,
    line: r.line,
    height: cut.height,
    headLines: head.lines,
    headSize: head.size,
    head: head.set,
  });
  const here = `${items[i]!.item}(${r.w}×${cut.height})`;
  if (cut.kind === 'module') return here;
  const below = { ...r, line: r.line + cut.height + space, h: r.h - cut.height - space };
  return `${here} / ${build(fill, items, out, below, i + 1, j, space)}`;
}

/** The largest headline size any of an item's options can take. */
const maxHeadSize = (it: ItemContent) =>
  Math.max(0, ...[...it.spans.values()].flat().flatMap((o) => o.heads.map((h) => h.size)));

/**
 * Importance follows reading order: an item should be neither narrower nor
 * set with a larger headline than one after it; a page holds one full-width
 * article at most.
 */
export function hierarchyPenalty(modules: ModulePlan[]): number {
  let p = 0;
  const articles = modules.filter((m) => m.item !== 'lead');
  const columns = Math.max(...modules.map((m) => m.col + m.span));
  p += Math.max(0, articles.filter((m) => m.span === columns).length - 1) * BANDING;
  for (let i = 0; i + 1 < articles.length; i++) {
    if (articles[i]!.span < articles[i + 1]!.span) p += SPAN_INVERSION;
    p += Math.max(0, articles[i + 1]!.headSize - articles[i]!.headSize) * HEADLINE_INVERSION;
  }
  return p;
}
