/** Progress, timing and warnings go to stderr so that stdout carries only data. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  time<T>(stage: string, fn: () => T): T;
  timeAsync<T>(stage: string, fn: () => Promise<T>): Promise<T>;
  timings: Array<{ stage: string; ms: number }>;
}

export function stderrReporter(quiet = false): Reporter {
  const timings: Array<{ stage: string; ms: number }> = [];
  /** Stages run more than once (fonts) add up. */
  const add = (stage: string, ms: number) => {
    const hit = timings.find((t) => t.stage === stage);
    if (hit) hit.ms += ms;
    else timings.push({ stage, ms });
  };
  return {
    timings,
    info: (m) => {
      if (!quiet) process.stderr.write(`${m}\n`);
    },
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
    time(stage, fn) {
      const t0 = performance.now();
      const out = fn();
      add(stage, performance.now() - t0);
      return out;
    },
    async timeAsync(stage, fn) {
      const t0 = performance.now();
      const out = await fn();
      add(stage, performance.now() - t0);
      return out;
    },
  };
}
