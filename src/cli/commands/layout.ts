import { loadMetrics } from '../../fonts/faces.js';
import { layoutIssue } from '../../layout/index.js';
import type { Issue, Layout, Template } from '../../types.js';
import { readIssue, readTemplate } from '../inputs.js';
import { toJson, writeAtomic } from '../io.js';
import type { Reporter } from '../report.js';

export function layoutStage(issue: Issue, template: Template, report: Reporter): Layout {
  const metrics = report.time('fonts', () => loadMetrics());
  return report.time('layout', () => layoutIssue(issue, template, metrics));
}

export function layoutCommand(file: string, opts: { template: string; output?: string }, report: Reporter): void {
  const issue = readIssue(file);
  const layout = layoutStage(issue, readTemplate(opts.template), report);
  const json = toJson(layout);
  if (opts.output) {
    writeAtomic(opts.output, json);
    report.info(`wrote ${opts.output}: ${layoutSummary(layout)}`);
  } else process.stdout.write(json);
}

export function layoutSummary(layout: Layout): string {
  const fills = layout.makeup.pages.map((p, i) => `page ${i + 1} ${(p.fill * 100).toFixed(1)} % filled`).join(', ');
  return `${layout.pages.length} pages, body ${layout.makeup.bodySize} pt in ${layout.makeup.columns} columns of ${layout.makeup.measureEm} em, ${fills}`;
}
