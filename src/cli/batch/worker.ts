/**
 * A batch worker: a child process that builds one issue at a time and
 * writes its archive folder, keeping its fonts, word list and (for
 * --check) browser between issues. It ends (and its browser with it) when the main process
 * goes away.
 */
import type { launchBrowser } from '../../check/browser.js';
import { NewsprintError } from '../../errors.js';
import { writeArchiveFolder } from '../../io/archive-folder.js';
import { buildFiles, issueFolderName, quietReporter } from '../../pipeline/index.js';
import type { Answer, Task } from './protocol.js';

let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
/** A browser that would not start is not tried again for every input. */
let browserFailed = false;

async function run(task: Task): Promise<Answer> {
  const t0 = performance.now();
  try {
    // Only the cross-engine check needs a browser (the proof is drawn by newsprint's renderer): puppeteer is loaded
    // for it alone.
    if (task.opts.check && !browser && !browserFailed) {
      const { BrowserError, hasBrowser, launchBrowser } = await import('../../check/browser.js');
      try {
        if (hasBrowser()) browser = await launchBrowser();
      } catch (e) {
        if (!(e instanceof BrowserError)) throw e;
        browserFailed = true;
      }
    }
    const report = quietReporter();
    const built = await buildFiles(task.file, task.opts, report, browser?.browser);
    const { output, force } = task.opts;
    const folder = writeArchiveFolder(
      { out: output, name: issueFolderName(built.issue), source: built.issue.source.sha256, force },
      built.files,
    );
    return { id: task.id, ok: true, folder, warnings: report.warnings.length, ms: performance.now() - t0 };
  } catch (e) {
    const message = e instanceof NewsprintError ? e.oneLine() : `${task.file}: internal error: ${(e as Error).message}`;
    return { id: task.id, ok: false, message, ms: performance.now() - t0 };
  }
}

process.on('message', (task: Task) => {
  void run(task).then((answer) => process.send!(answer));
});
// The main process went away (finished, or killed): close the browser and go.
process.on('disconnect', () => {
  void (browser?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
