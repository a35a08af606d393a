/**
 * What the pipeline tells its caller while it works: warnings, and how long
 * each stage took. The CLI prints them on standard error; a batch worker
 * counts them; tests ignore them.
 */
export interface Timing {
  stage: string;
  ms: number;
}

export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  time<T>(stage: string, fn: () => T): T;
  timeAsync<T>(stage: string, fn: () => Promise<T>): Promise<T>;
  timings: Timing[];
}

/** A reporter that times stages (repeated stages such as fonts add up) and hands messages to `sink`. */
export function reporter(sink: { info(m: string): void; warn(m: string): void }): Reporter {
  const timings: Timing[] = [];
  const add = (stage: string, ms: number) => {
    const hit = timings.find((t) => t.stage === stage);
    if (hit) hit.ms += ms;
    else timings.push({ stage, ms });
  };
  return {
    timings,
    info: (m) => sink.info(m),
    warn: (m) => sink.warn(m),
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

/** Keeps warnings in a list and says nothing (batch workers, tests, the bench). */
export function quietReporter(): Reporter & { warnings: string[] } {
  const warnings: string[] = [];
  return Object.assign(reporter({ info: () => {}, warn: (m) => warnings.push(m) }), { warnings });
}
