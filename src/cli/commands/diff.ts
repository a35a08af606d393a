import { join } from 'node:path';
import { diffPages, isSame } from '../../check/diff.js';
import { encodePng, rasterizePdf, sideBySide } from '../../check/raster.js';
import { NewsprintError } from '../../errors.js';
import { readInput, writeAtomic } from '../io.js';
import type { Reporter } from '../report.js';

export interface DiffOptions {
  output: string;
  dpi: string;
  threshold: string;
}

/**
 * Exit 0 when every page differs by no more than the threshold (a share of
 * its pixels, in %), 1 when they differ, 2 when they cannot be compared.
 */
export async function diffCommand(a: string, b: string, opts: DiffOptions, report: Reporter): Promise<number> {
  try {
    const dpi = Number(opts.dpi);
    const threshold = Number(opts.threshold);
    if (!(dpi >= 10 && dpi <= 600)) throw new NewsprintError(`--dpi must be between 10 and 600, not ${opts.dpi}`);
    if (!(threshold >= 0 && threshold <= 100)) throw new NewsprintError(`--threshold must be a percentage between 0 and 100, not ${opts.threshold}`);
    const [ra, rb] = await Promise.all([rasterizePdf(readInput(a), dpi, a), rasterizePdf(readInput(b), dpi, b)]);
    const result = diffPages(ra, rb);
    for (const p of result.pages) {
      const where = p.box ? ` around x ${p.box.x}-${p.box.x + p.box.width}, y ${p.box.y}-${p.box.y + p.box.height} px` : '';
      process.stdout.write(`page ${p.page}: ${p.problem ?? `${p.pixels} pixels differ (${(p.ratio * 100).toFixed(3)} %)${where}`}\n`);
      if (p.image) {
        writeAtomic(join(opts.output, `diff-page-${p.page}.png`), encodePng(p.image));
        writeAtomic(join(opts.output, `compare-page-${p.page}.png`), encodePng(sideBySide([ra[p.page - 1]!, p.image, rb[p.page - 1]!])));
      }
    }
    for (const problem of result.problems) process.stdout.write(`${problem}\n`);
    const same = isSame(result, threshold / 100);
    report.info(`${same ? 'same' : 'different'} (threshold ${threshold} % of a page's pixels); diff images in ${opts.output}/`);
    return same ? 0 : 1;
  } catch (e) {
    if (e instanceof NewsprintError) e.exitCode = 2;
    throw e;
  }
}
