/**
 * The edits file beside an extraction (`page.txt` → `page.edits.json`) or
 * an archive folder: found, read, validated, written.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { validateEdits } from '../schema.js';
import type { Edit, EditsFile } from '../types.js';
import { isArchiveFolder } from './archive-folder.js';
import { readInput, STDIO, toJson, writeAtomic } from './files.js';
import { parseJson } from './inputs.js';

/** Where the edits of an extraction live; null for standard input, which has no place beside it. */
export function editsPathOf(input: string): string | null {
  if (input === STDIO) return null;
  if (isArchiveFolder(input)) {
    // Beside the folder (`output/2024-01-08-政教专刊.edits.json`): the folder holds only what its manifest lists.
    // Named as the user named the folder; `.` or `..` has no name of its own, so its full path gives one.
    const trimmed = input.replace(/[\\/]+$/, '');
    const folder = ['', '.', '..'].includes(basename(trimmed)) ? resolve(input) : trimmed;
    return join(dirname(folder), `${basename(folder)}.edits.json`);
  }
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.edits.json`);
}

export interface FoundEdits {
  path: string;
  edits: EditsFile;
  bytes: Uint8Array;
  sha256: string;
}

/** An edits file's bytes, validated; `path` names it in messages. */
export function parseEditsFile(bytes: Uint8Array, path: string): FoundEdits {
  return {
    path,
    edits: validateEdits(parseJson(bytes, path), path),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The edits file, or null when there is none. */
export function readEditsFile(path: string): FoundEdits | null {
  return existsSync(path) ? parseEditsFile(readInput(path), path) : null;
}

export function writeEditsFile(path: string, source: EditsFile['source'], edits: Edit[]): void {
  const file: EditsFile = { schema: 'newsprint/edits@1', source, edits };
  validateEdits(file, path);
  writeAtomic(path, toJson(file));
}
