import { displayName, toJson, writeAtomic } from '../../io/files.js';
import { readIssue, readTemplate } from '../../io/inputs.js';
import { layoutStage, layoutSummary } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';

export function layoutCommand(file: string, opts: { template: string; output?: string }, report: Reporter): void {
  const layout = layoutStage(readIssue(file), readTemplate(opts.template), report, displayName(file));
  const out = opts.output ?? '-';
  writeAtomic(out, toJson(layout));
  if (out !== '-') report.info(`wrote ${out}: ${layoutSummary(layout)}`);
}
