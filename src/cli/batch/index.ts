/**
 * Batch builds: many inputs, a pool of worker processes (one per core by
 * default), a progress bar, one archive folder per input. A failing input
 * never stops the others; a worker that dies is replaced. Workers write
 * their folders whole (io/archive-folder.ts); a run killed part-way leaves
 * only hidden leftovers that the next run cleans.
 */

import { type ChildProcess, fork } from 'node:child_process';
import type { Stats } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsprintError, printable } from '../../errors.js';
import { isArchiveFolder, sweepLeftovers } from '../../io/archive-folder.js';
import { fsReason } from '../../io/files.js';
import { count } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';
import type { BuildCommandOptions, BuildResult } from '../build-options.js';
import { progress } from './progress.js';
import type { Answer, Task } from './protocol.js';

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * Files and folders → the extraction files to build (a folder's *.txt, sorted); what does not exist is an error up
 * front.
 */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (input === '-') return [input];
    let stat: Stats;
    try {
      stat = statSync(input);
    } catch (e) {
      throw new NewsprintError(fsReason(e, 'cannot read it'), input);
    }
    // An issue's archive folder is one input: it is rebuilt from the extraction it keeps.
    if (!stat.isDirectory() || isArchiveFolder(input)) return [input];
    const files = readdirSync(input)
      .filter((f) => f.toLowerCase().endsWith('.txt'))
      .sort()
      .map((f) => join(input, f));
    if (!files.length) throw new NewsprintError('holds no .txt extraction files', input);
    return files;
  });
}

export interface BatchResult {
  built: number;
  warned: number;
  failed: Array<{ file: string; message: string }>;
  results: BuildResult[];
  seconds: number;
}

export async function batchBuild(
  files: string[],
  opts: BuildCommandOptions & { jobs: number; quiet?: boolean },
  report: Reporter,
): Promise<BatchResult> {
  const started = performance.now();
  const jobs = Math.min(opts.jobs, files.length);
  const { jobs: _, quiet, ...buildOpts } = opts;
  const tasks: Task[] = files.map((file, id) => ({ id, file, opts: buildOpts }));
  const result: BatchResult = { built: 0, warned: 0, failed: [], results: [], seconds: 0 };
  const bar = progress(files.length, { started, quiet });
  const queue = [...tasks];
  const workers = new Set<ChildProcess>();
  // Workers end with us however we end: on a signal we kill them; on kill -9 they see the IPC channel close.
  const onSignal = (signal: NodeJS.Signals) => {
    const pids = [...workers].map((w) => w.pid!);
    for (const w of workers) w.kill('SIGKILL');
    sweepLeftovers(opts.output, pids);
    process.stderr.write('\ninterrupted: no half-written folder left behind\n');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const settle = (task: Task, answer: Answer) => {
    if (answer.ok) {
      result.built++;
      if (answer.warnings) result.warned++;
      result.results.push({ input: task.file, ok: true, folder: answer.folder, warnings: answer.warnings });
      const extra = answer.warnings ? `, ${count(answer.warnings, 'warning')}` : '';
      bar.done(true, printable(`built ${task.file} → ${answer.folder} (${(answer.ms / 1000).toFixed(1)} s${extra})`));
    } else {
      result.failed.push({ file: task.file, message: answer.message });
      result.results.push({ input: task.file, ok: false, error: answer.message });
      bar.done(false, printable(`failed ${answer.message}`));
    }
  };

  await new Promise<void>((done) => {
    let running = 0;
    const startWorker = () => {
      // One core each: V8's helper threads (GC, compiler) would have a lone worker use 1.4 cores and
      // workers fight for them; single-threaded workers scale with the pool (README: bench).
      const worker = fork(WORKER, [], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
        execArgv: ['--single-threaded'],
      });
      workers.add(worker);
      let current: Task | null = null;
      const next = () => {
        current = queue.shift() ?? null;
        if (current) worker.send(current);
        else {
          workers.delete(worker);
          worker.disconnect();
          if (--running === 0) done();
        }
      };
      worker.on('message', (answer: Answer) => {
        if (current) settle(current, answer);
        next();
      });
      worker.on('exit', (code) => {
        if (!workers.has(worker)) return;
        workers.delete(worker);
        // A worker that died takes only its input down; another takes its place.
        if (current)
          settle(current, {
            id: current.id,
            ok: false,
            message: `${current.file}: the worker building it stopped (exit ${code})`,
            ms: 0,
          });
        running--;
        if (queue.length) {
          running++;
          startWorker();
        } else if (running === 0) done();
      });
      next();
    };
    for (let i = 0; i < jobs; i++) {
      running++;
      startWorker();
    }
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  bar.finish();
  result.results.sort((a, b) => files.indexOf(a.input) - files.indexOf(b.input));
  result.seconds = (performance.now() - started) / 1000;
  const rate = ((files.length / result.seconds) * 60).toFixed(1);
  const workersUsed = count(jobs, 'worker');
  report.info(
    `${count(files.length, 'input')} in ${result.seconds.toFixed(1)} s with ${workersUsed} (${rate} pages/min): ` +
      `${result.built} built (${result.warned} with warnings), ${result.failed.length} failed`,
  );
  for (const f of result.failed) report.warn(printable(f.message));
  return result;
}
