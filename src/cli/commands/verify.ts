import { verifyFolder } from '../../check/archive.js';
import { printable } from '../../errors.js';
import { count } from '../../pipeline/index.js';
import type { Reporter } from '../../pipeline/report.js';

/** Exit 0 when the folder verifies, 1 when anything in it differs (each problem on its own line, naming the file). */
export async function verifyCommand(dir: string, opts: { json?: boolean }, report: Reporter): Promise<number> {
  const problems = await verifyFolder(dir);
  const shown = printable(dir);
  if (opts.json) process.stdout.write(`${JSON.stringify({ folder: dir, ok: problems.length === 0, problems })}\n`);
  else for (const p of problems) process.stdout.write(`${shown}/${p}\n`);
  report.info(
    problems.length
      ? `${shown}: ${count(problems.length, 'problem')}`
      : `${shown}: every file matches its manifest, and the PDF's text matches issue.json`,
  );
  return problems.length ? 1 : 0;
}
