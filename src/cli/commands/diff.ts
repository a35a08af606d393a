import { join } from 'node:path';
import { diffPages, isSame } from '../../check/diff.js';
import { encodePng, rasterizePdf, sideBySide } from '../../check/raster.js';
import { NewsprintError } from '../../errors.js';
import { readInput, writeAtomic } from '../../io/files.js';
import type { Reporter } from '../../pipeline/report.js';

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
    const [ra, rb] = await Promise.all([
      rasterizePdf(readInput(a), opts.dpi, a),
      rasterizePdf(readInput(b), opts.dpi, b),
    ]);
    const result = diffPages(ra, rb);
    for (const p of result.pages) {
      const where = p.box
        ? ` around x ${p.box.x}-${p.box.x + p.box.width}, y ${p.box.y}-${p.box.y + p.box.height} px`
        : '';
      if (!opts.json)
        process.stdout.write(
          `page ${p.page}: ${p.problem ?? `${p.pixels} pixels differ (${(p.ratio * 100).toFixed(3)} %)${where}`}\n`,
        );
      if (p.image) {
        writeAtomic(join(opts.output, `diff-page-${p.page}.png`), encodePng(p.image));
        writeAtomic(
          join(opts.output, `compare-page-${p.page}.png`),
          encodePng(sideBySide([ra[p.page - 1]!, p.image, rb[p.page - 1]!])),
        );
      }
    }
    if (!opts.json) for (const problem of result.problems) process.stdout.write(`${problem}\n`);
    const same = isSame(result, opts.threshold / 100);
    if (opts.json) {
      const pages = result.pages.map(({ page, pixels, ratio, box, problem }) => ({
        page,
        pixels,
        ratio,
        box,
        problem,
      }));
      process.stdout.write(
        `${JSON.stringify({ same, threshold: opts.threshold, pages, problems: result.problems })}\n`,
      );
    }
    report.info(
      `${same ? 'same' : 'different'} (threshold ${opts.threshold} % of a page's pixels); diff images in ` +
        `${opts.output}/`,
    );
    return same ? 0 : 1;
  } catch (e) {
    if (e instanceof NewsprintError) e.exitCode = 2;
    throw e;
  }
}
