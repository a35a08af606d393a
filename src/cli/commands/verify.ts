import { verifyFolder } from '../../check/archive.js';
import type { Reporter } from '../report.js';

/** Exit 0 when the folder verifies, 1 when anything in it differs (each problem on its own line, naming the file). */
export async function verifyCommand(dir: string, report: Reporter): Promise<number> {
  const problems = await verifyFolder(dir);
  for (const p of problems) process.stdout.write(`${dir}/${p}\n`);
  report.info(problems.length ? `${dir}: ${problems.length} problem(s)` : `${dir}: every file matches its manifest, and the PDF's text matches issue.json`);
  return problems.length ? 1 : 0;
}
