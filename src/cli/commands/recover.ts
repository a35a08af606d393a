import { toJson, writeAtomic } from '../../io/files.js';
import { issueSummary, recoverFile } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';
import type { Encoding } from '../../recover/decode.js';

export function recoverCommand(file: string, opts: { output?: string; encoding?: Encoding }, report: Reporter): void {
  const { issue } = report.time('recover', () => recoverFile(file, opts.encoding));
  const out = opts.output ?? '-';
  writeAtomic(out, toJson(issue));
  if (out !== '-') report.info(`wrote ${out}: ${issueSummary(issue)}`);
  for (const w of issue.warnings) report.warn(`${file}: ${w.message}`);
}
