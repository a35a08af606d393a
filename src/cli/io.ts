import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError, NewsprintError } from '../errors.js';

/** Reads a whole input file, turning every failure into a one-line message naming the file. */
export function readInput(path: string): Uint8Array {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new InputError(fsReason(e, 'cannot read it'), path);
  }
  if (stat.isDirectory()) throw new InputError('is a directory, not a file', path);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(fsReason(e, 'cannot read it'), path);
  }
}

/**
 * Writes a file so that it is either complete or absent: the data goes to a
 * temporary file beside it, which is renamed over the target when done.
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    throw new NewsprintError(fsReason(e, 'cannot write it'), path);
  }
}

function fsReason(e: unknown, fallback: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return `${fallback} (${code ?? (e as Error).message})`;
  }
}

/** Stable JSON: two-space indent and a final newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
