import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../../types.js';
import { readTemplate } from '../inputs.js';
import { toJson } from '../io.js';
import type { Reporter } from '../report.js';
import { layoutStage, layoutSummary } from './layout.js';
import { recoverFile, summary } from './recover.js';
import { renderStage } from './render.js';

export interface BuildOptions {
  output: string;
  template: string;
  sheet?: boolean;
}

/** `2024-01-08-政教专刊`: the issue's folder in the archive. */
export function issueFolderName(issue: Issue): string {
  const section = (issue.masthead?.section ?? '').replace(/部?主办$/, '') || issue.source.file.replace(/\.[^.]*$/, '');
  return `${issue.masthead?.date ?? 'undated'}-${section}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/**
 * recover → layout → render, written as one folder that appears complete or
 * not at all: everything goes to a temporary folder renamed at the end.
 */
export async function buildCommand(file: string, opts: BuildOptions, report: Reporter): Promise<string> {
  const t0 = performance.now();
  const template = readTemplate(opts.template);
  const issue = report.time('recover', () => recoverFile(file));
  for (const w of issue.warnings) report.warn(`${file}: ${w.message}`);
  const layout = layoutStage(issue, template, report);
  const pdf = await renderStage(layout, false, report);
  const sheet = opts.sheet ? await renderStage(layout, true, report) : null;

  const folder = join(opts.output, issueFolderName(issue));
  const tmp = `${folder}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    writeFileSync(join(tmp, 'issue.json'), toJson(issue));
    writeFileSync(join(tmp, 'layout.json'), toJson(layout));
    writeFileSync(join(tmp, 'spread.pdf'), pdf);
    if (sheet) writeFileSync(join(tmp, 'spread-sheet.pdf'), sheet);
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    renameSync(tmp, folder);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  report.info(`built ${folder}/`);
  report.info(`  ${summary(issue)}`);
  report.info(`  ${layoutSummary(layout)}; spread.pdf ${(pdf.length / 1024).toFixed(0)} KB`);
  report.info(`  time: ${report.timings.map((s) => `${s.stage} ${s.ms.toFixed(0)} ms`).join(', ')}; total ${(performance.now() - t0).toFixed(0)} ms`);
  return folder;
}
