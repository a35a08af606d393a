/**
 * The real-text yardstick: gold pages read from `../shared/corpus/pages` at
 * run time (their texts are copyrighted and never copied into this
 * repository). NEWSPRINT_CORPUS may point elsewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TruthPage } from '../generator/page.js';
import { ROOT } from '../paths.js';

export interface GoldArticle {
  key?: string;
  headline: string;
  byline: string;
  role: string;
  name: string;
  paragraphs: string[];
}

export interface GoldPage {
  /** File stem, e.g. 2025-02-25-05. */
  id: string;
  paper: string;
  /** As printed: 第05版. */
  page: string;
  masthead: { section: string; date: string; weekday: string; email: string };
  lead: { headline: string; deck: string; paragraphs: string[] };
  articles: GoldArticle[];
}

export const CORPUS_DIR = resolve(process.env.NEWSPRINT_CORPUS ?? join(ROOT, '..', 'shared', 'corpus', 'pages'));

/** The one line a skipped corpus test prints. */
export const NO_CORPUS = `real-text corpus not found at ${CORPUS_DIR} (set NEWSPRINT_CORPUS): corpus tests skipped`;

export function goldPages(): GoldPage[] | null {
  if (!existsSync(CORPUS_DIR)) return null;
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) }));
}

/** The gold as the scorer's truth. */
export function truthOf(gold: GoldPage): TruthPage {
  return {
    masthead: gold.masthead,
    lead: gold.lead,
    articles: gold.articles.map((a) => ({
      headline: a.headline,
      byline: { role: a.role, name: a.name },
      paragraphs: a.paragraphs,
    })),
  };
}
