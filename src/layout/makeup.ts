/**
 * Page make-up: which item goes on which page, in which rectangle. A page is
 * an optional banner across all columns (the lead on page 1) above stacks:
 * side-by-side column groups, each holding modules one under another. The
 * search tries every split of the items between the two pages, every way to
 * cut the columns into stacks and to deal the items to them in reading order,
 * and every banner height; module heights then stretch (larger headlines) to
 * close the stacks. The best arrangement has the fewest holes, then honours
 * importance: earlier items wider and higher.
 */
import type { HeadOption, ItemContent, SpanOption } from './content.js';
import { memo } from './memo.js';
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
  /** Items in reading order; the lead, when on the page, must come first and becomes the banner. */
  items: ItemContent[];
  firstLine: number;
  lines: number;
  columns: number;
  space: number;
  /**
   * The page's score (holes over its capacity, plus penalties) must stay under this to matter: the best spread so
   * far leaves no more. Plans whose holes alone reach it are never built.
   */
  budget?: number;
}

const partitionsOf = memo<number, number[][]>();
const groupingsOf = memo<number, number[][]>();

/** Compositions of `c` into parts of at least `min` (once per process: the search asks for the same ones). */
function partitions(c: number, min: number): number[][] {
  return partitionsOf(c * 1024 + min, () => {
    if (c === 0) return [[]];
    const out: number[][] = [];
    for (let first = min; first <= c; first++)
      for (const rest of partitions(c - first, min)) out.push([first, ...rest]);
    return out;
  });
}

/** Ways to cut `n` items, in order, into `k` non-empty consecutive groups (once per process). */
function groupings(n: number, k: number): number[][] {
  return groupingsOf(n * 1024 + k, () => {
    if (k === 1) return [[n]];
    const out: number[][] = [];
    for (let first = 1; first <= n - k + 1; first++)
      for (const rest of groupings(n - first, k - 1)) out.push([first, ...rest]);
    return out;
  });
}

interface StackResult {
  options: SpanOption[];
  heights: number[];
  holes: number;
}

/** Most combinations of module options tried for one stack. */
const MAX_COMBINATIONS = 64;

/**
 * Modules of one width stacked in `lines`: each takes its least height, then
 * lines are handed out one at a time, earliest item first, until the stack
 * is full or every module is at its tallest. Where modules have several
 * options (body columns), the combination leaving the fewest holes wins.
 */
function fillStack(choices: SpanOption[][], lines: number, space: number): StackResult | null {
  let best: StackResult | null = null;
  let combos = 0;
  const chosen: SpanOption[] = new Array(choices.length);
  const pick = (i: number) => {
    if (combos >= MAX_COMBINATIONS) return;
    if (i === choices.length) {
      combos++;
      const r = fillChosen([...chosen], lines, space);
      if (r && (!best || r.holes < best.holes)) best = r;
      return;
    }
    for (const o of choices[i]!) {
      chosen[i] = o;
      pick(i + 1);
    }
  };
  pick(0);
  return best;
}

function fillChosen(options: SpanOption[], lines: number, space: number): StackResult | null {
  const heights = options.map((o) => o.minHeight);
  const used = () => heights.reduce((a, b) => a + b, 0) + space * (options.length - 1);
  if (used() > lines) return null;
  let free = lines - used();
  let grew = true;
  while (free > 0 && grew) {
    grew = false;
    for (let i = 0; i < options.length && free > 0; i++) {
      if (heights[i]! < options[i]!.maxHeight) {
        heights[i]!++;
        free--;
        grew = true;
      }
    }
  }
  const width = options[0]!.span;
  // Holes: the stack's empty bottom, and the empty ends of the modules' last columns (in grid-column lines).
  return { options, heights, holes: free * width + options.reduce((n, o) => n + (o.tail * o.span) / o.columns, 0) };
}

function headFor(o: SpanOption, height: number): HeadOption {
  const headLines = height - (o.minHeight - o.heads[0]!.lines);
  return o.heads.find((h) => h.lines === headLines) ?? o.heads[o.heads.length - 1]!;
}

/**
 * Best arrangement of the items below `top` (after an optional banner whose own holes are `above`) in `lines` grid
 * lines.
 */
function stacksBelow(items: ItemContent[], spec: PageSpec, top: number, lines: number, above = 0): PagePlan | null {
  const c = spec.columns;
  const budget = spec.budget ?? Number.POSITIVE_INFINITY;
  const pageCapacity = spec.lines * c;
  if (items.length === 0)
    return { modules: [], holes: lines * c, capacity: lines * c, arrangement: 'empty', penalty: 0 };
  let best: PagePlan | null = null;
  const capacity = lines * c;
  // The same stack (its items and width) comes back in many cuts of the columns: filled once.
  const filledStacks = new Map<number, StackResult | null>();
  const stackAt = (at: number, n: number, w: number): StackResult | null => {
    const key = (at * 64 + n) * 64 + w;
    let filled = filledStacks.get(key);
    if (filled === undefined) {
      const choices = items.slice(at, at + n).map((it) => it.spans.get(w) ?? []);
      filled = choices.some((o) => o.length === 0) ? null : fillStack(choices, lines, spec.space);
      filledStacks.set(key, filled);
    }
    return filled;
  };
  for (const widths of partitions(c, 2)) {
    if (widths.length > items.length) continue;
    cuts: for (const groups of groupings(items.length, widths.length)) {
      const stacks: StackResult[] = [];
      let holes = 0;
      for (let s = 0, at = 0; s < widths.length; at += groups[s]!, s++) {
        const filled = stackAt(at, groups[s]!, widths[s]!);
        if (!filled) continue cuts;
        stacks.push(filled);
        holes += filled.holes;
      }
      // Penalties are never negative: holes alone that do not beat the best (or the budget) cannot win.
      if (best && holes / capacity >= score(best) - 1e-9) continue;
      if ((holes + above) / pageCapacity >= budget - 1e-9) continue;
      const modules: ModulePlan[] = [];
      let col = 0;
      let at = 0;
      stacks.forEach((filled, s) => {
        let line = top;
        filled.options.forEach((o, k) => {
          const h = filled.heights[k]!;
          const head = headFor(o, h);
          modules.push({
            item: items[at + k]!.item,
            col,
            span: widths[s]!,
            option: o,
            line,
            height: h,
            headLines: head.lines,
            headSize: head.size,
            head: head.set,
          });
          line += h + spec.space;
        });
        col += widths[s]!;
        at += groups[s]!;
      });
      const plan: PagePlan = {
        modules,
        holes,
        capacity,
        arrangement: `stacks ${widths.join('+')} items ${groups.join('/')}`,
        penalty: hierarchyPenalty(modules),
      };
      if (!best || better(plan, best)) best = plan;
    }
  }
  return best;
}

/**
 * Importance follows reading order: an item should be neither narrower nor
 * set with a larger headline than one after it.
 */
export function hierarchyPenalty(modules: ModulePlan[]): number {
  let p = 0;
  const articles = modules.filter((m) => m.item !== 'lead');
  // A page of bands across all columns reads as a list, not a newspaper: one band at most.
  const columns = Math.max(...modules.map((m) => m.col + m.span));
  p += Math.max(0, articles.filter((m) => m.span === columns).length - 1) * BANDING;
  for (let i = 0; i + 1 < articles.length; i++) {
    if (articles[i]!.span < articles[i + 1]!.span) p += 0.01;
    p += Math.max(0, articles[i + 1]!.headSize - articles[i]!.headSize) * HEADLINE_INVERSION;
  }
  return p;
}

/**
 * Cost of each article set across the whole page after the first: on the make-up report's 19 spreads 0.025 takes
 * full-width modules from 31 to 25 (pages with two or more from 12 to 9) for 0.1 % more holes on the mean page.
 */
export const BANDING = 0.025;

/** Cost of a later headline one point larger than an earlier one, against holes (a fraction of the page). */
export const HEADLINE_INVERSION = 0.0008;

const score = (p: PagePlan) => p.holes / p.capacity + p.penalty;

function better(a: PagePlan, b: PagePlan): boolean {
  return score(a) < score(b) - 1e-9;
}

/** The best plan for one page, or null when its items cannot fit. */
export function planPage(spec: PageSpec): PagePlan | null {
  const { items, firstLine, lines, columns: c, space } = spec;
  const capacity = lines * c;
  let best: PagePlan | null = null;
  const budget = spec.budget ?? Number.POSITIVE_INFINITY;
  const consider = (p: PagePlan | null) => {
    if (p && score(p) < budget - 1e-9 && (!best || better(p, best))) best = p;
  };
  const lead = items[0]?.kind === 'lead';
  if (!lead) consider(stacksBelow(items, spec, firstLine, lines));
  // The most column-lines the items under a banner can fill (each at its largest, with its rule space): the rest
  // of the page below is holes whatever the arrangement.
  const fillable = items
    .slice(1)
    .reduce(
      (n, it) => n + Math.max(0, ...[...it.spans.values()].flat().map((o) => o.maxHeight * o.span)) + space * c,
      0,
    );
  // A banner: the first item across the page, every option and height it can take.
  for (const banner of items[0]?.spans.get(c) ?? []) {
    for (let h = banner.minHeight; h <= banner.maxHeight; h++) {
      const rest = items.length > 1 ? lines - h - space : lines - h;
      if (rest < 0) break;
      const bannerHoles = (banner.tail * c) / banner.columns;
      if ((bannerHoles + Math.max(0, rest * c - fillable)) / capacity >= budget - 1e-9) continue;
      const below = stacksBelow(items.slice(1), spec, firstLine + h + space, rest, bannerHoles);
      if (!below) continue;
      const head = headFor(banner, h);
      const bannerModule: ModulePlan = {
        item: items[0]!.item,
        col: 0,
        span: c,
        option: banner,
        line: firstLine,
        height: h,
        headLines: head.lines,
        headSize: head.size,
        head: head.set,
      };
      consider({
        modules: [bannerModule, ...below.modules],
        holes: below.holes + bannerHoles,
        capacity,
        arrangement: `banner ${h} lines, ${below.arrangement}`,
        penalty: below.penalty + (lead ? 0 : 0.005),
      });
    }
  }
  return best ? { ...(best as PagePlan), capacity } : null;
}
