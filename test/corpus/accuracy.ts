/**
 * `npm run accuracy`: recovery measured on real text. Every gold page of the
 * corpus is set by Chromium, Typst and newsprint's own layout (round trip),
 * extracted by every extractor, recovered and scored. Prints one row per
 * engine × extractor, per group of extractors, per artifact and per page.
 *
 *   npm run accuracy -- [--page ID] [--engine E] [--extractor X] [--variant N] [--dump DIR] [--json]
 *
 * --variant N prints each page to another plan (other artifacts, modules, bylines): arrangements recovery was
 * never tuned on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENGINES } from './engines.js';
import { type Engine, evaluate, type Run, summarise } from './evaluate.js';
import { EXTRACTORS, type ExtractorName, groupOf } from './extract.js';
import { goldPages, NO_CORPUS } from './gold.js';

const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : '–');
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function table(runs: Run[], key: (r: Run) => string[]): string[] {
  const groups = new Map<string, Run[]>();
  for (const r of runs) for (const k of key(r)) groups.set(k, [...(groups.get(k) ?? []), r]);
  const rows = [
    ['', 'items', 'headline-body', 'para F1', 'CER', 'masthead', 'conf≥0.9 wrong', 'Han lost/added', 'failed'],
  ];
  for (const [k, rs] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = summarise(rs);
    rows.push([
      k,
      String(s.articles),
      pct(s.headlineBody),
      f1(s.paragraphPrecision, s.paragraphRecall).toFixed(3),
      pct(s.cer, 2),
      pct(s.dates, 0),
      String(s.confidentWrong),
      `${s.hanLost}/${s.hanAdded}`,
      String(s.errors),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
  );
}

const ENGINE_NAMES: string[] = [...ENGINES, 'newsprint'];
const USAGE = 'npm run accuracy -- [--page ID] [--engine E] [--extractor X] [--variant N] [--dump DIR] [--json]';

const OPTIONS = {
  page: { type: 'string', multiple: true },
  engine: { type: 'string', multiple: true },
  extractor: { type: 'string', multiple: true },
  variant: { type: 'string' },
  dump: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options given, or one line and exit 2 for an unknown one. */
function options() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: ${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const values = options();
  const unknown = [
    ...(values.engine ?? []).filter((e) => !ENGINE_NAMES.includes(e)),
    ...(values.extractor ?? []).filter((x) => !(EXTRACTORS as string[]).includes(x)),
  ];
  if (unknown.length) {
    console.error(`unknown engine or extractor: ${unknown.join(', ')} (see --help)`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`usage: ${USAGE}\n  engines: ${ENGINE_NAMES.join(', ')}; extractors: ${EXTRACTORS.join(', ')}`);
    return;
  }
  const golds = goldPages();
  if (!golds) {
    console.log(NO_CORPUS);
    return;
  }
  const pages = golds.filter((g) => !values.page || values.page.includes(g.id));
  const variant = Number(values.variant ?? 0);
  if (!Number.isInteger(variant) || variant < 0) {
    console.error(`--variant takes a whole number, not ${values.variant}`);
    process.exit(2);
  }
  const started = Date.now();
  const runs = await evaluate(pages, {
    engines: values.engine as Engine[] | undefined,
    extractors: values.extractor as ExtractorName[] | undefined,
    variant,
    onText: values.dump
      ? (run, text) => {
          mkdirSync(values.dump!, { recursive: true });
          writeFileSync(join(values.dump!, `${run.page}.${run.engine}.${run.extractor}.txt`), text);
        }
      : undefined,
  });
  if (values.json) {
    console.log(JSON.stringify(runs, null, 1));
    return;
  }
  console.log(`${pages.length} real pages, ${runs.length} runs, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  console.log('engine × extractor');
  for (const line of table(runs, (r) => [`${r.engine} ${r.extractor}`])) console.log(line);
  console.log("\nissue 11's extractors but -layout, -layout, and pdfminer");
  for (const line of table(runs, (r) => [groupOf(r.extractor)])) console.log(line);
  const reading = runs.filter((r) => groupOf(r.extractor) === 'all but -layout');
  console.log("\nartifact (Chromium and Typst pages carrying it, issue 11's extractors but -layout)");
  const artifactRuns = reading.filter((r) => r.engine !== 'newsprint');
  for (const line of table(artifactRuns, (r) => (r.artifacts.length ? r.artifacts : ['(none)']))) console.log(line);
  console.log("\nper page (issue 11's extractors but -layout)");
  for (const line of table(reading, (r) => [r.page])) console.log(line);
  const failed = runs.filter((r) => r.error);
  if (failed.length)
    console.log(`\nfailed: ${failed.map((r) => `${r.page} ${r.engine} ${r.extractor}: ${r.error}`).join('\n')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
