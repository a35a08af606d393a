/**
 * Batch builds: many inputs, a pool of worker processes (one per core by
 * default), a progress bar, one archive folder per input. A failing input
 * never stops the others; a worker that dies is replaced. Folders appear
 * whole or not at all (workers write temporary folders, renamed here), and
 * Ctrl-C removes what was half-written.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsprintError } from '../../errors.js';
import type { BuildOptions } from '../commands/build.js';
import type { Reporter } from '../report.js';
import { progress } from './progress.js';
import type { Answer, Task } from './protocol.js';

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

/** Files and folders → the extraction files to build (a folder's *.txt, sorted); what does not exist is an error up front. */
export function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (!existsSync(input)) throw new NewsprintError('no such file or directory', input);
    if (!statSync(input).isDirectory()) return [input];
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
  seconds: number;
}

export async function batchBuild(files: string[], opts: BuildOptions & { jobs?: string }, report: Reporter): Promise<BatchResult> {
  const started = performance.now();
  const jobs = Math.max(1, Math.min(Number(opts.jobs ?? availableParallelism()) || 1, files.length));
  const out = resolve(opts.output);
  const tasks: Task[] = files.map((file, id) => ({ id, file, tmp: join(out, `.newsprint-tmp-${process.pid}-${id}`), opts: { ...opts, jobs: undefined } as BuildOptions }));
  const result: BatchResult = { built: 0, warned: 0, failed: [], seconds: 0 };
  const used = new Set<string>();
  const bar = progress(files.length, started);
  const queue = [...tasks];
  const workers = new Set<ChildProcess>();
  const cleanup = () => {
    for (const t of tasks) rmSync(t.tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    for (const w of workers) w.kill('SIGKILL');
    cleanup();
    process.stderr.write('\ninterrupted: no half-written folder left behind\n');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const settle = (task: Task, answer: Answer) => {
    if (answer.ok) {
      // Two inputs of one issue (date and section) get folders -2, -3…
      let name = answer.folderName;
      for (let k = 2; used.has(name); k++) name = `${answer.folderName}-${k}`;
      used.add(name);
      const folder = join(out, name);
      rmSync(folder, { recursive: true, force: true });
      renameSync(task.tmp, folder);
      result.built++;
      if (answer.warnings) result.warned++;
      bar.done(`built ${task.file} → ${join(opts.output, name)} (${(answer.ms / 1000).toFixed(1)} s${answer.warnings ? `, ${answer.warnings} warnings` : ''})`);
    } else {
      result.failed.push({ file: task.file, message: answer.message });
      bar.done(`failed ${answer.message}`);
    }
  };

  await new Promise<void>((done) => {
    let running = 0;
    const startWorker = () => {
      // One core each: V8's helper threads (GC, compiler) would have a lone worker use 1.4 cores and
      // workers fight for them; single-threaded workers scale with the pool (README: bench).
      const worker = fork(WORKER, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: ['--single-threaded'] });
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
        if (current) settle(current, { id: current.id, ok: false, message: `${current.file}: the worker building it stopped (exit ${code})`, ms: 0 });
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
  cleanup();
  bar.finish();
  result.seconds = (performance.now() - started) / 1000;
  report.info(`${files.length} inputs in ${result.seconds.toFixed(1)} s with ${jobs} worker${jobs > 1 ? 's' : ''} (${((files.length / result.seconds) * 60).toFixed(1)} pages/min): ${result.built} built (${result.warned} with warnings), ${result.failed.length} failed`);
  for (const f of result.failed) report.warn(f.message);
  return result;
}
