/**
 * A batch worker: a child process that builds one issue at a time into the
 * temporary folder it is given, keeping its fonts, word list and browser
 * between issues.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasBrowser, launchBrowser } from '../../check/browser.js';
import { NewsprintError } from '../../errors.js';
import { buildFiles, issueFolderName } from '../commands/build.js';
import type { Reporter } from '../report.js';
import type { Answer, Task } from './protocol.js';

let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;

function quietReporter(): Reporter & { warnings: number } {
  const r = {
    warnings: 0,
    timings: [] as Array<{ stage: string; ms: number }>,
    info: () => {},
    warn: () => {
      r.warnings++;
    },
    time: <T>(_: string, fn: () => T) => fn(),
    timeAsync: <T>(_: string, fn: () => Promise<T>) => fn(),
  };
  return r;
}

async function run(task: Task): Promise<Answer> {
  const t0 = performance.now();
  try {
    if (task.opts.proof !== false && !browser && hasBrowser()) browser = await launchBrowser();
    const report = quietReporter();
    const built = await buildFiles(task.file, task.opts, report, browser?.browser);
    mkdirSync(task.tmp, { recursive: true });
    for (const [name, data] of Object.entries(built.files)) writeFileSync(join(task.tmp, name), data);
    return { id: task.id, ok: true, folderName: issueFolderName(built.issue), warnings: report.warnings, ms: performance.now() - t0 };
  } catch (e) {
    rmSync(task.tmp, { recursive: true, force: true });
    const message = e instanceof NewsprintError ? e.oneLine() : `${task.file}: internal error: ${(e as Error).message}`;
    return { id: task.id, ok: false, message, ms: performance.now() - t0 };
  }
}

process.on('message', (task: Task) => {
  void run(task).then((answer) => process.send!(answer));
});
process.on('disconnect', () => {
  void (browser?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
