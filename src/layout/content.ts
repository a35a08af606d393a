/**
 * Sets each item's text once per body size, before any placing: for every
 * column span, the module options the make-up chooses from: its body broken
 * to one column per grid column or one fewer and wider (the lead's
 * introduction to its few wide columns), flowed down them with widows and
 * orphans mended and the last column filled where it can be, and the heights
 * its headline sizes give it.
 */

import { NewsprintError } from '../errors.js';
import type { WordSegmenter } from '../text/segmenter.js';
import type { Byline, FaceMetrics, FaceRole, Issue, Metrics, Range, Template } from '../types.js';
import { fillColumns, levelColumns, MAX_FILLED } from './balance.js';
import { type Grid, gutterEm, measuresIn, spanWidth, widestMeasure } from './grid.js';
import {
  breaksCleanly,
  DECK_LEADING,
  fitHeadline,
  headlineBlockLines,
  headlineFill,
  setHeadlineAt,
} from './headline.js';
import { type Memo, memo, memoPer } from './memo.js';
import { misreadAround, readingEnds } from './readable.js';
import {
  type BreakOptions,
  type BrokenLine,
  breakParagraph,
  breakParagraphInto,
  type ReadingEnds,
} from './text/linebreak.js';
import type { Unit } from './text/units.js';
import { isBlank, keepParagraphsTogether, type Rebreak, strandedLines } from './widows.js';

export interface BodyLine extends BrokenLine {
  paragraph: number;
  /** A line of a subhead (小标题): set in the subhead face, flush, kept off a column's foot. */
  subhead?: boolean;
}

/** The face subheads are set in: the template's, bold where it names none. */
export const subheadFace = (t: Template): FaceRole => t.body.subheadFace ?? 'bold';

/** Which of an item's paragraphs are subheads, and the face they are broken in. */
export interface Subheads {
  at: ReadonlySet<number>;
  face: FaceRole;
  m: FaceMetrics;
}

/**
 * A part's paragraphs, one array per item and cut: the memos of its setting (line ends, flows) are kept per array,
 * and the make-up tries the same cuts at every size and headline floor.
 */
const partSlices = memoPer<string[], string, string[]>();

/** The body a part of an item sets: its paragraphs [from, to) and, renumbered from its first, its subheads. */
function partBody(
  item: { paragraphs: string[]; subheads?: number[] },
  t: Template,
  m: Metrics,
  part?: ItemPart,
): { paragraphs: string[]; subheads?: Subheads } {
  const from = part?.from ?? 0;
  const to = part?.to ?? item.paragraphs.length;
  const paragraphs = part
    ? partSlices(item.paragraphs)(`${from} ${to}`, () => item.paragraphs.slice(from, to))
    : item.paragraphs;
  const at = new Set((item.subheads ?? []).filter((k) => k >= from && k < to).map((k) => k - from));
  const face = subheadFace(t);
  return at.size ? { paragraphs, subheads: { at, face, m: m[face] } } : { paragraphs };
}

export interface HeadOption {
  /** Grid lines of the headline block. */
  lines: number;
  size: number;
  /** The headline's lines at that size: what is measured here is what is placed. */
  set: Unit[][];
  /** Broken only at its clause breaks or beside marks (or not at all): see `breaksCleanly`. */
  clean: boolean;
  /** Smaller sizes the headline takes as many lines at, as cleanly, in the same block: largest first. */
  smaller?: Array<Pick<HeadOption, 'size' | 'set'>>;
}

export interface SpanOption {
  span: number;
  /** Body columns in the module (the lead's introduction: a few wide ones). */
  columns: number;
  /** Type size of the lead's introduction in this option. */
  introSize?: number;
  /** The body set to those columns' measure (em), and the paragraphs it was set from. */
  body: BodyLine[];
  measure: number;
  paragraphs: string[];
  /** Headline block options, fewest lines first. */
  heads: HeadOption[];
  /** Body lines per column. */
  perColumn: number;
  /** Paragraph lines left alone at a column's top or foot (widows and orphans) that no re-setting could keep. */
  stranded: number;
  /** Body lines this measure sets spaced out (over 1.05 em a character). */
  loose: number;
  /** The gutter between its body columns, in ems of their type. */
  gutter: number;
  minHeight: number;
  maxHeight: number;
  /** Empty line ends in the module's last column(s), in column-lines. */
  tail: number;
}

/**
 * Part of an item continued from one page to the next (转版): its paragraphs [from, to), and the jump lines that send
 * the reader on at its foot (`（下转第2版）`) and welcome them at its top (`（上接第1版）`).
 */
export interface ItemPart {
  from: number;
  to: number;
  jumpOut: string | null;
  jumpIn: string | null;
}

/** The part is an item's continuation (it carries neither headline nor byline, kicker nor deck). */
export const continuation = (part: ItemPart | undefined): boolean => (part?.from ?? 0) > 0;

/** What every item brings to the make-up: its module options by span. */
interface ContentBase {
  item: string;
  headline: string;
  /** Module options by span; none where the item cannot be set that wide or narrow. */
  spans: Map<number, SpanOption[]>;
  /** The part of the item this is, when it is continued over the pages (its body's first paragraph is `from`). */
  part?: ItemPart;
}

export interface ArticleContent extends ContentBase {
  kind: 'article';
  /** The byline broken to each span's width, by span (none without a byline). */
  bylines: Map<number, Unit[][]>;
}

export interface LeadContent extends ContentBase {
  kind: 'lead';
  /** The deck set in its lines, and the grid lines it takes (none without a deck); the kicker likewise. */
  deckSet: Unit[][];
  deckLines: number;
  kickerSet: Unit[][];
  kickerLines: number;
  /** Grid lines of air between the headline group and the introduction. */
  airLines: number;
}

export type ItemContent = ArticleContent | LeadContent;

/** A byline as printed: the mark, the role, the names (`□ 本报记者 王明远`; `□ 李清和` without a role). */
export function bylineText(b: Byline): string {
  return `□ ${[b.role, b.name].filter(Boolean).join(' ')}`;
}

const MIN_SPAN = 2;
const MIN_BODY_LINES = 3;

/**
 * A byline in a module's width, an em short of it so neighbouring bylines stay apart; a long one breaks between its
 * parts.
 */
function setByline(text: string, width: number, size: number, m: Metrics['kai']): Unit[][] {
  const measure = Math.floor(width / size) - 1;
  return brokenOnce(text, m, { measure, indent: 0 }).map((l) => l.units);
}

/**
 * Line breaks already found in this process, by face, options and text: the
 * make-up tries many body sizes, and sizes that share a measure share every
 * break; a rebuild (`proof --serve`) sets most paragraphs again.
 */
const breaksFor = memoPer<FaceMetrics, string, BrokenLine[]>();

/**
 * How body text and the lead's introduction are broken at a measure: first lines indented two characters, as
 * Chinese text is set, and gaps between Han characters kept inside lines.
 */
export const bodyBreaks = (measure: number): BreakOptions => ({ measure, indent: 2, gaps: true });

/** The options' key: everything that changes where the lines break. */
const breakKey = ({ measure, indent, gaps, reads: r }: BreakOptions): string =>
  `${measure}|${indent}|${gaps ?? false}|${r?.showIndent ?? 0}|${r?.lastShortBy ?? 0}|${r?.lastUnlikeFirst ?? 0}` +
  `|${r?.lastFull ?? 0}`;

/** A paragraph's lines, set once per process. */
const brokenOnce = (text: string, m: FaceMetrics, opts: BreakOptions): BrokenLine[] =>
  breaksFor(m)(`${breakKey(opts)}|${text}`, () => breakParagraph(text, m, opts));

/**
 * How each paragraph of a body must read at a measure (readable.ts), found once per process: by face, the item's
 * paragraphs (one array per item part) and measure.
 */
const endsFor = memoPer<FaceMetrics, string[], Memo<string, ReadingEnds[]>>();

function bodyEnds(paragraphs: string[], measure: number, m: FaceMetrics, subheads?: Subheads): ReadingEnds[] {
  const key = `${measure}|${[...(subheads?.at ?? [])].join(',')}`;
  return endsFor(m)(paragraphs, () => memo())(key, () =>
    readingEnds(
      paragraphs.length,
      measure,
      (k, reads) => paragraphLines(paragraphs, k, measure, m, subheads, reads),
      (k) => subheads?.at.has(k) === true,
    ),
  );
}

/** Paragraph k's lines at a measure: a subhead in its face, the rest in the body's, its ends read as `reads` asks. */
const paragraphLines = (
  paragraphs: string[],
  k: number,
  measure: number,
  m: FaceMetrics,
  subheads: Subheads | undefined,
  reads: ReadingEnds,
) => brokenOnce(paragraphs[k]!, subheads?.at.has(k) ? subheads.m : m, { ...bodyBreaks(measure), reads });

/** Every paragraph's lines at a measure, each end reading right. */
function bodyParagraphs(paragraphs: string[], measure: number, m: FaceMetrics, subheads?: Subheads): BrokenLine[][] {
  const ends = bodyEnds(paragraphs, measure, m, subheads);
  return paragraphs.map((_, k) => paragraphLines(paragraphs, k, measure, m, subheads, ends[k]!));
}

export function setBody(paragraphs: string[], measure: number, m: FaceMetrics, subheads?: Subheads): BodyLine[] {
  return bodyParagraphs(paragraphs, measure, m, subheads).flatMap((lines, paragraph) =>
    lines.map((l) => (subheads?.at.has(paragraph) ? { ...l, paragraph, subhead: true } : { ...l, paragraph })),
  );
}

/** How many lines setBody sets, without making them. */
const bodyLineCount = (paragraphs: string[], measure: number, m: FaceMetrics, subheads?: Subheads): number =>
  bodyParagraphs(paragraphs, measure, m, subheads).reduce((n, lines) => n + lines.length, 0);

/**
 * A headline broken over lines that each leave more than half its module's width empty (a size just too large for one
 * line) reads as two headlines, to a reader and to an extractor: pdftotext read the first of two such headlines side by
 * side into the other module's second column (the sample's a3 round trip lost a headline). Not offered.
 */
const BROKEN_HEADLINE_FILL = 0.5;

/**
 * Headline block options for a width: for each block height from the least
 * the headline needs to that plus `extra` lines, the largest size that fits.
 */
function headOptions(
  text: string,
  width: number,
  sizes: Range,
  maxLines: number,
  extra: number,
  g: Grid,
  m: Metrics['heavy'],
  words?: WordSegmenter,
): HeadOption[] | null {
  if (!text) return [{ lines: 0, size: 0, set: [], clean: true }];
  const all: HeadOption[] = [];
  for (let size = sizes.max; size >= sizes.min; size--) {
    const set = setHeadlineAt(text, width, size, m, words);
    if (set.length > 1 && headlineFill(set, width, size, m) < BROKEN_HEADLINE_FILL) continue;
    if (set.length <= maxLines)
      all.push({
        size,
        lines: headlineBlockLines(set.length, size, g.pitch),
        set,
        clean: breaksCleanly(text, set),
      });
  }
  // Sizes that break the headline cleanly (at its clause breaks or beside marks), when there are any.
  const fits = all.some((f) => f.clean) ? all.filter((f) => f.clean) : all;
  if (!fits.length) return null;
  const least = Math.min(...fits.map((f) => f.lines));
  const out: HeadOption[] = [];
  for (let lines = least; lines <= fits[0]!.lines + extra; lines++) {
    const fit = fits.find((f) => f.lines <= lines)!;
    // (A block more than `extra` lines taller than its headline needs would fill the page with air.)
    if (lines - fit.lines > extra) continue;
    const smaller = fits
      .filter((f) => f.size < fit.size && f.set.length === fit.set.length && f.lines <= lines && f.clean >= fit.clean)
      .map((f) => ({ size: f.size, set: f.set }));
    out.push({ lines, size: fit.size, set: fit.set, clean: fit.clean, ...(smaller.length ? { smaller } : {}) });
  }
  return out;
}

/**
 * The lead's headline is at least this many times every article headline (newspapers set it 1.4-1.6 times the
 * largest): article sizes stop at the lead's least size over it.
 */
const LEAD_OVER_ARTICLES = 1.4;

/**
 * The lead's headline is either set as large as it goes, down to this share of its largest size that fits two lines,
 * with article headlines up to that least over 1.4; or anywhere down to the template's least, with articles under
 * that (18 pt on the tabloid). The make-up tries both: a larger or 2-line headline over a long article is a
 * newspaper's main means to close a page, a smaller lead headline keeps page 1's articles on it. On the make-up
 * report (38 pages), the first alone: holes mean 4.1 → 3.6 % at 0.75 (3.7 % at 0.85 and 0.65; at 1, 13 pages over 2 %
 * against 8), but the sample's page 1 lost an article to a jump.
 */
const LEAD_HEAD_GIVE = 0.75;

/**
 * An article of this many body lines at the grid measure (a quarter of a tabloid page's column-lines) may take the
 * largest headline its module allows; a shorter one proportionally less of the range over the least size, so that
 * headline sizes follow the articles' weight (a 9-line item under a 28 pt headline reads as the page's main story).
 */
const FULL_HEADLINE_LINES = 100;

/**
 * Headline sizes for a module: wider modules and longer articles may set larger headlines, never larger than the
 * lead's least size allows (the lead is the spread's largest headline, clearly); with no lead, up to the template's
 * largest.
 */
function headlineSizes(t: Template, span: number, bodyLines: number, leadLeast: number | null): Range {
  const { min, max } = t.headline.sizes;
  const wide = Math.round(max * (1 + 0.05 * Math.max(0, span - 3)));
  const weighty = Math.round(min + (wide - min) * Math.min(1, bodyLines / FULL_HEADLINE_LINES));
  const top = leadLeast === null ? weighty : Math.min(weighty, Math.floor(leadLeast / LEAD_OVER_ARTICLES));
  return { min: Math.min(min, top), max: top };
}

/** Measures in em of `columns` equal body columns across `span` grid columns (measuresIn). */
const measuresOf = (g: Grid, span: number, columns: number, size: number): number[] =>
  measuresIn(g, spanWidth(g, span), columns, size);

/**
 * A line re-set to keep a paragraph together is never looser than this (em between characters, over 1): the
 * issue's cap on a line's character pitch is 1.10 em. (0.09, under poppler's 0.1-em word break, left orphans on
 * three of the make-up report's spreads.)
 */
const TOGETHER_MAX_STRETCH = 0.1;

/**
 * A paragraph set a line longer to fill a module's last column keeps its lines solid: just under the loose line's
 * 0.05 em between characters (at 0.05 itself the make-up report read a few lines as 1.0500001 em, loose).
 */
const FILL_MAX_STRETCH = 0.0495;

/**
 * Lines per column a module may be made taller than its text's least by setting paragraphs a line longer, solid (拉行,
 * balance.ts): other heights for the make-up to close a page with than white under a module.
 */
const MAX_TALLER = 1;

/** A body flowed down its columns: lines per column, the body as flowed, its empty line ends, its stranded lines. */
type Flow = Pick<SpanOption, 'body' | 'perColumn' | 'tail' | 'stranded' | 'loose'>;

/**
 * A body flowed down `columns` columns, widows and orphans mended where a paragraph can be set a line longer or
 * shorter: at the least column length, and a line longer (a taller module, its last column shorter) where that
 * strands fewer lines; the make-up weighs the stranded lines against the holes. Then the last column filled, where
 * paragraphs can go a line longer set solid (balance.ts).
 */
function flows(f: FlowOf): Flow[] {
  const subheads = `${f.subheads?.face ?? ''}:${[...(f.subheads?.at ?? [])].join(',')}`;
  const key = `${f.measure}|${f.columns}|${f.reserve}|${subheads}`;
  return flowsFor(f.m)(f.paragraphs, () => memo())(key, () => flowOnce(f));
}

/** What a body is flowed from: its paragraphs (and subheads) in a face, at a measure, down `columns` columns. */
interface FlowOf {
  paragraphs: string[];
  measure: number;
  columns: number;
  m: FaceMetrics;
  /** Lines kept free at the foot of the last column, for a jump line. */
  reserve: number;
  subheads?: Subheads;
}

/** Flows already found, by face, text (the item's paragraphs), measure and columns: sizes of one measure share them. */
const flowsFor = memoPer<FaceMetrics, string[], Memo<string, Flow[]>>();
/** Paragraphs set in a given number of lines, by face, measure, lines and text (null: not within the stretch). */
const rebrokenFor = memoPer<FaceMetrics, string, BrokenLine[] | null>();

function flowOnce({ paragraphs, measure, columns, m, reserve, subheads }: FlowOf): Flow[] {
  const body = setBody(paragraphs, measure, m, subheads);
  const ends = bodyEnds(paragraphs, measure, m, subheads);
  const least = Math.ceil((body.length + reserve) / columns);
  // (A subhead is a display line: it keeps its breaks.)
  const rebreakWithin =
    (maxStretch: number): Rebreak =>
    (p, lines) => {
      if (subheads?.at.has(p)) return null;
      const opts = { ...bodyBreaks(measure), reads: ends[p] };
      return rebrokenFor(m)(`${breakKey(opts)}|${lines}|${maxStretch}|${paragraphs[p]}`, () =>
        breakParagraphInto(paragraphs[p]!, m, opts, { lines, maxStretch }),
      );
    };
  const out: Flow[] = [];
  for (let perColumn = least; perColumn <= least + MAX_TALLER; perColumn++) {
    // Taller only while the last column keeps a line.
    if (perColumn > least && perColumn * (columns - 1) >= body.length + reserve) break;
    const capacity = perColumn * columns - reserve;
    // (Filling re-sets at most MAX_FILLED paragraphs: a taller flow it cannot fill only serves to strand fewer.)
    const shortest = out[0];
    if (shortest?.stranded === 0 && capacity - (columns - 1) - body.length > MAX_FILLED) break;
    const together = keepParagraphsTogether(body, perColumn, capacity, rebreakWithin(TOGETHER_MAX_STRETCH));
    const level = { perColumn, capacity, measure, stretch: FILL_MAX_STRETCH };
    const kept = levelColumns(
      fillColumns(together, level, rebreakWithin(FILL_MAX_STRETCH), (b, p) =>
        misreadAround(b, p, measure, (k) => subheads?.at.has(k) === true),
      ),
      perColumn,
      columns,
      reserve,
    );
    const stranded = strandedLines(kept, perColumn);
    // An empty line left for a moved orphan is white in the module, as its last column's empty ends are.
    const tail = perColumn * columns - kept.filter((l) => !isBlank(l)).length - reserve;
    const loose = kept.filter((l) => l.loose).length;
    // A taller flow is kept where it strands fewer lines, or where its text fills it (columns level within a line)
    // as solid and as whole as the shortest one.
    const fewerStranded = !shortest || stranded < shortest.stranded;
    const filled = shortest && stranded <= shortest.stranded && loose <= shortest.loose && tail < columns;
    if (fewerStranded || filled) out.push({ body: kept, perColumn, tail, stranded, loose });
  }
  return out;
}

/**
 * A module's options for its body flowed every way `flows` allows: its heights run from its headline block's least
 * to its most lines, plus `fixed` lines (byline; the lead's kicker, deck and a line of air) and the column length.
 */
function optionsOf(
  o: Pick<SpanOption, 'span' | 'columns' | 'introSize' | 'measure' | 'gutter' | 'paragraphs' | 'heads'>,
  fixed: number,
  m: FaceMetrics,
  part?: ItemPart,
  subheads?: Subheads,
): SpanOption[] {
  // A continued part carries its jump lines: the one in above its body, the one out under its last line.
  const jumpIn = part?.jumpIn ? 1 : 0;
  const jumpOut = part?.jumpOut ? 1 : 0;
  return flows({ paragraphs: o.paragraphs, measure: o.measure, columns: o.columns, m, reserve: jumpOut, subheads }).map(
    (f) => ({
      ...o,
      ...f,
      minHeight: o.heads[0]!.lines + fixed + jumpIn + f.perColumn,
      maxHeight: o.heads.at(-1)!.lines + fixed + jumpIn + f.perColumn,
    }),
  );
}

/**
 * Body columns an article may set across `span` grid columns: one per grid column, or fewer and wider (破栏, a common
 * newspaper measure: 3 columns over 4, 4 over 6), which gives the make-up other module heights to close a page with.
 * Two fewer only across five columns or more, where a column stays under twice the grid's measure (on the make-up
 * report: holes 3.8 → 3.6 %, loose lines 51 → 45).
 */
const bodyColumnsFor = (span: number): number[] =>
  span >= 5 ? [span, span - 1, span - 2] : span >= 3 ? [span, span - 1] : [span];

export function articleContent(
  a: Issue['articles'][number],
  t: Template,
  g: Grid,
  m: Metrics,
  words: WordSegmenter | undefined,
  /** The lead headline's least size on the spread (leadHeadlineFloors), null without a lead. */
  leadLeast: number | null,
  part?: ItemPart,
): ArticleContent {
  // A continuation carries neither headline nor byline: they stand over the first part.
  const continued = continuation(part);
  const headline = continued ? '' : a.headline;
  const byline = a.byline && !continued ? bylineText(a.byline) : null;
  const { paragraphs, subheads } = partBody(a, t, m, part);
  // Lines at the grid measure, to judge which spans leave enough of them per column.
  const gridLines = bodyLineCount(paragraphs, g.measureEm, m[t.body.face], subheads);
  // The whole article's, for its headline's weight (a continuation's part is not the article).
  const whole = part ? partBody(a, t, m) : null;
  const wholeLines = whole ? bodyLineCount(whole.paragraphs, g.measureEm, m[t.body.face], whole.subheads) : gridLines;
  const bylines = new Map<number, Unit[][]>();
  for (let span = 1; span <= g.columns; span++)
    bylines.set(
      span,
      byline ? setByline(byline, spanWidth(g, span), g.bodySize * t.byline.scale, m[t.byline.face]) : [],
    );
  const headsAt = (span: number): HeadOption[] | null =>
    span < MIN_SPAN
      ? null
      : headOptions(
          headline,
          spanWidth(g, span),
          headlineSizes(t, span, wholeLines, leadLeast),
          t.headline.maxLines,
          t.maxHeadlineExtra,
          g,
          m[t.headline.face],
          words,
        );
  const spans = new Map<number, SpanOption[]>();
  // Wide modules with a few lines of body look wrong; a short item still has its narrowest module, or, where its
  // headline fits none of those, every module it fits (a recovery that gave it a line of body for a headline).
  const addSpans = (narrow: boolean) => {
    for (let span = 1; span <= g.columns; span++) {
      if (narrow && Math.ceil(gridLines / span) < MIN_BODY_LINES && span > MIN_SPAN) continue;
      const heads = headsAt(span);
      if (!heads) continue;
      const bylineLines = bylines.get(span)!.length;
      const options = bodyColumnsFor(span).flatMap((columns) =>
        (columns === span ? [g.measureEm] : measuresOf(g, span, columns, g.bodySize)).flatMap((measure) => {
          const gutter = gutterEm(spanWidth(g, span), columns, measure, g.bodySize);
          const o = { span, columns, measure, gutter, paragraphs, heads };
          return optionsOf(o, bylineLines, m[t.body.face], part, subheads);
        }),
      );
      spans.set(span, options);
    }
  };
  addSpans(true);
  if (spans.size === 0) addSpans(false);
  if (spans.size === 0)
    throw new NewsprintError(
      `the headline of ${a.id} (${[...headline].length} characters) does not fit ${t.headline.maxLines} lines ` +
        `across the page even at ${t.headline.sizes.min} pt`,
      undefined,
      'shorten the headline (newsprint proof --serve sets it), or split it into a headline and a deck',
    );
  return { item: a.id, kind: 'article', headline, bylines, spans, ...(part ? { part } : {}) };
}

/**
 * Introduction sizes: from the body size times the template's least scale up, in half points, while a line still fits
 * the pitch. (Never under the least scale: a size rounded down would sit looser on the grid than the body, past the
 * 1.5 em between baselines within which pdftotext reads lines as one block.)
 */
function introSizes(t: Template, g: Grid): number[] {
  const out: number[] = [];
  const { min: lo, max: hi } = t.lead.intro.scale;
  for (let s = Math.ceil(g.bodySize * lo * 2 - 1e-9) / 2; s <= g.bodySize * hi + 1e-9 && s * 1.15 <= g.pitch; s += 0.5)
    out.push(s);
  return out.length ? out : [g.bodySize];
}

/** The lead headline's block options across the page, at `least` pt or more (any size, without). */
function leadHeadOptions(
  headline: string,
  t: Template,
  g: Grid,
  m: Metrics,
  words: WordSegmenter | undefined,
  least = 0,
): HeadOption[] {
  const width = spanWidth(g, g.columns);
  const at = (sizes: Range) =>
    headOptions(headline, width, sizes, 2, t.maxHeadlineExtra, g, m[t.lead.headline.face], words);
  // A headline too long for two lines at the lead's sizes is set at an article's sizes rather than refused.
  const all = at(t.lead.headline.sizes) ?? at({ min: t.headline.sizes.min, max: t.lead.headline.sizes.min - 1 });
  if (!all)
    throw new NewsprintError(
      `the lead's headline (${[...headline].length} characters) does not fit two lines across the page even at ` +
        `${t.headline.sizes.min} pt`,
      undefined,
      "shorten the lead's headline, or move its second half to the deck",
    );
  const largest = Math.max(...all.map((h) => h.size));
  return least > Math.min(...all.map((h) => h.size)) ? (at({ min: least, max: largest }) ?? all) : all;
}

/**
 * The least sizes the make-up may hold the lead's headline to (LEAD_HEAD_GIVE), each a make-up of its own: every
 * article headline stays under the lead's least over 1.4. Without a lead, none (null: articles are not capped).
 */
export function leadHeadlineFloors(
  lead: Issue['lead'],
  t: Template,
  g: Grid,
  m: Metrics,
  words?: WordSegmenter,
): Array<number | null> {
  if (!lead) return [null];
  const sizes = leadHeadOptions(lead.headline, t, g, m, words).map((h) => h.size);
  const large = Math.max(Math.min(...sizes), Math.floor(Math.max(...sizes) * LEAD_HEAD_GIVE));
  return [...new Set([Math.min(...sizes), large])];
}

export function leadContent(
  lead: NonNullable<Issue['lead']>,
  t: Template,
  g: Grid,
  m: Metrics,
  words: WordSegmenter | undefined,
  /** The least size its headline is held to (leadHeadlineFloors). */
  least: number | null,
  part?: ItemPart,
): LeadContent {
  // A continuation carries neither headline, kicker nor deck: they stand over the first part.
  const top = continuation(part) ? { headline: '', deck: null, kicker: null } : lead;
  const { paragraphs, subheads } = partBody(lead, t, m, part);
  const width = spanWidth(g, g.columns);
  // The kicker above the headline and the deck under it are set alike: the deck's face and size, centred.
  const setLines = (text: string | null | undefined) => {
    const fit = text
      ? fitHeadline(text, width, { min: t.lead.deck.size, max: t.lead.deck.size }, 3, m[t.lead.deck.face], words)
      : null;
    return {
      set: fit?.lines ?? [],
      lines: fit ? Math.ceil((fit.lines.length * t.lead.deck.size * DECK_LEADING) / g.pitch) : 0,
    };
  };
  const deck = setLines(top.deck);
  const kicker = setLines(top.kicker);
  const heads = leadHeadOptions(top.headline, t, g, m, words, least ?? 0);
  // The introduction may be set in a few column counts and sizes: the lead is the page's main give.
  // A lead continued over the pages keeps one size in both its parts: the least.
  const sizes = part ? introSizes(t, g).slice(0, 1) : introSizes(t, g);
  // A line of air between the deck and the introduction; under a headline alone its block's own air is enough (a
  // continuation's jump line stands where the headline would).
  const airLines = deck.lines > 0 ? 1 : 0;
  const options = t.lead.intro.columns.flatMap((columns) =>
    sizes.flatMap((introSize) => {
      // (At the grid's gutters only: at a wider measure some of the corpus leads' last lines ended 2 em short, and
      // recovering the spread read them as the next paragraph's first lines.)
      const measure = widestMeasure(width, columns, introSize, g.gutter);
      const above = kicker.lines + deck.lines + airLines;
      const gutter = gutterEm(width, columns, measure, introSize);
      const o = { span: g.columns, columns, introSize, measure, gutter, paragraphs, heads };
      // (The introduction's short last column is white as any module's: counted as holes, so the make-up weighs it.)
      return optionsOf(o, above, m[t.lead.intro.face], part, subheads);
    }),
  );
  const spans = new Map([[g.columns, options]]);
  return {
    item: 'lead',
    kind: 'lead',
    headline: top.headline,
    deckSet: deck.set,
    deckLines: deck.lines,
    kickerSet: kicker.set,
    kickerLines: kicker.lines,
    airLines,
    spans,
    ...(part ? { part } : {}),
  };
}
