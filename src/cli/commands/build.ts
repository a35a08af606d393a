import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeManifest, MANIFEST } from '../../check/archive.js';
import { hasBrowser } from '../../check/browser.js';
import { crossCheck } from '../../check/crosscheck.js';
import { encodePng, rasterizePdf } from '../../check/raster.js';
import { NewsprintError } from '../../errors.js';
import type { Browser } from 'puppeteer';
import type { Issue, Layout } from '../../types.js';
import { readTemplate } from '../inputs.js';
import { toJson } from '../io.js';
import type { Reporter } from '../report.js';
import { layoutStage, layoutSummary } from './layout.js';
import { proofFiles } from './proof.js';
import { recoverFile, summary } from './recover.js';
import { loadFaces, renderStage, VERSION } from './render.js';

export interface BuildOptions {
  output: string;
  template: string;
  sheet?: boolean;
  /** Write proof.pdf (needs a browser); --no-proof turns it off. */
  proof?: boolean;
  /** Run the cross-engine check and fail when it does. */
  check?: boolean;
}

/** Resolution of the page images in the archive folder. */
export const PNG_DPI = 100;

/** `2024-01-08-政教专刊`: the issue's folder in the archive. */
export function issueFolderName(issue: Issue): string {
  const section = (issue.masthead?.section ?? '').replace(/部?主办$/, '') || issue.source.file.replace(/\.[^.]*$/, '');
  return `${issue.masthead?.date ?? 'undated'}-${section}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export interface Built {
  issue: Issue;
  layout: Layout;
  files: Record<string, Uint8Array | string>;
  /** The cross-engine check's result line, when it ran. */
  checked: string;
}

/**
 * recover → layout → render (→ proof, page images, manifest): the files of
 * one issue's folder, in memory. A browser may be passed in to serve many
 * issues (batch builds).
 */
export async function buildFiles(file: string, opts: BuildOptions, report: Reporter, browser?: Browser): Promise<Built> {
  const template = readTemplate(opts.template);
  const { issue, text: source } = report.time('recover', () => recoverFile(file));
  for (const w of issue.warnings) report.warn(`${file}: ${w.message}`);
  const layout = layoutStage(issue, template, report);
  const pdf = await renderStage(layout, false, report);
  const files: Record<string, Uint8Array | string> = { 'issue.json': toJson(issue), 'layout.json': toJson(layout), 'spread.pdf': pdf };
  if (opts.sheet) files['spread-sheet.pdf'] = await renderStage(layout, true, report);
  const pages = await report.timeAsync('images', () => rasterizePdf(pdf, PNG_DPI));
  pages.forEach((p, i) => (files[`page-${i + 1}.png`] = encodePng(p)));
  if (opts.proof !== false) {
    if (browser || hasBrowser()) {
      files['proof.pdf'] = (await report.timeAsync('proof', () => proofFiles(issue, source, layout, true, browser))).pdf!;
    } else report.warn(`${file}: proof.pdf skipped: no browser (install Chromium, run \`npx puppeteer browsers install chrome\`, or set PUPPETEER_EXECUTABLE_PATH)`);
  }
  const faces = loadFaces();
  let checked = '';
  if (opts.check) {
    const result = await report.timeAsync('check', () => crossCheck(layout, pdf, faces, browser));
    checked = `cross-engine check: ${(result.ratio * 100).toFixed(4)} % of pixels unmatched, densest patch ${(result.patch * 100).toFixed(1)} % — ${result.pass ? 'pass' : 'FAIL'}`;
    if (!result.pass) throw new NewsprintError(`the PDF and Chromium's rendering of the same layout disagree (${checked})`, file, 'a glyph missing from a subset or a misplaced line; run with --debug and compare the pages');
  }
  files[MANIFEST] = toJson(makeManifest({ version: VERSION, issue, template: template.name, faces, files }));
  return { issue, layout, files, checked };
}

/** One input: its folder written whole, and a summary of what was made and how long it took. */
export async function buildCommand(file: string, opts: BuildOptions, report: Reporter): Promise<string> {
  const t0 = performance.now();
  const built = await buildFiles(file, opts, report);
  const folder = join(opts.output, issueFolderName(built.issue));
  writeFolder(folder, built.files);
  report.info(`built ${folder}/`);
  report.info(`  ${summary(built.issue)}`);
  report.info(`  ${layoutSummary(built.layout)}; spread.pdf ${((built.files['spread.pdf'] as Uint8Array).length / 1024).toFixed(0)} KB`);
  if (built.checked) report.info(`  ${built.checked}`);
  report.info(`  time: ${report.timings.map((s) => `${s.stage} ${s.ms.toFixed(0)} ms`).join(', ')}; total ${(performance.now() - t0).toFixed(0)} ms`);
  return folder;
}

/** Files into a temporary folder beside the target, then one rename: never a half-written folder. */
export function writeFolder(folder: string, files: Record<string, Uint8Array | string>, tmp = `${folder}.${process.pid}.tmp`): void {
  const remove = (path: string) => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // nothing there to remove
    }
  };
  try {
    remove(tmp);
    mkdirSync(tmp, { recursive: true });
    for (const [name, data] of Object.entries(files)) writeFileSync(join(tmp, name), data);
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    renameSync(tmp, folder);
  } catch (e) {
    remove(tmp);
    const code = (e as NodeJS.ErrnoException).code;
    throw new NewsprintError(`cannot write the issue folder (${code ?? (e as Error).message})`, folder);
  }
}
