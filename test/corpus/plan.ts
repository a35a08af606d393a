/**
 * A gold page → what a compositor prints: the page's text with the artifacts
 * of real pages (fake-bold masthead, folio, kicker or subtitle, bylines in
 * their printed forms, headlines above their bodies or grouped after them,
 * modules side by side). Pure and seeded by the page id, so every engine sets
 * the same plan and every run makes the same plan.
 */
import { Random } from '../generator/random.js';
import type { GoldArticle, GoldPage } from './gold.js';

export interface PrintedArticle {
  headline: string;
  /** The byline line as printed, or null when the dateline carries it. */
  byline: string | null;
  paragraphs: string[];
}

/** One module: its articles set in `columns` columns. */
export interface Module {
  articles: PrintedArticle[];
  /** The module's headlines and bylines printed together after all its bodies (as on the bundled sample). */
  headlinesAfter: boolean;
  columns: number;
}

export interface PagePlan {
  id: string;
  /** Which artifacts this page carries (for the per-artifact table). */
  artifacts: Artifact[];
  masthead: {
    section: string;
    /** Drawn twice with a tiny offset (fake bold). */
    doubled: boolean;
    paper: string;
    dateText: string;
    weekday: string;
    email: string;
    folio: string;
  };
  lead: { kicker: string | null; headline: string; subtitle: string | null; paragraphs: string[]; columns: number };
  /** Rows of modules set side by side under the lead. */
  rows: Module[][];
}

export type Artifact =
  | 'masthead-doubled'
  | 'lead-kicker'
  | 'lead-subtitle'
  | 'byline-marker'
  | 'byline-letter-spaced'
  | 'byline-in-dateline'
  | 'headlines-grouped-after';

/**
 * `variant` 0 is the plan every figure reported is measured on; others draw each page's artifacts and modules
 * afresh, to see the recovery on arrangements it was never looked at on (npm run accuracy -- --variant N).
 */
export function planPage(gold: GoldPage, variant = 0): PagePlan {
  const r = new Random(seedOf(variant ? `${gold.id}#${variant}` : gold.id));
  const artifacts = new Set<Artifact>();
  const doubled = r.chance(0.75);
  if (doubled) artifacts.add('masthead-doubled');

  const deck = gold.lead.deck.replace(/^——/, '');
  // A gold deck is a 引题 (kicker, printed above the headline) or a 副题 (subtitle, below it with its dash).
  const asKicker = deck !== '' && r.chance(0.5);
  if (deck) artifacts.add(asKicker ? 'lead-kicker' : 'lead-subtitle');

  const printed = gold.articles.map((a) => printArticle(a, r, artifacts));
  const rows: Module[][] = [];
  const grouped = printed.length >= 2 && r.chance(0.35);
  const groupAt = grouped ? r.int(0, printed.length - 2) : -1;
  if (grouped) artifacts.add('headlines-grouped-after');
  let row: Module[] = [];
  let perRow = r.int(2, 3);
  for (let i = 0; i < printed.length; i++) {
    const together = i === groupAt ? [printed[i]!, printed[++i]!] : [printed[i]!];
    row.push({ articles: together, headlinesAfter: together.length > 1, columns: r.int(1, 2) });
    if (row.length === perRow) {
      rows.push(row);
      row = [];
      perRow = r.int(1, 3);
    }
  }
  if (row.length) rows.push(row);

  const [y, m, d] = gold.masthead.date.split('-').map(Number);
  return {
    id: gold.id,
    artifacts: [...artifacts].sort(),
    masthead: {
      section: gold.masthead.section,
      doubled,
      paper: gold.paper,
      dateText: `${y}年${m}月${d}日`,
      weekday: gold.masthead.weekday,
      email: gold.masthead.email,
      folio: gold.page,
    },
    lead: {
      kicker: asKicker ? deck : null,
      headline: gold.lead.headline,
      subtitle: deck && !asKicker ? gold.lead.deck : null,
      paragraphs: gold.lead.paragraphs,
      columns: r.int(2, 4),
    },
    rows,
  };
}

/** How the byline of a gold article is printed on the page. */
function printArticle(a: GoldArticle, r: Random, artifacts: Set<Artifact>): PrintedArticle {
  const names = a.name.split(' ');
  const first = a.paragraphs[0] ?? '';
  if (a.role === '本报记者' && first.includes(`（记者${names.join('、')}）`)) {
    artifacts.add('byline-in-dateline');
    return { headline: a.headline, byline: null, paragraphs: a.paragraphs };
  }
  // A role taken from a closing `（作者为…）` is not printed with the name.
  const signed = a.role !== '' && a.paragraphs.at(-1)?.includes(`作者为${a.role}`);
  const role = signed ? '' : a.role;
  const spaced = r.chance(0.5);
  if (spaced) artifacts.add('byline-letter-spaced');
  const name = names.map((n) => (spaced && [...n].length === 2 ? [...n].join('  ') : n)).join(spaced ? '  ' : ' ');
  const marker = r.chance(0.4);
  if (marker) artifacts.add('byline-marker');
  const line = [marker ? '□' : '', role, name].filter(Boolean).join(spaced ? '  ' : ' ');
  return { headline: a.headline, byline: line, paragraphs: a.paragraphs };
}

function seedOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}
