/**
 * `npm run bench`: where the time goes, measured, on this machine, in one run.
 *   - the sample, stage by stage: cold (a new process per stage, as a user
 *     runs it) and warm (in process, median of several runs); peak memory;
 *     the PDF's size;
 *   - Chromium (puppeteer) printing the same layout as HTML to PDF, timed in
 *     the same run, and the ratio;
 *   - Typst (its Node binding, a dev dependency) setting the same content, as
 *     the corpus harness sets a page (one tall page, columns), cold and warm,
 *     beside newsprint's cold build without proof: medians of RUNS processes;
 *   - the make-up search's time for 4 to 12 items (generated issues);
 *   - a batch of 50 generated pages with 1 and with 2 workers.
 * Prints a table and writes bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/check/browser.js';
import { diffPages } from '../src/check/diff.js';
import { fontFaces, layoutHtml } from '../src/check/html.js';
import { rasterizePdf } from '../src/check/raster.js';
import { loadFaces, loadMetrics } from '../src/fonts/faces.js';
import { readTemplate } from '../src/io/inputs.js';
import { layoutIssue } from '../src/layout/index.js';
import { recoverBytes } from '../src/recover/index.js';
import { renderLayout } from '../src/render/index.js';
import { jiebaWords } from '../src/text/segmenter.js';
import type { Issue } from '../src/types.js';
import { pageTypst, typstPdfOf } from '../test/corpus/engines.js';
import { planPage } from '../test/corpus/plan.js';
import { issueOfTruth } from '../test/generator/issues.js';
import { generatePage } from '../test/generator/page.js';
import { CLI, ROOT, SAMPLE } from '../test/paths.js';

const RUNS = 7;
const BATCH = 50;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (v: number) => Math.round(v);

async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Wall time of a new process running the CLI, and its peak memory (KB). */
function cold(args: string[]): { ms: number; rssKB: number } {
  const wrapper =
    `process.on('exit', () => process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + ` +
    `'\\n')); await import(${JSON.stringify(pathToFileURL(CLI).href)});`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper, ...args], { encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms: wall, rssKB: Number(/RSS (\d+)/.exec(r.stderr)?.[1] ?? 0) };
}

const dir = mkdtempSync(join(tmpdir(), 'newsprint-bench-'));
const out: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  },
};

// ---- cold: each stage a new process, as a user runs it --------------------------
const issuePath = join(dir, 'issue.json');
const layoutPath = join(dir, 'layout.json');
const pdfPath = join(dir, 'spread.pdf');
const coldRecover = cold(['recover', SAMPLE, '-o', issuePath, '-q']);
const coldLayout = cold(['layout', issuePath, '-o', layoutPath, '-q']);
const coldRender = cold(['render', layoutPath, '-o', pdfPath, '-q']);
const coldDiff = cold(['diff', pdfPath, pdfPath, '-o', join(dir, 'diff'), '-q']);
const coldBuild = cold(['build', SAMPLE, '-o', join(dir, 'build'), '--no-proof', '-q']);
out.cold = {
  recoverMs: ms(coldRecover.ms),
  layoutMs: ms(coldLayout.ms),
  renderMs: ms(coldRender.ms),
  rasterizeAndDiffMs: ms(coldDiff.ms),
  buildMs: ms(coldBuild.ms),
  peakRssMB: Math.round(
    Math.max(coldRecover.rssKB, coldLayout.rssKB, coldRender.rssKB, coldDiff.rssKB, coldBuild.rssKB) / 1024,
  ),
};

// ---- warm: in process, fonts and word list loaded once --------------------------
const bytes = readFileSync(SAMPLE);
const template = readTemplate('tabloid');
const load = await timeIt(() => ({ metrics: loadMetrics(), faces: loadFaces(), words: jiebaWords('预热') }));
const { metrics, faces } = load.value;
const warm = {
  recover: [] as number[],
  layout: [] as number[],
  render: [] as number[],
  rasterizeAndDiff: [] as number[],
  total: [] as number[],
};
let pdf: Uint8Array = new Uint8Array();
let layout = layoutIssue(recoverBytes(bytes, { file: 'sample.txt', words: jiebaWords }), template, metrics);
for (let i = 0; i < RUNS; i++) {
  const r = await timeIt(() => recoverBytes(bytes, { file: 'sample.txt', words: jiebaWords }));
  const l = await timeIt(() => layoutIssue(r.value, template, metrics));
  const p = await timeIt(() => renderLayout(l.value, faces));
  const d = await timeIt(async () => {
    const pages = await rasterizePdf(p.value, 72);
    return diffPages(pages, pages);
  });
  warm.recover.push(r.ms);
  warm.layout.push(l.ms);
  warm.render.push(p.ms);
  warm.rasterizeAndDiff.push(d.ms);
  warm.total.push(r.ms + l.ms + p.ms);
  pdf = p.value;
  layout = l.value;
}
out.warm = {
  loadFontsAndWordsOnceMs: ms(load.ms),
  recoverMs: ms(median(warm.recover)),
  layoutMs: ms(median(warm.layout)),
  renderMs: ms(median(warm.render)),
  endToEndMs: ms(median(warm.total)),
  rasterizeAndDiffMs: ms(median(warm.rasterizeAndDiff)),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
out.pdfKB = Math.round(pdf.length / 1024);

// ---- how the make-up search grows with the number of items (4 to 12), same amount of text ---------
// Each size: three generated issues of that many items (the lead and N-1 articles, about 7,000 characters in
// all), laid out warm; the median of their times.
const scaling: Array<{ items: number; layoutMs: number | null }> = [];
for (let items = 4; items <= 12; items++) {
  const times: number[] = [];
  for (let seed = 1; times.length < 3 && seed < 60; seed++) {
    const page = generatePage(seed * 97 + items, { articles: [items - 1, items - 1], chars: [6500, 7500], lead: 1 });
    const is = issueOfTruth(page.truth, `items-${items}.txt`);
    if (is.articles.length + (is.lead ? 1 : 0) !== items) continue;
    try {
      times.push((await timeIt(() => layoutIssue(is, template, metrics))).ms);
    } catch {
      // A make-up that cannot hold the page is no time of the search: next seed.
    }
  }
  scaling.push({ items, layoutMs: times.length ? ms(median(times)) : null });
}
out.layoutScaling = scaling;

// ---- Chromium printing the same layout as HTML --------------------------------------
const html = join(dir, 'layout.html');
writeFileSync(
  html,
  layoutHtml(
    layout,
    fontFaces(faces, (r) => faces[r].path),
  ),
);
const chromium: number[] = [];
const chromiumCold = await timeIt(async () => {
  const b = await launchBrowser();
  const page = await b.browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.pdf({
    width: `${(layout.pages[0]!.width / 72).toFixed(3)}in`,
    height: `${(layout.pages[0]!.height / 72).toFixed(3)}in`,
    printBackground: true,
  });
  await b.close();
});
const b = await launchBrowser();
for (let i = 0; i < RUNS; i++) {
  const t = await timeIt(async () => {
    const page = await b.browser.newPage();
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.pdf({
      width: `${(layout.pages[0]!.width / 72).toFixed(3)}in`,
      height: `${(layout.pages[0]!.height / 72).toFixed(3)}in`,
      printBackground: true,
    });
    await page.close();
  });
  chromium.push(t.ms);
}
await b.close();
out.chromium = {
  printWarmMs: ms(median(chromium)),
  printColdMs: ms(chromiumCold.ms),
  newsprintRenderWarmMs: ms(median(warm.render)),
  newsprintRenderColdMs: ms(coldRender.ms),
  warmRatio: Number((median(chromium) / median(warm.render)).toFixed(1)),
  coldRatio: Number((chromiumCold.ms / coldRender.ms).toFixed(1)),
};

// ---- Typst setting the same content --------------------------------------------------
// The sample's recovered issue as a gold page, set as the corpus harness sets one (the artifacts a seed picks
// do not change how much text there is).
const issue = JSON.parse(readFileSync(issuePath, 'utf8')) as Issue;
const typ = join(dir, 'sample.typ');
writeFileSync(
  typ,
  pageTypst(
    planPage({
      id: 'sample',
      paper: '吕梁日报',
      page: '第1版',
      masthead: {
        section: issue.masthead?.section ?? '',
        date: issue.masthead?.date ?? '',
        weekday: issue.masthead?.weekday ?? '',
        email: issue.masthead?.email ?? '',
      },
      lead: {
        headline: issue.lead?.headline ?? '',
        deck: issue.lead?.deck ?? '',
        paragraphs: issue.lead?.paragraphs ?? [],
      },
      articles: issue.articles.map((a) => ({
        headline: a.headline,
        byline: [a.byline?.role, a.byline?.name].filter(Boolean).join(' '),
        role: a.byline?.role ?? '',
        name: a.byline?.name ?? '',
        paragraphs: a.paragraphs,
      })),
    }),
  ),
);
const typstScript = join(ROOT, 'dist', 'bench', 'typst-compile.js');
const typstCold: number[] = [];
const buildCold: number[] = [];
/** The default build: issue, layout, PDF, proof PDF, page images, manifest (target ≤ 3 × Typst). */
const fullCold: number[] = [];
const fullRss: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [typstScript, typ, join(dir, 'typst.pdf')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`typst compile failed: ${r.stderr}`);
  typstCold.push(performance.now() - t0);
  buildCold.push(cold(['build', SAMPLE, '-o', join(dir, `build-${i}`), '--no-proof', '-q']).ms);
  const full = cold(['build', SAMPLE, '-o', join(dir, `full-${i}`), '-q']);
  fullCold.push(full.ms);
  fullRss.push(full.rssKB / 1024);
}
const typstWarm: number[] = [];
const typSource = readFileSync(typ, 'utf8');
typstPdfOf(typSource);
// Warm: fonts loaded, nothing of the page memoised (Typst would reuse an unchanged page whole).
for (let i = 0; i < RUNS; i++) typstWarm.push((await timeIt(() => typstPdfOf(typSource, true))).ms);
out.typst = {
  compileColdMs: ms(median(typstCold)),
  compileWarmMs: ms(median(typstWarm)),
  newsprintBuildColdMs: ms(median(buildCold)),
  newsprintEndToEndWarmMs: ms(median(warm.total)),
  coldRatio: Number((median(buildCold) / median(typstCold)).toFixed(1)),
  warmRatio: Number((median(warm.total) / median(typstWarm)).toFixed(1)),
  newsprintFullBuildColdMs: ms(median(fullCold)),
  fullRatio: Number((median(fullCold) / median(typstCold)).toFixed(1)),
  fullBuildPeakMB: Math.round(Math.max(...fullRss)),
};

// ---- batch: 50 generated pages, 1 and 2 workers ---------------------------------------
const pages = join(dir, 'pages');
mkdirSync(pages);
for (let seed = 1; seed <= BATCH; seed++)
  writeFileSync(
    join(pages, `page-${String(seed).padStart(3, '0')}.txt`),
    generatePage(seed, { articles: [3, 8], chars: [4000, 8500], lead: 0.9 }).text,
  );
const batch = (jobs: number) => {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [CLI, 'build', pages, '-o', join(dir, `batch-${jobs}`), '--jobs', String(jobs), '--no-proof', '-q'],
    { encoding: 'utf8' },
  );
  const s = (performance.now() - t0) / 1000;
  return {
    seconds: Number(s.toFixed(1)),
    pagesPerMinute: Number(((BATCH / s) * 60).toFixed(1)),
    failed: r.status === 0 ? 0 : (r.stderr.match(/^warning: /gm) ?? []).length,
  };
};
const one = batch(1);
const two = batch(2);
out.batch = { pages: BATCH, oneWorker: one, twoWorkers: two, speedUp: Number((one.seconds / two.seconds).toFixed(2)) };

rmSync(dir, { recursive: true, force: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(out, null, 2) + '\n');

const c = out.cold as Record<string, number>;
const w = out.warm as Record<string, number>;
const ch = out.chromium as Record<string, number>;
const ty = out.typst as Record<string, number>;
const bt = out.batch as { oneWorker: typeof one; twoWorkers: typeof two; speedUp: number };
const m = out.machine as Record<string, unknown>;
console.log(`newsprint bench — ${m.cpus} cores (${m.model}), ${m.memoryGB} GB, Node ${m.node}, ${m.date}
sample (lvliang 2024-01-08, tabloid)              cold (new process)   warm (median of ${RUNS})
  recover                                          ${String(c.recoverMs).padStart(6)} ms            ${String(w.recoverMs).padStart(6)} ms
  layout                                           ${String(c.layoutMs).padStart(6)} ms            ${String(w.layoutMs).padStart(6)} ms
  render                                           ${String(c.renderMs).padStart(6)} ms            ${String(w.renderMs).padStart(6)} ms
  rasterize (72 dpi) + diff                        ${String(c.rasterizeAndDiffMs).padStart(6)} ms            ${String(w.rasterizeAndDiffMs).padStart(6)} ms
  end to end (recover + layout + render)           ${String(c.buildMs).padStart(6)} ms (build)    ${String(w.endToEndMs).padStart(6)} ms
  fonts and word list, loaded once per process                          ${String(w.loadFontsAndWordsOnceMs).padStart(6)} ms
  peak memory                                      ${String(c.peakRssMB).padStart(6)} MB            ${String(w.peakRssMB).padStart(6)} MB
  spread.pdf                                       ${out.pdfKB} KB
Chromium printing the same layout (HTML → PDF)    ${String(ch.printColdMs).padStart(6)} ms            ${String(ch.printWarmMs).padStart(6)} ms
  newsprint render                                 ${String(ch.newsprintRenderColdMs).padStart(6)} ms            ${String(ch.newsprintRenderWarmMs).padStart(6)} ms
  newsprint is faster by                           ${String(ch.coldRatio).padStart(6)} ×             ${String(ch.warmRatio).padStart(6)} ×
Typst setting the same content (one tall page)     ${String(ty.compileColdMs).padStart(6)} ms            ${String(ty.compileWarmMs).padStart(6)} ms
  newsprint build --no-proof / recover+layout+render ${String(ty.newsprintBuildColdMs).padStart(5)} ms            ${String(ty.newsprintEndToEndWarmMs).padStart(6)} ms
  newsprint ÷ Typst (target ≤ 1.0, issue 14)       ${String(ty.coldRatio).padStart(6)} ×             ${String(ty.warmRatio).padStart(6)} ×
  newsprint build (default: proof, images)         ${String(ty.newsprintFullBuildColdMs).padStart(6)} ms, ${ty.fullRatio} × Typst (target ≤ 3), peak ${ty.fullBuildPeakMB} MB
layout (make-up search) by number of items, warm   ${(out.layoutScaling as typeof scaling)
  .map((x) => `${x.items}: ${x.layoutMs ?? '–'} ms`)
  .join(', ')}
batch of ${BATCH} generated pages (build --no-proof)
  1 worker                                         ${bt.oneWorker.seconds} s, ${bt.oneWorker.pagesPerMinute} pages/min
  2 workers                                        ${bt.twoWorkers.seconds} s, ${bt.twoWorkers.pagesPerMinute} pages/min
  speed-up                                         ${bt.speedUp} ×
written to bench/results.json`);
