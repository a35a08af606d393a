/**
 * The whole job for one input: recover → layout → render → proof, page
 * images, manifest; the files of one issue's archive folder, in memory.
 * The CLI, the batch workers, the bench and the tests all call this.
 */
import type { Browser } from 'puppeteer';
import { EDITS_FILE, makeManifest, SOURCE_FILE } from '../check/archive.js';
import { NewsprintError } from '../errors.js';
import { loadFaces } from '../fonts/faces.js';
import { isArchiveFolder, MANIFEST, safeFolderName } from '../io/archive-folder.js';
import { displayName, readInput, toJson } from '../io/files.js';
import { parseJson, readTemplate } from '../io/inputs.js';
import { encodePng } from '../io/png.js';
import { VERSION } from '../project.js';
import type { Encoding } from '../recover/decode.js';
import { drawPage } from '../render/page-image.js';
import { validateIssue } from '../schema.js';
import type { Issue, Layout, Template } from '../types.js';
import { applyEditsFile } from './edits.js';
import { fitsTemplate, layoutStage } from './layout.js';
import { proofPdfFile } from './proof.js';
import { recoverFile } from './recover.js';
import { renderStage } from './render.js';
import type { Reporter } from './report.js';

export interface BuildOptions {
  template: string;
  sheet?: boolean;
  /** Write proof.pdf (drawn by newsprint's renderer); --no-proof turns it off. */
  proof?: boolean;
  /** Run the cross-engine check and fail when it does. */
  check?: boolean;
  /** The extraction's encoding, when detection is not wanted. */
  encoding?: Encoding;
}

/** Resolution of the page images in the archive folder. */
export const PNG_DPI = 100;
/** Most pixels a page image has: a page of a huge template gets a lower resolution, not gigabytes of memory. */
export const MAX_IMAGE_PIXELS = 8_000_000;

/** PNG_DPI, or less where the largest page would have more than MAX_IMAGE_PIXELS pixels. */
export function imageDpi(layout: Layout): number {
  const points = Math.max(...layout.pages.map((p) => p.width * p.height));
  return Math.min(PNG_DPI, Math.floor(72 * Math.sqrt(MAX_IMAGE_PIXELS / points)));
}

/** `2024-01-08-政教专刊`: the issue's folder in the archive. */
export function issueFolderName(issue: Issue): string {
  const section = (issue.masthead?.section ?? '').replace(/部?主办$/, '') || issue.source.file.replace(/\.[^.]*$/, '');
  return safeFolderName(`${issue.masthead?.date ?? 'undated'}-${section}`);
}

export interface Built {
  issue: Issue;
  layout: Layout;
  files: Record<string, Uint8Array | string>;
  /** The cross-engine check's result line, when it ran. */
  checked: string;
}

/** An issue.json given to `build` is laid out as it is; anything else is an extraction to recover. */
function issueOf(
  file: string,
  template: Template,
  report: Reporter,
  encoding?: Encoding,
): { issue: Issue; source: { text: string; bytes: Uint8Array; edits: Uint8Array | null } | null } {
  const bytes = isArchiveFolder(file) ? null : readInput(file);
  if (bytes && looksLikeIssue(bytes, file))
    return { issue: validateIssue(parseJson(bytes, file), displayName(file)), source: null };
  const recovered = recoverFile(file, encoding, bytes ?? undefined, fitsTemplate(template));
  // An editor's corrections (`proof --serve`) are never lost to a new build.
  const edited = applyEditsFile(recovered.issue, file, report);
  return { issue: edited.issue, source: { ...recovered, edits: edited.edits } };
}

const looksLikeIssue = (bytes: Uint8Array, file: string) =>
  /\.json$/i.test(file) ||
  (bytes[0] === 0x7b && /"schema"\s*:\s*"newsprint\/issue@/.test(new TextDecoder().decode(bytes.subarray(0, 200))));

export async function buildFiles(
  file: string,
  opts: BuildOptions,
  report: Reporter,
  browser?: Browser,
): Promise<Built> {
  const name = displayName(file);
  const template = readTemplate(opts.template);
  const { issue, source } = report.time('recover', () => issueOf(file, template, report, opts.encoding));
  for (const w of issue.warnings) report.warn(`${name}: ${w.message}`);
  const layout = layoutStage(issue, template, report, name);
  const pdf = await renderStage(layout, false, report);
  const files: Record<string, Uint8Array | string> = {
    'issue.json': toJson(issue),
    'layout.json': toJson(layout),
    'spread.pdf': pdf,
  };
  // The extraction itself and the edits applied to it, byte for byte: the folder alone rebuilds the same issue.
  if (source) files[SOURCE_FILE] = source.bytes;
  if (source?.edits) files[EDITS_FILE] = source.edits;
  if (opts.sheet) files['spread-sheet.pdf'] = await renderStage(layout, true, report);
  const faces = loadFaces();
  report.time('images', () => {
    // One page's pixels at a time, encoded as soon as drawn: memory stays that of one page.
    const dpi = imageDpi(layout);
    for (const page of layout.pages) files[`page-${page.number}.png`] = encodePng(drawPage(page, faces, dpi));
  });
  if (opts.proof !== false) {
    if (source === null)
      report.info(
        `${name}: proof.pdf skipped: the input is an issue, not an extraction, so there are no source lines to ` +
          `proofread against`,
      );
    else {
      files['proof.pdf'] = await report.timeAsync('proof', () => proofPdfFile(issue, source.text, layout));
    }
  }
  let checked = '';
  if (opts.check) {
    // pdf.js and the browser are loaded only for the check.
    const { crossCheck } = await import('../check/crosscheck.js');
    const result = await report.timeAsync('check', () => crossCheck(layout, pdf, faces, browser));
    const unmatched = (result.ratio * 100).toFixed(4);
    checked =
      `cross-engine check: ${unmatched} % of pixels unmatched, densest patch ` +
      `${(result.patch * 100).toFixed(1)} % — ${result.pass ? 'pass' : 'FAIL'}`;
    if (!result.pass)
      throw new NewsprintError(
        `the PDF and Chromium's rendering of the same layout disagree (${checked})`,
        name,
        'a glyph missing from a subset or a misplaced line; run with --debug and compare the pages',
      );
  }
  files[MANIFEST] = toJson(makeManifest({ version: VERSION, issue, template: template.name, faces, files }));
  return { issue, layout, files, checked };
}
