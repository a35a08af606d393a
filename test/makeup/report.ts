/**
 * `npm run makeup`: how the make-up reads, in numbers, on the sample (tabloid
 * and a3), on every real-corpus page (laid out straight from its gold, so
 * recovery errors do not blur the make-up) and on a few generated issues.
 *
 *   npm run makeup -- [--json]
 */
import { parseArgs } from 'node:util';
import { measureMakeup, type SpreadMakeup } from '../../src/check/makeup.js';
import { loadMetrics } from '../../src/fonts/faces.js';
import { readTemplate } from '../../src/io/inputs.js';
import { layoutIssue } from '../../src/layout/index.js';
import { recoverFile } from '../../src/pipeline/recover.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import type { Issue } from '../../src/types.js';
import { issueOfGold } from '../corpus/evaluate.js';
import { goldPages, NO_CORPUS } from '../corpus/gold.js';
import { issueOfTruth } from '../generator/issues.js';
import { generatePage } from '../generator/page.js';
import { SAMPLE } from '../paths.js';

export interface MakeupCase {
  name: string;
  issue: Issue;
  template: string;
}

/** Generated issues measured besides the real ones: word-bank text of other lengths and shapes. */
const GENERATED_SEEDS = [1, 2, 3, 4, 5];

export function makeupCases(): { cases: MakeupCase[]; note: string | null } {
  const sample = recoverFile(SAMPLE).issue;
  const cases: MakeupCase[] = [
    { name: 'sample tabloid', issue: sample, template: 'tabloid' },
    { name: 'sample a3', issue: sample, template: 'a3' },
  ];
  const golds = goldPages();
  for (const g of golds ?? []) cases.push({ name: `corpus ${g.id}`, issue: issueOfGold(g), template: 'tabloid' });
  for (const seed of GENERATED_SEEDS)
    cases.push({
      name: `generated ${seed}`,
      issue: issueOfTruth(generatePage(seed).truth, `seed-${seed}.txt`),
      template: 'tabloid',
    });
  return { cases, note: golds ? null : NO_CORPUS };
}

export interface MakeupRow {
  name: string;
  score: SpreadMakeup | null;
  error?: string;
}

export function measureCases(cases: MakeupCase[]): MakeupRow[] {
  const metrics = loadMetrics();
  return cases.map(({ name, issue, template }) => {
    try {
      return { name, score: measureMakeup(layoutIssue(issue, readTemplate(template), metrics), jiebaWords) };
    } catch (e) {
      return { name, score: null, error: (e as Error).message };
    }
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function makeupTable(rows: MakeupRow[]): string[] {
  const out = [
    [
      '',
      'body pt',
      'holes (worst page)',
      'white > 2 lines',
      'tallest band',
      'loose lines',
      'max pitch',
      'widows/orphans',
      'mid-word heads',
      'lead ratio',
      'inversions',
      'headline air',
      'full-width',
      'stacked (under lead)',
      'widest gutter',
      'misread',
    ],
  ];
  for (const { name, score: s, error } of rows) {
    if (!s) {
      out.push([name, `not set: ${error}`, ...Array(14).fill('')]);
      continue;
    }
    const body = s.pages.reduce((k, p) => k + p.bodyLines, 0);
    const loose = s.pages.reduce((k, p) => k + p.looseLines, 0);
    out.push([
      name,
      String(s.bodySize),
      pct(Math.max(...s.pages.map((p) => p.holes))),
      s.pages.map((p) => pct(p.white)).join(' / '),
      `${Math.max(...s.pages.map((p) => p.tallestBand)).toFixed(1)} lines`,
      `${loose}/${body} (${pct(loose / Math.max(1, body))})`,
      `${Math.max(...s.pages.map((p) => p.maxPitch)).toFixed(3)} em`,
      `${s.pages.reduce((k, p) => k + p.widows, 0)}/${s.pages.reduce((k, p) => k + p.orphans, 0)}`,
      String(s.pages.reduce((k, p) => k + p.midWordBreaks.length, 0)),
      s.leadRatio === null ? '–' : s.leadRatio.toFixed(2),
      String(s.pages.reduce((k, p) => k + p.hierarchyInversions, 0)),
      `${Math.max(...s.pages.map((p) => p.headlineSpace)).toFixed(1)} lines`,
      String(Math.max(...s.pages.map((p) => p.fullWidthModules))),
      `${s.pages.reduce((k, p) => k + p.stackedFullWidth, 0)} (${s.pages.reduce((k, p) => k + p.stackedUnderLead, 0)})`,
      `${Math.max(...s.pages.map((p) => p.widestGutter)).toFixed(1)} em`,
      String(s.pages.reduce((k, p) => k + p.misread.length, 0)),
    ]);
  }
  const widths = out[0]!.map((_, c) => Math.max(...out.map((r) => [...r[c]!].length)));
  return out.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}

/** The table's totals, against the issue's limits: what one change to the make-up did, in one line. */
export function makeupSummary(rows: MakeupRow[]): string {
  const pages = rows.flatMap((r) => r.score?.pages ?? []);
  const total = (f: (p: (typeof pages)[number]) => number) => pages.reduce((k, p) => k + f(p), 0);
  const body = total((p) => p.bodyLines);
  return [
    `${pages.length} pages: holes mean ${pct(total((p) => p.holes) / Math.max(1, pages.length))}`,
    `over 2 % on ${pages.filter((p) => p.holes > 0.02).length}`,
    `a band over 2 lines on ${pages.filter((p) => p.tallestBand > 2).length}`,
    `loose lines ${total((p) => p.looseLines)}/${body}`,
    `pages over 1 % loose ${pages.filter((p) => p.looseLines > 0.01 * p.bodyLines).length}`,
    `stacked ${total((p) => p.stackedFullWidth)} (under the lead ${total((p) => p.stackedUnderLead)})`,
    `inversions ${total((p) => p.hierarchyInversions)}`,
    `widest gutter ${Math.max(0, ...pages.map((p) => p.widestGutter)).toFixed(1)} em`,
    `misread junctions ${total((p) => p.misread.length)}`,
  ].join(', ');
}

function main() {
  const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
  const { cases, note } = makeupCases();
  const t0 = performance.now();
  const rows = measureCases(cases);
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (note) console.log(note);
  console.log(`${rows.length} spreads laid out and measured, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  for (const line of makeupTable(rows)) console.log(line);
  console.log(`\n${makeupSummary(rows)}`);
  const breaks = rows.flatMap((r) =>
    (r.score?.pages ?? []).flatMap((p) => p.midWordBreaks.map((b) => `${r.name}: ${b}`)),
  );
  if (breaks.length) console.log(`\nheadlines broken inside a word:\n  ${breaks.join('\n  ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
