/** An editor's edits file, applied to the issue recovered from its extraction (build, proof --serve). */
import { basename } from 'node:path';
import { applyEdits, type EditResult } from '../edits/apply.js';
import { editsPathOf, readEditsFile } from '../io/edits-file.js';
import { displayName } from '../io/files.js';
import type { Edit, Issue } from '../types.js';
import type { Reporter } from './report.js';

/** One line for an edit that did not apply. */
const misfitLine = (file: string, f: EditResult['failed'][number]) =>
  `${file}: edit ${f.index + 1} (${f.edit.op}) not applied: ${f.reason}`;

/** The issue with `edits` applied; each edit that did not apply is reported, named after the edits file. */
export function withEdits(issue: Issue, edits: Edit[], editsFile: string, report: Reporter): EditResult {
  const result = applyEdits(issue, edits);
  for (const f of result.failed) report.warn(misfitLine(displayName(editsFile), f));
  return result;
}

/** The issue of `input` with its edits file applied when there is one (`page.txt` → `page.edits.json`). */
export function applyEditsFile(issue: Issue, input: string, report: Reporter): Issue {
  const path = editsPathOf(input);
  const found = path ? readEditsFile(path) : null;
  if (!path || !found) return issue;
  const name = displayName(path);
  if (found.edits.source.sha256 !== issue.source.sha256)
    report.warn(`${name}: made on another version of ${issue.source.file}; edits that no longer fit are reported`);
  const result = withEdits(issue, found.edits.edits, path, report);
  result.issue.source.edits = { file: basename(path), sha256: found.sha256, applied: result.applied };
  report.info(`applied ${result.applied} of ${found.edits.edits.length} edits from ${name}`);
  return result.issue;
}
