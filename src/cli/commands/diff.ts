import { join } from 'node:path';
import { diffPage, isSame, type PageDiff, pageCountProblem } from '../../check/diff.js';
import { openPdf, rasterPages, sideBySide } from '../../check/raster.js';
import { NewsprintError } from '../../errors.js';
import { readInput, writeAtomic } from '../../io/files.js';
import { encodePng } from '../../io/png.js';
import type { Reporter } from '../../pipeline/report.js';
import type { Raster } from '../../types.js';

export interface DiffOptions {
  output: string;
  dpi: number;
  threshold: number;
  json?: boolean;
}

/**
 * Exit 0 when every page differs by no more than the threshold (a share of
 * its pixels, in %), 1 when they differ, 2 when they cannot be compared.
 */
export async function diffCommand(a: string, b: string, opts: DiffOptions, report: Reporter): Promise<number> {
  try {
    const [bytesA, bytesB] = [readInput(a), readInput(b)];
    const [countA, countB] = await Promise.all([pageCount(bytesA, a), pageCount(bytesB, b)]);
    const problems = countA === countB ? [] : [pageCountProblem(countA, countB)];
    const pages: Array<Omit<PageDiff, 'image'>> = [];
    // Page by page: a 500-page PDF never has more than one page of each side in memory.
    const left = rasterPages(bytesA, opts.dpi, a);
    const right = rasterPages(bytesB, opts.dpi, b);
    for (let n = 1; n <= Math.min(countA, countB); n++) {
      const pa = (await left.next()).value as Raster;
      const pb = (await right.next()).value as Raster;
      const { image, ...p } = diffPage(pa, pb, n);
      pages.push(p);
      const where = p.box
        ? ` around x ${p.box.x}-${p.box.x + p.box.width}, y ${p.box.y}-${p.box.y + p.box.height} px`
        : '';
      const line = p.problem ?? `${p.pixels} pixels differ (${(p.ratio * 100).toFixed(3)} %)${where}`;
      if (!opts.json) process.stdout.write(`page ${n}: ${line}\n`);
      if (image) {
        writeAtomic(join(opts.output, `diff-page-${n}.png`), encodePng(image));
        writeAtomic(join(opts.output, `compare-page-${n}.png`), encodePng(sideBySide([pa, image, pb])));
      }
    }
    await Promise.all([left.return(undefined), right.return(undefined)]);
    if (!opts.json) for (const problem of problems) process.stdout.write(`${problem}\n`);
    const same = isSame(
      { pages: pages as PageDiff[], problems, worst: Math.max(0, ...pages.map((p) => p.ratio)) },
      opts.threshold / 100,
    );
    if (opts.json) process.stdout.write(`${JSON.stringify({ same, threshold: opts.threshold, pages, problems })}\n`);
    const verdict = `${same ? 'same' : 'different'} (threshold ${opts.threshold} % of a page's pixels)`;
    report.info(`${verdict}; diff images in ${opts.output}/`);
    return same ? 0 : 1;
  } catch (e) {
    if (e instanceof NewsprintError) e.exitCode = 2;
    throw e;
  }
}

async function pageCount(bytes: Uint8Array, file: string): Promise<number> {
  const doc = await openPdf(bytes, file);
  const n = doc.numPages;
  await doc.destroy();
  return n;
}
