import { writeAtomic } from '../../io/files.js';
import { readLayout } from '../../io/inputs.js';
import { renderStage } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';

export async function renderCommand(
  file: string,
  opts: { output: string; sheet?: boolean },
  report: Reporter,
): Promise<void> {
  const pdf = await renderStage(readLayout(file), Boolean(opts.sheet), report);
  writeAtomic(opts.output, pdf);
  if (opts.output !== '-') report.info(`wrote ${opts.output} (${(pdf.length / 1024).toFixed(0)} KB)`);
}
