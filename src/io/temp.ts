/**
 * Temporary files of one run live under one folder, `newsprint-run-<pid>-…`
 * in the system's temp folder, removed when the process exits. A run that
 * was killed cannot remove its own: the next run sweeps every run folder
 * whose process is gone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'newsprint-run-';
let runDir: string | null = null;

/** Whether a process with this id is alive (a signal 0 probes without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the run folders of processes that are gone. */
export function sweepRunDirs(base = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^newsprint-run-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
}

/** A new folder for this run's temporary files (`purpose` names it, for whoever looks). */
export function runTempDir(purpose: string): string {
  if (!runDir) {
    sweepRunDirs();
    runDir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
    const dir = runDir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  mkdirSync(runDir, { recursive: true });
  return mkdtempSync(join(runDir, `${purpose}-`));
}
