/** Stage 2: issue + template → layout, with the fonts' metrics. */
import { about } from '../errors.js';
import { loadMetrics } from '../fonts/faces.js';
import { layoutIssue, refuseTextThatCannotFit } from '../layout/index.js';
import type { Issue, Layout, Template } from '../types.js';
import type { TextCheck } from './recover.js';
import type { Reporter } from './report.js';

/** `file`: what the user gave (the issue.json, or the extraction it was recovered from), named in errors. */
export function layoutStage(issue: Issue, template: Template, report: Reporter, file: string): Layout {
  const metrics = report.time('fonts', () => loadMetrics());
  try {
    return report.time('layout', () => layoutIssue(issue, template, metrics));
  } catch (e) {
    throw about(e, file);
  }
}

/** An extraction's text checked before it is recovered: refused where no layout on the template could hold it. */
export const fitsTemplate =
  (template: Template): TextCheck =>
  (text) =>
    refuseTextThatCannotFit(text, template);
