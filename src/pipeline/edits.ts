/** An editor's edits file, applied to the issue recovered from its extraction (build, proof --serve). */
import { basename, join } from 'node:path';
import { archivedFile, EDITS_FILE } from '../check/archive.js';
import { applyEdits, type EditResult } from '../edits/apply.js';
import { isArchiveFolder } from '../io/archive-folder.js';
import { editsPathOf, type FoundEdits, parseEditsFile, readEditsFile } from '../io/edits-file.js';
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

/**
 * The edits of `input`: its edits file (`page.txt` → `page.edits.json`), or
 * for an archive folder without one beside it, the copy the folder keeps.
 */
export function findEdits(input: string): FoundEdits | null {
  const path = editsPathOf(input);
  const found = path ? readEditsFile(path) : null;
  if (found || !isArchiveFolder(input)) return found;
  const kept = archivedFile(input, EDITS_FILE);
  return kept ? parseEditsFile(kept, join(input, EDITS_FILE)) : null;
}

/** The issue of `input` with its edits applied when it has any, and the edits file's bytes. */
export function applyEditsFile(
  issue: Issue,
  input: string,
  report: Reporter,
): { issue: Issue; edits: Uint8Array | null } {
  const found = findEdits(input);
  if (!found) return { issue, edits: null };
  const name = displayName(found.path);
  if (found.edits.source.sha256 !== issue.source.sha256)
    report.warn(`${name}: made on another version of ${issue.source.file}; edits that no longer fit are reported`);
  const result = withEdits(issue, found.edits.edits, found.path, report);
  result.issue.source.edits = { file: basename(found.path), sha256: found.sha256, applied: result.applied };
  report.info(`applied ${result.applied} of ${found.edits.edits.length} edits from ${name}`);
  return { issue: result.issue, edits: found.bytes };
}
