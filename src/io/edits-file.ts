/** The edits file beside an extraction (`page.txt` → `page.edits.json`): found, read, validated, written. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { validateEdits } from '../schema.js';
import type { Edit, EditsFile } from '../types.js';
import { readInput, STDIO, toJson, writeAtomic } from './files.js';
import { parseJson } from './inputs.js';

/** Where the edits of an extraction live; null for standard input, which has no place beside it. */
export function editsPathOf(input: string): string | null {
  if (input === STDIO) return null;
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.edits.json`);
}

/** The edits file and its hash, or null when there is none. */
export function readEditsFile(path: string): { edits: EditsFile; sha256: string } | null {
  if (!existsSync(path)) return null;
  const bytes = readInput(path);
  return {
    edits: validateEdits(parseJson(bytes, path), path),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export function writeEditsFile(path: string, source: EditsFile['source'], edits: Edit[]): void {
  const file: EditsFile = { schema: 'newsprint/edits@1', source, edits };
  validateEdits(file, path);
  writeAtomic(path, toJson(file));
}
