import { InputError } from '../../errors.js';
import { checkOutputPath, displayName, writeAtomic } from '../../io/files.js';
import { readTemplate } from '../../io/inputs.js';
import { count, fitsTemplate, layoutStage, proofHtmlFile, proofPdfFile, recoverFile } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';
import type { Encoding } from '../../recover/decode.js';
import { startProofServer } from '../../serve/server.js';

export async function proofCommand(
  file: string,
  opts: { output: string; template: string; encoding?: Encoding },
  report: Reporter,
): Promise<void> {
  if (opts.output !== '-') checkOutputPath(opts.output);
  const template = readTemplate(opts.template);
  const { issue, text } = report.time('recover', () =>
    recoverFile(file, opts.encoding, undefined, fitsTemplate(template)),
  );
  const layout = layoutStage(issue, template, report, displayName(file));
  const html = await report.timeAsync('proof', () => proofHtmlFile(issue, text, layout));
  const asPdf = opts.output.toLowerCase().endsWith('.pdf');
  writeAtomic(opts.output, asPdf ? await report.timeAsync('print', () => proofPdfFile(issue, text, layout)) : html);
  if (opts.output !== '-')
    report.info(
      `wrote ${opts.output}: ${count(issue.corrections.length, 'correction')}, ` +
        `${count(issue.warnings.length, 'warning')}`,
    );
}

/** `proof --serve`: the interactive proof, until the user stops it (Ctrl-C). */
export async function serveCommand(
  file: string,
  opts: { template: string; port?: number },
  report: Reporter,
): Promise<void> {
  if (file === '-') throw new InputError('cannot be proofread on screen: give a file', 'standard input');
  report.info(`${file}: recovering and building the spread…`);
  const server = await startProofServer(file, opts);
  report.info(`proof of ${file} at ${server.url}`);
  report.info(`  edits are saved to ${server.session.state().editsFile}; press Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
