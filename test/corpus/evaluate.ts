/**
 * The real-text evaluation: each gold page is set by each engine (Chromium,
 * Typst, and newsprint's own layout for the round trip), extracted by each
 * extractor, recovered, and scored against the gold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../src/check/browser.js';
import { readTemplate } from '../../src/io/inputs.js';
import { layoutStage, quietReporter, renderStage } from '../../src/pipeline/index.js';
import { recoverText } from '../../src/recover/index.js';
import { normaliseForPrint } from '../../src/recover/print.js';
import { validateIssue } from '../../src/schema.js';
import { hanCounts } from '../../src/text/chars.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import type { Issue } from '../../src/types.js';
import { issueOfTruth } from '../generator/issues.js';
import { accuracy, type PageScore, scorePage } from '../generator/score.js';
import { chromiumPdf, ENGINES, type EngineName, typstPdf } from './engines.js';
import { EXTRACTORS, type ExtractorName, extract } from './extract.js';
import { type GoldPage, truthOf } from './gold.js';
import { type Artifact, planPage } from './plan.js';

export type Engine = EngineName | 'newsprint';

export interface Run {
  page: string;
  engine: Engine;
  extractor: ExtractorName;
  artifacts: Artifact[];
  score: PageScore;
  /** Recovered items (articles and the lead) that match no gold item yet were given confidence ≥ 0.9. */
  confidentWrong: number;
  /** Han characters of the gold's items that the recovered items lack, plus those they have in excess. */
  hanLost: number;
  hanAdded: number;
  /** Recovery failed outright (the message). */
  error?: string;
}

export interface EvaluateOptions {
  engines?: Engine[];
  extractors?: ExtractorName[];
  onRun?: (run: Run) => void;
  /** Sees each extraction text (to keep it for a look). */
  onText?: (run: Run, text: string) => void;
  /** Which plan of each page Chromium and Typst print (plan.ts): 0, the one reported. */
  variant?: number;
}

/** The gold as newsprint's own issue, for the round trip through its layout. */
export const issueOfGold = (gold: GoldPage): Issue => issueOfTruth(truthOf(gold), `${gold.id}.json`);

export async function evaluate(golds: GoldPage[], options: EvaluateOptions = {}): Promise<Run[]> {
  const engines = options.engines ?? [...ENGINES, 'newsprint'];
  const extractors = options.extractors ?? EXTRACTORS;
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-corpus-'));
  const browser = engines.includes('chromium') ? await launchBrowser() : null;
  const template = readTemplate('tabloid');
  const runs: Run[] = [];
  try {
    for (const gold of golds) {
      const plan = planPage(gold, options.variant);
      for (const engine of engines) {
        let pdf: Uint8Array;
        try {
          pdf =
            engine === 'chromium'
              ? await chromiumPdf(plan, browser!.browser, dir)
              : engine === 'typst'
                ? typstPdf(plan)
                : await renderStage(
                    layoutStage(issueOfGold(gold), template, quietReporter(), gold.id),
                    false,
                    quietReporter(),
                  );
        } catch (e) {
          // A page newsprint's own layout cannot set is reported, not hidden.
          for (const extractor of extractors)
            runs.push(failedRun(gold, engine, extractor, plan.artifacts, `not set: ${(e as Error).message}`));
          continue;
        }
        for (const extractor of extractors) {
          const text = await extract(pdf, extractor, dir, `${gold.id}-${engine}`);
          const run = scoreRun(gold, engine, extractor, engine === 'newsprint' ? [] : plan.artifacts, text);
          options.onRun?.(run);
          options.onText?.(run, text);
          runs.push(run);
        }
      }
    }
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

function scoreRun(gold: GoldPage, engine: Engine, extractor: ExtractorName, artifacts: Artifact[], text: string): Run {
  let issue: Issue;
  try {
    // Scored as `newsprint recover` writes it: recovered, then normalised for print.
    issue = normaliseForPrint(recoverText(text, { file: `${gold.id}.txt`, words: jiebaWords }));
    validateIssue(JSON.parse(JSON.stringify(issue)), `${gold.id} ${engine} ${extractor}`);
  } catch (e) {
    return failedRun(gold, engine, extractor, artifacts, (e as Error).message);
  }
  const truth = truthOf(gold);
  const score = scorePage(truth, issue);
  const goldKeys = new Set(gold.articles.map((a) => articleKey(a.headline, a.role, a.name, a.paragraphs)));
  const leadWrong =
    issue.lead !== null &&
    (issue.lead.confidence ?? 1) >= 0.9 &&
    articleKey(issue.lead.headline, '', '', issue.lead.paragraphs) !==
      articleKey(gold.lead.headline, '', '', gold.lead.paragraphs);
  const confidentWrong =
    issue.articles.filter(
      (a) =>
        a.confidence >= 0.9 &&
        !goldKeys.has(articleKey(a.headline, a.byline?.role ?? '', a.byline?.name ?? '', a.paragraphs)),
    ).length + (leadWrong ? 1 : 0);
  const { lost, added } = hanDifference(itemText(truth), itemText(issue));
  return { page: gold.id, engine, extractor, artifacts, score, confidentWrong, hanLost: lost, hanAdded: added };
}

const articleKey = (h: string, role: string, name: string, ps: string[]) => [h, role, name, ...ps].join('\n');

function itemText(page: {
  lead: { headline: string; paragraphs: string[]; kicker?: string | null; deck?: string | null } | null;
  articles: Array<{ headline: string; paragraphs: string[]; byline: { role: string; name: string } | null }>;
}): string {
  const parts: string[] = [];
  if (page.lead) parts.push(page.lead.kicker ?? '', page.lead.headline, page.lead.deck ?? '', ...page.lead.paragraphs);
  for (const a of page.articles) parts.push(a.headline, a.byline?.role ?? '', a.byline?.name ?? '', ...a.paragraphs);
  return parts.join('\n');
}

function hanDifference(want: string, got: string): { lost: number; added: number } {
  const a = hanCounts(want);
  const b = hanCounts(got);
  let lost = 0;
  let added = 0;
  for (const [c, n] of a) lost += Math.max(0, n - (b.get(c) ?? 0));
  for (const [c, n] of b) added += Math.max(0, n - (a.get(c) ?? 0));
  return { lost, added };
}

function failedRun(
  gold: GoldPage,
  engine: Engine,
  extractor: ExtractorName,
  artifacts: Artifact[],
  error: string,
): Run {
  const truth = truthOf(gold);
  const empty: Issue = { ...issueOfGold(gold), masthead: null, lead: null, articles: [] };
  return {
    page: gold.id,
    engine,
    extractor,
    artifacts,
    score: scorePage(truth, empty),
    confidentWrong: 0,
    hanLost: 0,
    hanAdded: 0,
    error,
  };
}

/** Accuracy over a set of runs, with the corpus-only figures. */
export function summarise(runs: Run[]) {
  return {
    ...accuracy(runs.map((r) => r.score)),
    confidentWrong: runs.reduce((n, r) => n + r.confidentWrong, 0),
    hanLost: runs.reduce((n, r) => n + r.hanLost, 0),
    hanAdded: runs.reduce((n, r) => n + r.hanAdded, 0),
    errors: runs.filter((r) => r.error).length,
  };
}
