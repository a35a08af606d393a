/**
 * Reading inputs and writing outputs, each failure one line naming the file.
 * `-` is standard input or output. Outputs are written whole or not at all,
 * and only ever replace a regular file: never a device, FIFO or socket.
 */
import type { Stats } from 'node:fs';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { InputError, NewsprintError } from '../errors.js';

/** Standard input or output when given as a path. */
export const STDIO = '-';

/** How a path is named in messages. */
export const displayName = (path: string): string => (path === STDIO ? 'standard input' : path);

/** What a non-regular file is, for the message refusing it. */
function kind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory, not a file';
  if (stat.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (stat.isSocket()) return 'a socket, not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}

/** Largest input read, in bytes: far beyond any page (the sample is 30 KB), small enough to fail fast. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a whole input. A FIFO, device or socket is refused before it is
 * opened (opening a FIFO for reading would wait for a writer for ever);
 * `-` reads standard input.
 */
export function readInput(path: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  if (path === STDIO) return readStdin(maxBytes);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new InputError(fsReason(e, 'cannot read it'), path);
  }
  if (!stat.isFile()) throw new InputError(`is ${kind(stat)}`, path);
  if (stat.size > maxBytes)
    throw new InputError(
      `is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB newsprint reads`,
      path,
    );
  let data: Buffer | null;
  try {
    data = readCheckedFile(path);
  } catch (e) {
    throw new InputError(fsReason(e, 'cannot read it'), path);
  }
  if (!data) throw new InputError('is not a regular file', path);
  return data;
}

/**
 * Reads a file a stat found regular, opened so that it cannot block should
 * it have become a FIFO since (O_NONBLOCK) and, with `noFollow`, not through
 * a symlink; null when what was opened is not a regular file after all.
 */
export function readCheckedFile(path: string, noFollow = false): Buffer | null {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0));
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd) : null;
  } finally {
    closeSync(fd);
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks for `ms` without spinning (for a non-blocking pipe that has nothing yet, or is full). */
const pause = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/** All of standard input, waiting on a non-blocking pipe rather than failing with EAGAIN. */
function readStdin(maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(1 << 16);
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(2);
        continue;
      }
      if (code === 'EOF') break;
      throw new InputError(fsReason(e, 'cannot read it'), displayName(STDIO));
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) throw new InputError(`is larger than ${maxBytes / 1024 / 1024} MB`, displayName(STDIO));
  }
  return Buffer.concat(chunks);
}

/** Refuses an output path that exists and is not a regular file (a device, FIFO, socket, folder or symlink to one). */
export function checkOutputPath(path: string): void {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return; // nothing there yet
  }
  if (!stat.isFile())
    throw new NewsprintError(
      `is ${kind(stat)}: newsprint only replaces regular files`,
      path,
      'choose another output path',
    );
}

/**
 * Writes a file so that it is either complete or absent: the data goes to a
 * temporary file beside it, which is renamed over the target when done.
 * `-` writes standard output.
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  if (path === STDIO) {
    writeStdout(data);
    return;
  }
  checkOutputPath(path);
  // A symlink is written through, never replaced by a file.
  let target = path;
  try {
    if (lstatSync(path).isSymbolicLink()) target = realpathSync(path);
  } catch {
    // does not exist yet
  }
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    rmSync(tmp, { force: true });
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written there
    }
    throw new NewsprintError(fsReason(e, 'cannot write it'), path);
  }
}

/**
 * Writes all of `data` to standard output synchronously, waiting while a
 * non-blocking pipe is full; a reader that went away (`| head`) ends the
 * writing quietly, as for any Unix tool.
 */
function writeStdout(data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(2);
      else if (code === 'EPIPE') return;
      else throw new NewsprintError(fsReason(e, 'cannot write it'), 'standard output');
    }
  }
}

export function fsReason(e: unknown, fallback: string): string {
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
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system';
    default:
      return `${fallback} (${code ?? (e as Error).message})`;
  }
}

/** Stable JSON: two-space indent and a final newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
