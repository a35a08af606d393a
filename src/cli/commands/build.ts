import { writeArchiveFolder } from '../../io/archive-folder.js';
import { buildFiles, issueFolderName, issueSummary, layoutSummary } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';
import type { BuildCommandOptions, BuildResult } from '../build-options.js';

/** One input: its folder written whole, and a summary of what was made and how long it took. */
export async function buildCommand(file: string, opts: BuildCommandOptions, report: Reporter): Promise<void> {
  const t0 = performance.now();
  const built = await buildFiles(file, opts, report);
  const target = {
    out: opts.output,
    name: issueFolderName(built.issue),
    source: built.issue.source.sha256,
    force: opts.force,
  };
  const folder = writeArchiveFolder(target, built.files);
  const pdfBytes = (built.files['spread.pdf'] as Uint8Array).length;
  report.info(`built ${folder}/`);
  report.info(`  ${issueSummary(built.issue)}`);
  report.info(`  ${layoutSummary(built.layout)}; spread.pdf ${(pdfBytes / 1024).toFixed(0)} KB`);
  if (built.checked) report.info(`  ${built.checked}`);
  const times = report.timings.map((s) => `${s.stage} ${s.ms.toFixed(0)} ms`).join(', ');
  report.info(`  time: ${times}; total ${(performance.now() - t0).toFixed(0)} ms`);
  if (opts.json) {
    const result: BuildResult = { input: file, ok: true, folder, warnings: built.issue.warnings.length };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
