/**
 * Page make-up: which item goes on which page, in which rectangle. A page is
 * a tree of rectangular modules cut guillotine-fashion: a region holds one
 * module, or one item's module across its top with the rest below, or two
 * regions side by side, the items shared between them. Articles may leave
 * reading order where that fills the page (at a cost per pair out of order);
 * the lead opens its page. A dynamic programme over (width, height, set of
 * items) finds the cuts, module widths and headline sizes that leave the
 * fewest holes; headline blocks grow by at most the template's
 * `maxHeadlineExtra` lines, so white space is never the filler (the make-up
 * report measures what is left).
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
  /** What the filling costs besides its holes (flaws of its modules, bands, order), as a fraction of a page. */
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

/**
 * Cost of a later headline one point larger than an earlier one, against holes (a fraction of the page). With
 * article headlines up to 30 pt, 0.0008 left 17 inversions on the make-up report, 0.002 15 for the same holes.
 */
export const HEADLINE_INVERSION = 0.002;

/**
 * Headlines fall with position: the article at rank r on a page (0 = first) is expected at most this many points
 * under the template's largest headline; each point over costs HEADLINE_INVERSION (the search's own, additive,
 * stand-in for the pairwise inversions scored over the whole spread).
 */
const HEADLINE_STEP = 2;

/**
 * A headline broken inside a clause (`东州计划三年内培训 / 农村电商人才…`) where a wider module would set it whole: it
 * reads as two clauses, to a reader and to recovery, which puts a space there. Weighed as 6 % of a page: with articles
 * in any order, 0.01-0.03 set 2025-02-18-14's third article in two columns under a two-line headline (holes 7.5 →
 * 7.2 % on its page; the round trip lost the headline on four extractors); at 0.06 the report's holes are 4.12 %
 * against 4.11.
 */
const CLAUSE_BROKEN = 0.06;

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

/**
 * Each em a module's gutters are wider than WIDE_GUTTER_EM, against holes: gutters of 3-4 em between a module's
 * columns read as holes down the page (a newspaper's are 1-2 em; the grid's own reach 2.7 em where whole-em columns
 * round down). On the make-up report, with both measures offered to articles (grid.ts measuresIn): widest article
 * gutter 4.0 → 3.2 em, pages over 2 % holes 9 (the same), with a band over 2 lines 15 → 14, over 1 % loose lines
 * 7 → 8; weighed from 2.5 em, 10 and 10.
 */
const WIDE_GUTTER = 0.01;
const WIDE_GUTTER_EM = 3;

/** Each point the lead's headline is set under its largest size: a tie-break toward a clearly larger lead. */
const LEAD_SMALL = 0.0002;

/**
 * White left in one run under a module: up to BAND_LINES reads as air; each column-line past it costs BAND_WEIGHT
 * more than a hole elsewhere (a module's short last column), so of two fillings with as many holes the one without
 * an empty band wins. From the second line: at 2 lines (sessions 16-32) the make-up report had more holes
 * (sample a3's 2.8 → 3.5 %, generated issue 4's 1.7 → 10.2 %; mean 3.3 → 3.5 %) and a band over 2 lines on 6 of
 * its 38 pages against 4. Weight 2 (session 16) closed more white (the
 * report's mean holes 4.54 → 4.24 %) by stacking more full-width bands (pages with two or more 11 → 14 of 38;
 * 2025-02-18-14's page 2 four bands instead of a vertical module beside three): kept at 1.
 */
const BAND_LINES = 1;
const BAND_WEIGHT = 1;

/** A region's best filling: its cost, its holes (column-lines), and how it was cut (to rebuild the modules). */
interface Fill {
  cost: number;
  holes: number;
  cut: Cut;
}

type Cut =
  /** One item alone in the region: its module `height` lines tall, white below it. */
  | { kind: 'module'; item: number; option: SpanOption; height: number }
  /** Item `item`'s module across the region's top, the set `rest` below a rule (`acrossAbove`: under one across). */
  | { kind: 'top'; item: number; option: SpanOption; height: number; rest: number; acrossAbove: boolean }
  /** Two regions side by side: `width` columns with the set `left` of the items, the set `right` beside them. */
  | { kind: 'side'; width: number; left: number; right: number };

/**
 * Each pair of articles set out of reading order (a later one above or left of an earlier one), against holes: an
 * editor places articles where they fit, and reading order is only a preference (about 3 column-lines of a tabloid
 * page's 340). A lead is never moved: it opens its page. (While only a region's first item could stand across its
 * top, a short later article could not head a page of articles side by side: 2025-02-18-14's page 2 left a
 * two-column article 10 lines short, 6.4 % holes, against 2.4 % with the short one across the top.)
 */
const ORDER_INVERSION = 0.01;

/**
 * Pages of up to this many items are made up in any order; longer ones (pages of short news) keep reading order,
 * each region a run of consecutive items: the search over every set of items grows as 3^n (at 7, an issue of 11 or
 * 12 items laid out about a quarter slower; at 5 or 6 the make-up report's pages come out the same).
 */
const MAX_FREE_ITEMS = 6;

/** The headline block that makes an option's module `height` lines tall; none where no block has that height. */
function headFor(o: SpanOption, height: number): HeadOption | undefined {
  const headLines = height - (o.minHeight - o.heads[0]!.lines);
  return o.heads.find((h) => h.lines === headLines);
}

/**
 * The sets of a page's items a region may hold, each named by a number: any set (a bit per item) where order is
 * free, else a run of consecutive items [i, j) (named i·64 + j).
 */
interface ItemSets {
  all: number;
  /** Names are below this: the search's table is keyed by them. */
  names: number;
  members: (set: number) => number[];
  /** The items that may stand across the set's top, each with the set without it (null where that is all). */
  tops: (set: number) => Array<[item: number, rest: number | null]>;
  /** The ways to share the set between a left and a right region. */
  splits: (set: number) => Array<[left: number, right: number]>;
}

function anySets(n: number): ItemSets {
  const members = (set: number) => {
    const out: number[] = [];
    for (let i = 0; set >> i; i++) if ((set >> i) & 1) out.push(i);
    return out;
  };
  return {
    all: 2 ** n - 1,
    names: 2 ** n,
    members,
    tops: (set) => members(set).map((i) => [i, set ^ (1 << i) || null]),
    splits: (set) => {
      const out: Array<[number, number]> = [];
      for (let left = (set - 1) & set; left > 0; left = (left - 1) & set) out.push([left, set ^ left]);
      return out;
    },
  };
}

/** Items on one page at most, where they keep reading order (the table's names are i·64 + j). */
const MAX_ITEMS = 63;

function runSets(n: number): ItemSets {
  const run = (set: number) => [Math.floor(set / 64), set % 64] as const;
  return {
    all: n,
    names: 64 * 64,
    members: (set) => {
      const [i, j] = run(set);
      return Array.from({ length: j - i }, (_, k) => i + k);
    },
    tops: (set) => {
      const [i, j] = run(set);
      return [[i, j - i > 1 ? (i + 1) * 64 + j : null]];
    },
    splits: (set) => {
      const [i, j] = run(set);
      return Array.from({ length: j - i - 1 }, (_, k) => [i * 64 + i + k + 1, (i + k + 1) * 64 + j]);
    },
  };
}

/**
 * White on a page (share of its column-lines) past which two articles may stack across the page under a lead: the
 * layer cake is the lesser evil where nothing else fills the page better than that (generated issue 4's page 1: 12.5 %
 * of it in white bands held to one across, 3 % stacked; 2025-04-15-19's page 2 3.9 % against 0.9 %, kept).
 */
const LAYER_CAKE_HOLES = 0.05;

/**
 * The best plan for one page, or null when its items cannot fit: under a lead, one article at most across the whole
 * page (two stacked there read as a list under it, the layer cake the issue forbids) unless nothing else fits.
 */
export function planPage(spec: PageSpec): PagePlan | null {
  if (!spec.items.some((it) => it.kind === 'lead')) return planPageAs(spec, false);
  const held = planPageAs(spec, true);
  if (held && held.holes <= LAYER_CAKE_HOLES * held.capacity) return held;
  const free = planPageAs(spec, false);
  return free && (!held || free.holes < held.holes) ? free : held;
}

function planPageAs(spec: PageSpec, oneAcross: boolean): PagePlan | null {
  const { items, firstLine, lines, columns, space } = spec;
  const capacity = lines * columns;
  // An empty page is one white band (charged as a region's white under its module is).
  const emptyBand = (Math.max(0, lines - BAND_LINES) * columns * BAND_WEIGHT) / capacity;
  if (items.length === 0) return { modules: [], holes: capacity, capacity, arrangement: 'empty', penalty: emptyBand };
  if (items.length > MAX_ITEMS) return null;
  const firstArticle = items.findIndex((it) => it.kind === 'article');
  const largest = items.map(maxHeadSize);
  const sets = items.length <= MAX_FREE_ITEMS ? anySets(items.length) : runSets(items.length);
  const isLead = items.map((it) => it.kind === 'lead');

  /** What a module of item `i` costs besides holes: set `span` wide as option `o`, its headline as `head`. */
  const modulePenalty = (i: number, span: number, o: SpanOption, head: HeadOption): number => {
    const it = items[i]!;
    const flaws =
      (head.clean ? 0 : CLAUSE_BROKEN) +
      o.stranded * STRANDED +
      o.loose * LOOSE +
      Math.max(0, o.gutter - WIDE_GUTTER_EM) * WIDE_GUTTER;
    if (it.kind === 'lead') return (largest[i]! - head.size) * LEAD_SMALL + flaws;
    const rank = i - firstArticle;
    let p = flaws + (span === columns && rank > 0 ? BANDING : 0);
    p += Math.max(0, head.size - (topHeadSize - rank * HEADLINE_STEP)) * HEADLINE_INVERSION;
    return p;
  };
  // The largest article headline the items may take: rank 0 is held to it.
  const topHeadSize = Math.max(0, ...largest.filter((_, i) => items[i]!.kind === 'article'));

  /** Cost of reading the items of `first` before those of `then`: each pair out of order; Infinity to pass a lead. */
  const orderCost = (first: number[], then: number[]): number => {
    let n = 0;
    for (const a of first)
      for (const b of then)
        if (a > b) {
          if (isLead[b]) return Infinity;
          n++;
        }
    return n * ORDER_INVERSION;
  };

  // The least area (column-lines) each item takes in any shape: a region smaller than its items' least area holds no
  // filling, and most of the sets a free order tries are cut off by it.
  const least = items.map((it) => Math.min(...[...it.spans.values()].flat().map((o) => o.span * o.minHeight)));

  /** What a set brings to every region it may fill, found once: the table asks for it at each width and height. */
  interface SetShape {
    /** The items that may stand across its top: the rest below, and what reading them after it costs. */
    tops: Array<{ item: number; rest: number | null; order: number }>;
    least: number;
    /** Its shares between a left and a right region, with what their order costs (none that passes a lead). */
    sides: Array<{ left: number; right: number; order: number }>;
  }
  const shapes = new Map<number, SetShape>();
  const shapeOf = (set: number): SetShape => {
    let shape = shapes.get(set);
    if (!shape) {
      const members = sets.members(set);
      const sides = sets.splits(set).flatMap(([left, right]) => {
        const order = orderCost(sets.members(left), sets.members(right));
        return order === Infinity ? [] : [{ left, right, order }];
      });
      const tops = sets.tops(set).flatMap(([item, rest]) => {
        const order = orderCost([item], rest === null ? [] : sets.members(rest));
        return order === Infinity ? [] : [{ item, rest, order }];
      });
      shape = { tops, least: members.reduce((a, i) => a + least[i]!, 0), sides };
      shapes.set(set, shape);
    }
    return shape;
  };

  // Every region's best filling, once: the programme's table (a page's regions number some thousands).
  const fills = new Map<number, Fill | null>();
  /**
   * Best filling of a region `w` columns by `h` lines with the items of `set` (`acrossAbove`: under an article
   * across the page, where the page is held to one).
   */
  const fill = (w: number, h: number, set: number, acrossAbove = false): Fill | null => {
    const key = ((w * 256 + h) * sets.names + set) * 2 + (acrossAbove ? 1 : 0);
    const known = fills.get(key);
    if (known !== undefined) return known;
    const shape = shapeOf(set);
    if (shape.least > w * h) return null;
    let best: Fill | null = null;
    const consider = (f: Fill) => {
      if (!best || f.cost < best.cost - 1e-12) best = f;
    };
    // An item across the top, the rest below: a column of modules reads down, the first item first where that fills
    // as well.
    for (const { item: i, rest, order } of shape.tops) {
      const across = w === columns && items[i]!.kind === 'article';
      if (acrossAbove && across) continue;
      // Under an article across the page, where the page is held to one.
      const held = acrossAbove || (oneAcross && across);
      for (const o of items[i]!.spans.get(w) ?? []) {
        const tail = (o.tail * o.span) / o.columns;
        for (let height = o.minHeight; height <= Math.min(o.maxHeight, h); height++) {
          const head = headFor(o, height);
          if (!head) continue;
          const own = modulePenalty(i, w, o, head) + order;
          if (rest === null) {
            const white = h - height;
            const holes = tail + white * w;
            const band = Math.max(0, white - BAND_LINES) * w * BAND_WEIGHT;
            consider({
              cost: (holes + band) / capacity + own,
              holes,
              cut: { kind: 'module', item: i, option: o, height },
            });
            continue;
          }
          const room = h - height - space;
          const below = room > 0 ? fill(w, room, rest, held) : null;
          if (!below) continue;
          const holes = tail + below.holes;
          consider({
            cost: below.cost + tail / capacity + own,
            holes,
            cut: { kind: 'top', item: i, option: o, height, rest, acrossAbove: held },
          });
        }
      }
    }
    for (const { left, right, order } of shape.sides)
      for (let width = MIN_SPAN; width <= w - MIN_SPAN; width++) {
        const a = fill(width, h, left);
        if (!a) continue;
        const b = fill(w - width, h, right);
        if (!b) continue;
        consider({
          cost: a.cost + b.cost + order,
          holes: a.holes + b.holes,
          cut: { kind: 'side', width, left, right },
        });
      }
    fills.set(key, best);
    return best;
  };

  const best = fill(columns, lines, sets.all);
  if (!best) return null;
  const modules: ModulePlan[] = [];
  const arrangement = build(fill, items, modules, { col: 0, line: firstLine, w: columns, h: lines }, sets.all, space);
  return {
    modules: headlinesFall(modules),
    holes: best.holes,
    capacity,
    arrangement,
    penalty: best.cost - best.holes / capacity,
  };
}

interface Region {
  col: number;
  line: number;
  w: number;
  h: number;
}

/** The modules of a region's best filling, in reading order; returns the cuts as text (`a1 / [a2 | a3]`). */
function build(
  fill: (w: number, h: number, set: number, acrossAbove?: boolean) => Fill | null,
  items: ItemContent[],
  out: ModulePlan[],
  r: Region,
  set: number,
  space: number,
  acrossAbove = false,
): string {
  const { cut } = fill(r.w, r.h, set, acrossAbove)!;
  if (cut.kind === 'side') {
    const left = build(fill, items, out, { ...r, w: cut.width }, cut.left, space);
    const right = build(fill, items, out, { ...r, col: r.col + cut.width, w: r.w - cut.width }, cut.right, space);
    return `[${left} | ${right}]`;
  }
  const head = headFor(cut.option, cut.height)!;
  out.push({
    item: items[cut.item]!.item,
    col: r.col,
    span: r.w,
    option: cut.option,
    line: r.line,
    height: cut.height,
    headLines: head.lines,
    headSize: head.size,
    head: head.set,
  });
  const here = `${items[cut.item]!.item}(${r.w}×${cut.height})`;
  if (cut.kind === 'module') return here;
  const below = { ...r, line: r.line + cut.height + space, h: r.h - cut.height - space };
  return `${here} / ${build(fill, items, out, below, cut.rest, space, cut.acrossAbove)}`;
}

/**
 * Headlines fall with reading order: an article's headline set larger than an earlier one's on its page (the search
 * weighs sizes one module at a time, and so leaves some) is set at the earlier size where it takes as many lines there,
 * in the same block. Modules in reading order; the lead and continuations (no headline) are left as they are.
 */
function headlinesFall(modules: ModulePlan[]): ModulePlan[] {
  let previous = Infinity;
  return modules.map((mod) => {
    if (mod.item === 'lead' || mod.headSize === 0) return mod;
    const down =
      mod.headSize > previous ? headFor(mod.option, mod.height)?.smaller?.find((h) => h.size <= previous) : undefined;
    const out = down ? { ...mod, headSize: down.size, head: down.set } : mod;
    previous = out.headSize;
    return out;
  });
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
