import { type Reporter, reporter } from '../pipeline/report.js';

/** Progress, timing and warnings go to standard error so that standard output carries only data. */
export function stderrReporter(quiet = false): Reporter {
  return reporter({
    info: (m) => {
      if (!quiet) process.stderr.write(`${m}\n`);
    },
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
  });
}
