import { checkOutputPath, displayName, writeAtomic } from '../../io/files.js';
import { readTemplate } from '../../io/inputs.js';
import { count, layoutStage, proofHtmlFile, proofPdfFile, recoverFile } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';
import type { Encoding } from '../../recover/decode.js';

export async function proofCommand(
  file: string,
  opts: { output: string; template: string; encoding?: Encoding },
  report: Reporter,
): Promise<void> {
  if (opts.output !== '-') checkOutputPath(opts.output);
  const { issue, text } = report.time('recover', () => recoverFile(file, opts.encoding));
  const layout = layoutStage(issue, readTemplate(opts.template), report, displayName(file));
  const html = await report.timeAsync('proof', () => proofHtmlFile(issue, text, layout));
  const asPdf = opts.output.toLowerCase().endsWith('.pdf');
  writeAtomic(opts.output, asPdf ? await report.timeAsync('print', () => proofPdfFile(issue, html)) : html);
  if (opts.output !== '-')
    report.info(
      `wrote ${opts.output}: ${count(issue.corrections.length, 'correction')}, ` +
        `${count(issue.warnings.length, 'warning')}`,
    );
}
