/**
 * Layout: Issue + Template → Layout (pages of positioned boxes and lines).
 * Steps, in order:
 *   for each body size the template allows:
 *     grid → set every item's text (content) → plan both pages (make-up)
 *   keep the best plan → place boxes and lines → check the invariants.
 * Pure: fonts come in as metrics; headlines break between the words of a
 * segmenter (jieba's dictionary unless another is given).
 */
import { NewsprintError, printable } from '../errors.js';
import { isHan } from '../text/chars.js';
import { jiebaWords, type WordSegmenter } from '../text/segmenter.js';
import type { FaceRole, Issue, Layout, Metrics, Page, Template } from '../types.js';
import {
  articleContent,
  bylineText,
  type ItemContent,
  type ItemPart,
  leadContent,
  leadHeadlineFloors,
  subheadFace,
} from './content.js';
import { mastheadBox, runningHeadBox } from './furniture.js';
import { bodySizes, type Grid, gridFor, openings } from './grid.js';
import { checkLayout } from './invariants.js';
import { hierarchyPenalty, type PagePlan, planPage } from './makeup.js';
import { memo } from './memo.js';
import { moduleRules, type PlaceContext, placeArticle, placeLead } from './place.js';

interface Candidate {
  g: Grid;
  /** The items of each page, in reading order: an item continued over the pages has a part on each. */
  items: [ItemContent[], ItemContent[]];
  pages: [PagePlan, PagePlan];
  score: number;
}

/**
 * A segmenter that segments each text once per process, not once for every size and width the make-up tries (nor
 * again in a rebuild); one per segmenter, so the headline clauses prepared with it are kept too.
 */
const rememberedSegmenters = new WeakMap<WordSegmenter, WordSegmenter>();

function remembered(segment: WordSegmenter): WordSegmenter {
  let words = rememberedSegmenters.get(segment);
  if (!words) {
    const segmented = memo<string, string[]>();
    words = (text) => segmented(text, () => segment(text));
    rememberedSegmenters.set(segment, words);
  }
  return words;
}

/** Prefer smaller body type when the fill is equal: it is what newspapers use. */
const SIZE_PENALTY = 0.002;

/** Errors name no file: the caller knows which file the user gave (`about` in errors.ts). */
export function layoutIssue(issue: Issue, t: Template, m: Metrics, segment: WordSegmenter = jiebaWords): Layout {
  refuseWhatCannotFit(issue, t);
  const words = remembered(segment);
  refuseWhatNoFaceHas(issue, t, m);
  const search: Search = { best: null, tried: 0, shortest: Infinity };
  // Reading sizes first: a smaller body is used only when the issue fits at none of them.
  const sizes = bodySizes(t);
  if (!sizes.length)
    throw new NewsprintError(
      `template "${t.name}" allows no body size: at ${t.body.sizes.min}-${t.body.sizes.max} pt its columns of ` +
        'whole ems leave gutters far wider than its gutterEm',
      undefined,
      'widen body.sizes or change columns or gutterEm',
    );
  const reading = t.body.reading ?? 0;
  // Continuing an item over the pages (jumps): by default wherever that closes holes (a half-empty page 2 under an
  // overlong page 1); the template may hold them to where nothing else fits, or forbid them.
  const policy = t.jumps ?? 'to-fill';
  const reads = sizes.filter((s) => s >= reading);
  const small = sizes.filter((s) => s < reading);
  // Each pass: the sizes to try, and whether jumps may be made there.
  const passes: Record<typeof policy, Array<[number[], boolean]>> = {
    never: [
      [reads, false],
      [small, false],
    ],
    'to-fill': [
      [reads, true],
      [small, true],
    ],
    'to-fit': [
      [reads, false],
      [reads, true],
      [small, true],
    ],
  };
  for (const [group, jumps] of passes[policy]) {
    const white = group.map((size) => searchAtSize(issue, t, m, words, size, 0, jumps, search));
    if (!search.best) continue;
    // Opening closes white a line a column at a time, and costs for each: worth trying only where white is least.
    const tightest = group
      .map((size, i) => ({ size, white: white[i]! }))
      .filter((x) => x.white < Infinity)
      .sort((a, b) => a.white - b.white || b.size - a.size)
      .slice(0, OPENED_SIZES);
    for (const { size } of tightest) openLeading(issue, t, m, words, size, jumps, search);
    break;
  }
  const { best, tried, shortest } = search;
  if (!best) {
    const g = gridFor(t, t.body.sizes.min);
    const capacity = 2 * g.lines * g.columns;
    const over = Math.round((shortest / capacity - 1) * 100);
    throw new NewsprintError(
      over > 0
        ? `the issue does not fit two pages of template "${t.name}": even at the smallest body size ` +
            `(${t.body.sizes.min} pt) it needs at least ${shortest} column-lines of the ${capacity} there are, ` +
            `${over} % too much`
        : `the items of this issue could not be arranged on two pages of template "${t.name}" (they need ` +
            `${shortest} of ${capacity} column-lines at ${t.body.sizes.min} pt, ` +
            'but no arrangement of whole modules fits)',
      undefined,
      'use a template with larger pages or more columns, or split the issue',
    );
  }
  return build(issue, t, m, best, tried);
}

/** The search so far: the best spread, how many splits were tried, and the least column-lines any size needed. */
interface Search {
  best: Candidate | null;
  tried: number;
  shortest: number;
}

/**
 * What continuing an item over the pages costs (转版: the reader turns the page mid-article), against holes as a
 * fraction of a page: a jump is made only where it saves more white than this, or lets the body be set larger.
 */
const JUMP = 0.1;

/**
 * Each grid line the pitch opens by, against holes as a fraction of a page: a tie-break toward the house pitch (a line
 * opened takes 1.3-1.6 % of every column's height at 9-12 pt on a tabloid, so it is kept where it closes white).
 */
const OPEN_LEADING = 0.001;

/**
 * Body sizes the pitch is opened at: those that leave the least white at the house pitch (a size with more white
 * must open further, at OPEN_LEADING a line, than a size step, SIZE_PENALTY a point, saves).
 */
const OPENED_SIZES = 3;

/**
 * The pitch opened a grid line at a time, as far as the template allows, at a body size the issue fits at the house
 * pitch: fewer, taller lines take up white a larger size would overflow. Whether the issue still fits falls with
 * each line taken, so the most it can open is found by bisection; every try that fits is a candidate.
 */
function openLeading(
  issue: Issue,
  t: Template,
  m: Metrics,
  words: WordSegmenter,
  size: number,
  jumps: boolean,
  search: Search,
) {
  let [lo, hi] = [0, openings(t, size) + 1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (searchAtSize(issue, t, m, words, size, mid, jumps, search) < Infinity) lo = mid;
    else hi = mid;
  }
}

/**
 * Every split of the items between the two pages at one body size and pitch, and where the item at a split does not
 * fit page 1 whole, its continuation from page 1 to page 2 cut between paragraphs; `search` keeps the best spread.
 * Returns the least white any split that fits leaves (column-lines over both pages; Infinity where none fits).
 */
function searchAtSize(
  issue: Issue,
  t: Template,
  m: Metrics,
  words: WordSegmenter,
  size: number,
  opened: number,
  jumps: boolean,
  search: Search,
): number {
  const g = gridFor(t, size, opened);
  // The least white (column-lines, both pages) of any split that fits, over the lead headline's floors.
  let white = Infinity;
  for (const least of leadHeadlineFloors(issue.lead, t, g, m, words))
    white = Math.min(white, searchSplits(issue, t, m, words, g, opened, least, jumps, search));
  return white;
}

/** searchAtSize's search on one grid, with the lead's headline held to `least` pt and the articles' under it. */
function searchSplits(
  issue: Issue,
  t: Template,
  m: Metrics,
  words: WordSegmenter,
  g: Grid,
  opened: number,
  least: number | null,
  jumps: boolean,
  search: Search,
): number {
  const size = g.bodySize;
  const lead = issue.lead ? leadContent(issue.lead, t, g, m, words, least) : null;
  const articles = issue.articles.map((a) => articleContent(a, t, g, m, words, least));
  const contents = lead ? [lead, ...articles] : articles;
  const page = (furnitureLines: number) => ({
    firstLine: furnitureLines,
    lines: g.lines - furnitureLines,
    columns: g.columns,
    space: t.rules.spaceLines,
  });
  const sizeCost = (size - t.body.sizes.min) * SIZE_PENALTY + opened * OPEN_LEADING;
  let white = Infinity;
  // The parts of a continued item, each set once: the lead is cut at the same paragraphs for every split.
  const parts = memo<string, ItemContent>();
  /** Plans page 1 and, where it fits, page 2: whether page 1 fits. */
  const tryPages = (first: ItemContent[], second: ItemContent[], cost: number, planned?: PagePlan | null): boolean => {
    search.tried++;
    const one = planned !== undefined ? planned : planPage({ ...page(g.mastheadLines), items: first });
    if (!one) return false;
    const two = planPage({ ...page(g.runningHeadLines), items: second });
    if (!two) return true;
    white = Math.min(white, one.holes + two.holes);
    const score =
      one.holes / one.capacity +
      two.holes / two.capacity +
      one.penalty +
      two.penalty +
      hierarchyPenalty([...one.modules, ...two.modules]) +
      sizeCost +
      cost;
    if (!search.best || score < search.best.score - 1e-9)
      search.best = { g, items: [first, second], pages: [one, two], score };
    return true;
  };
  // The lead, when there is one, is on page 1; an item that makes page 1 overflow may continue on page 2.
  let fitBefore = true;
  let leadJumps = lead !== null && jumps;
  for (let split = lead ? 1 : 0; split <= contents.length; split++) {
    // (A split with more items on page 1 may still fit: a short item has no full-width module.)
    const fits = tryPages(contents.slice(0, split), contents.slice(split), 0);
    if (!fits && fitBefore && jumps) continueOver(split - 1, split);
    // The lead may jump (头条转版) while the articles up to the split stay under it on page 1: its part there takes
    // the height they leave, where a lead continued after them could only stack them in bands on page 2. (Tried
    // where they do not fit under the whole lead, until no part of it fits above them.)
    if (leadJumps && split >= 2 && !fits) leadJumps = continueOver(0, split);
    fitBefore = fits;
  }
  if (!search.best) search.shortest = Math.min(search.shortest, need(contents, g, t));
  return white;

  /**
   * Item `q` continued from page 1 to page 2, cut before the last paragraph that lets page 1 fit, or a few earlier;
   * the items after it up to `end` stay on page 1, the rest follow its continuation on page 2. Whether any cut fits.
   */
  function continueOver(q: number, end: number): boolean {
    const item = contents[q]!;
    const article = item.kind === 'article' ? issue.articles.find((a) => a.id === item.item)! : null;
    const n = (article ?? issue.lead!).paragraphs.length;
    const part = (from: number, to: number): ItemContent =>
      parts(`${q} ${from} ${to}`, () => {
        const p: ItemPart = {
          from,
          to,
          jumpOut: to < n ? '（下转第2版）' : null,
          jumpIn: from > 0 ? '（上接第1版）' : null,
        };
        return article
          ? articleContent(article, t, g, m, words, least, p)
          : leadContent(issue.lead!, t, g, m, words, least, p);
      });
    const before = contents.slice(0, q);
    const besides = contents.slice(q + 1, end);
    const after = contents.slice(end);
    const pageOne = (k: number) => [...before, part(0, k), ...besides];
    const plans = memo<number, PagePlan | null>();
    const planOne = (k: number) => plans(k, () => planPage({ ...page(g.mastheadLines), items: pageOne(k) }));
    // The most paragraphs page 1 takes (fit falls as the first part grows), by bisection.
    let [lo, hi] = [0, n];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (planOne(mid)) lo = mid;
      else hi = mid;
    }
    for (let k = lo; k >= Math.max(1, lo - EARLIER_CUTS); k--)
      tryPages(pageOne(k), [part(k, n), ...after], JUMP, planOne(k));
    return lo >= 1;
  }
}

/**
 * Cuts tried before the latest a continued item's page 1 takes (paragraphs moved on to page 2): cut at paragraphs,
 * the most page 1 takes seldom fills both pages best. On the make-up report, 5 against 1 earlier cut: 2025-02-25-13's
 * page 2 3.0 → 1.3 % holes, 03-02-06's 4.5 → 0.9 %, 04-15-19's 4.9 → 3.9 %.
 */
const EARLIER_CUTS = 5;

const placeModule = (ctx: PlaceContext, content: ItemContent, plan: PagePlan['modules'][number]) =>
  content.kind === 'lead' ? placeLead(ctx, content, plan) : placeArticle(ctx, content, plan);

/**
 * Far more text than two pages hold is refused before any setting: a count
 * of characters against the smallest body size's columns, so a huge input
 * fails in milliseconds, not after every arrangement was tried.
 */
function refuseWhatCannotFit(issue: Issue, t: Template): void {
  const g = smallestGrid(t);
  const bodies = [...(issue.lead?.paragraphs ?? []), ...issue.articles.flatMap((a) => a.paragraphs)];
  // Every paragraph takes at least its characters over the measure, every item a headline and a rule.
  refuseOver(
    bodies.reduce((n, p) => n + Math.ceil([...p].length / g.measureEm), 0) + (issue.articles.length + 1) * 4 * 2,
    t,
    g,
  );
}

/**
 * The same refusal from an extraction's text, before recovery (a build of 10 MB spent 40 s recovering what could
 * never be printed): every Han character of it is kept in the issue, and takes at least an em of a column.
 */
export function refuseTextThatCannotFit(text: string, t: Template): void {
  const g = smallestGrid(t);
  let han = 0;
  for (const ch of text) if (isHan(ch)) han++;
  refuseOver(Math.ceil(han / g.measureEm), t, g);
}

const smallestGrid = (t: Template): Grid => gridFor(t, bodySizes(t)[0] ?? t.body.sizes.min);

/** Refuses an issue that needs at least `body` column-lines of text (and the pages' furniture) on two pages. */
function refuseOver(body: number, t: Template, g: Grid): void {
  const capacity = 2 * g.lines * g.columns;
  const least = body + (g.mastheadLines + g.runningHeadLines) * g.columns;
  // (5 % over: the least is counted roughly, a headline's lines and, from an extraction's text, the masthead's and
  // the page furniture's characters among the body's.)
  if (least > capacity * 1.05)
    throw new NewsprintError(
      `the issue does not fit two pages of template "${t.name}": even at the smallest body size (${g.bodySize} ` +
        `pt) it needs at least ${least} column-lines of the ${capacity} there are, ` +
        `${Math.round((least / capacity - 1) * 100)} % too much`,
      undefined,
      'use a template with larger pages or more columns, or split the issue',
    );
}

/** An item's paragraphs with the face each is set in: its subheads in the subhead face, the rest in `face`. */
const paragraphFaces = (
  item: { paragraphs: string[]; subheads?: number[] },
  face: FaceRole,
  id: string,
  t: Template,
): Array<[string, FaceRole, string]> =>
  item.paragraphs.map((p, k) => [p, item.subheads?.includes(k) ? subheadFace(t) : face, id]);

/** A character the face of its role has no glyph for cannot be printed: said clearly, before any setting. */
function refuseWhatNoFaceHas(issue: Issue, t: Template, m: Metrics): void {
  const texts: Array<[string, FaceRole, string]> = [];
  const mh = issue.masthead;
  if (mh) {
    // The section is the masthead's title and the running head; the date line and e-mail are set bold.
    texts.push([mh.section, t.masthead.face, 'masthead'], [mh.section, t.runningHead.face, 'masthead']);
    for (const s of [mh.dateText, mh.weekday, mh.emailLabel, mh.email]) texts.push([s, 'bold', 'masthead']);
  }
  if (issue.lead)
    texts.push(
      [issue.lead.headline, t.lead.headline.face, 'lead'],
      [issue.lead.deck ?? '', t.lead.deck.face, 'lead'],
      [issue.lead.kicker ?? '', t.lead.deck.face, 'lead'],
      ...paragraphFaces(issue.lead, t.lead.intro.face, 'lead', t),
    );
  for (const a of issue.articles)
    texts.push(
      [a.headline, t.headline.face, a.id],
      [a.byline ? bylineText(a.byline) : '', t.byline.face, a.id],
      ...paragraphFaces(a, t.body.face, a.id, t),
    );
  const missing = new Map<string, string>();
  for (const [text, face, item] of texts)
    for (const ch of text)
      if (ch.trim() && !m[face].has(ch) && !missing.has(ch))
        missing.set(
          ch,
          `${printable(ch)} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) in ${item}`,
        );
  const more = missing.size > 5 ? ` and ${missing.size - 5} more` : '';
  if (missing.size)
    throw new NewsprintError(
      `no font of the template has ${[...missing.values()].slice(0, 5).join(', ')}${more}`,
      undefined,
      'replace the character in the extraction, or add a face that has it to fonts/fonts.json',
    );
}

/** Column-lines the items need at their most compact (for the overflow message). */
function need(contents: ItemContent[], g: Grid, t: Template): number {
  const furniture = (g.mastheadLines + g.runningHeadLines) * g.columns;
  return contents.reduce((n, c) => {
    const least = Math.min(...[...c.spans.values()].flat().map((o) => o.minHeight * o.span));
    return n + least + t.rules.spaceLines * g.columns;
  }, furniture);
}

function build(issue: Issue, t: Template, m: Metrics, c: Candidate, tried: number): Layout {
  const { g } = c;
  const pages: Page[] = c.pages.map((plan, i) => {
    const byItem = new Map(c.items[i]!.map((x) => [x.item, x]));
    const area = g.typeAreas[i as 0 | 1];
    const ctx: PlaceContext = { t, g, m, area };
    const head = i === 0 ? mastheadBox(ctx, issue.masthead) : runningHeadBox(ctx, issue.masthead, 2);
    const boxes = [head.box, ...plan.modules.map((mod) => placeModule(ctx, byItem.get(mod.item)!, mod))];
    return {
      number: i + 1,
      width: round(g.pageWidth),
      height: round(g.pageHeight),
      typeArea: { x: round(area.x), y: round(area.y), width: round(area.width), height: round(area.height) },
      boxes,
      rules: [...head.rules, ...moduleRules(ctx, plan.modules, t.rules.weight)],
      holes: round(plan.holes / plan.capacity, 4),
    };
  });
  const title = [issue.masthead?.section, issue.masthead?.date].filter(Boolean).join(' ') || issue.source.file;
  const titles = new Map<string, string>([
    ['lead', issue.lead?.headline ?? ''],
    ...issue.articles.map((a) => [a.id, a.headline || `(${a.id})`] as [string, string]),
  ]);
  const layout: Layout = {
    schema: 'newsprint/layout@1',
    template: t.name,
    issue: {
      file: issue.source.file,
      sha256: issue.source.sha256,
      section: issue.masthead?.section ?? '',
      date: issue.masthead?.date ?? null,
      weekday: issue.masthead?.weekday ?? '',
      title,
    },
    // Each item once, where it starts.
    outline: pages
      .flatMap((p) =>
        p.boxes
          .filter((b) => b.kind === 'lead' || b.kind === 'article')
          .map((b) => ({ item: b.item, title: titles.get(b.item) ?? b.item, page: p.number, y: b.rect.y })),
      )
      .filter((o, i, all) => all.findIndex((x) => x.item === o.item) === i),
    makeup: {
      bodySize: g.bodySize,
      pitch: g.pitch,
      columns: g.columns,
      measureEm: g.measureEm,
      score: round(c.score, 5),
      candidates: tried,
      pages: c.pages.map((p, i) => ({
        items: p.modules.map((x) => x.item),
        arrangement: p.arrangement,
        holes: pages[i]!.holes,
        fill: round(1 - pages[i]!.holes, 4),
      })),
    },
    pages,
  };
  checkLayout(layout, issue, m);
  return layout;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
