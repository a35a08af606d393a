/** Progress, timing and warnings go to stderr so that stdout carries only data. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  time<T>(stage: string, fn: () => T): T;
  timings: Array<{ stage: string; ms: number }>;
}

export function stderrReporter(quiet = false): Reporter {
  const timings: Array<{ stage: string; ms: number }> = [];
  return {
    timings,
    info: (m) => {
      if (!quiet) process.stderr.write(`${m}\n`);
    },
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    time(stage, fn) {
      const t0 = performance.now();
      const out = fn();
      timings.push({ stage, ms: performance.now() - t0 });
      return out;
    },
  };
}
