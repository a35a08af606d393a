/**
 * Writing an issue's archive folder so that it is never lost: the new
 * folder is written whole beside the old one under a hidden name, then the
 * old one is moved aside and the new one renamed in, and only then is the
 * old one removed. A run killed part-way leaves hidden `.NAME.new-PID` or
 * `.NAME.old-PID` folders; the next run into the same output folder puts an
 * old one back where its name is empty and removes the rest.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { NewsprintError } from '../errors.js';
import { fsReason } from './files.js';
import { alive } from './temp.js';

export const MANIFEST = 'manifest.json';

/** A folder with a manifest: an issue's archive folder rather than a folder of extractions. */
export function isArchiveFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && lstatSync(join(path, MANIFEST)).isFile();
  } catch {
    return false;
  }
}

/** Longest folder name in UTF-8 bytes: file systems allow 255, and the hidden working names add about 20. */
const MAX_NAME_BYTES = 200;

/** A name safe as one path component: no separators, no control characters, not too long. */
export function safeFolderName(name: string): string {
  let safe = name.replace(/[\\/:*?"<>|\s\p{Cc}\p{Cf}]+/gu, '_').replace(/^\.+/, '_');
  while (Buffer.byteLength(safe) > MAX_NAME_BYTES) safe = [...safe].slice(0, -1).join('');
  return safe || '_';
}

const LEFTOVER = /^\.(.+)\.(new|old)-(\d+)$/;

/** Puts back or removes what killed runs left in `out` (of the processes `pids`, or of every process that is gone). */
export function sweepLeftovers(out: string, pids?: number[]): void {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch {
    return;
  }
  for (const entry of names) {
    const m = LEFTOVER.exec(entry);
    if (!m || (pids ? !pids.includes(Number(m[3])) : alive(Number(m[3])))) continue;
    const [, name, what] = m;
    const path = join(out, entry);
    try {
      if (what === 'old' && !existsSync(join(out, name!))) renameSync(path, join(out, name!));
      else rmSync(path, { recursive: true, force: true });
    } catch {
      // another run got there first
    }
  }
}

/** The source hash recorded in a folder's manifest, or null when the folder is not one newsprint wrote. */
function recordedSource(folder: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as { source?: { sha256?: unknown } };
    return typeof manifest.source?.sha256 === 'string' ? manifest.source.sha256 : null;
  } catch {
    return null;
  }
}

export interface ArchiveTarget {
  /** Folder that holds the issue folders. */
  out: string;
  name: string;
  /** sha256 of the input: a folder made from another input is not replaced without `force`. */
  source: string;
  force?: boolean;
}

/** Writes the folder `out/name` with `files`; returns its path. */
export function writeArchiveFolder(target: ArchiveTarget, files: Record<string, Uint8Array | string>): string {
  const { out, name } = target;
  const folder = join(out, name);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new NewsprintError(`cannot make the output folder (${fsReason(e, 'cannot write it')})`, out);
  }
  sweepLeftovers(out);
  let exists = false;
  try {
    const stat = lstatSync(folder);
    exists = true;
    if (!stat.isDirectory())
      throw new NewsprintError(
        'exists and is not a folder newsprint wrote; not replaced',
        folder,
        'move it away or choose another -o',
      );
    const recorded = recordedSource(folder);
    if (recorded === null)
      throw new NewsprintError(
        'exists and is not an archive folder newsprint wrote (no readable manifest.json); not replaced',
        folder,
        'move it away or choose another -o',
      );
    if (recorded !== target.source && !target.force)
      throw new NewsprintError(
        'already holds the archive of another input with the same date and section; not replaced',
        folder,
        'use --force to replace it, or another -o',
      );
  } catch (e) {
    if (e instanceof NewsprintError) throw e;
    // does not exist yet
  }
  const fresh = join(out, `.${name}.new-${process.pid}`);
  const aside = join(out, `.${name}.old-${process.pid}`);
  try {
    rmSync(fresh, { recursive: true, force: true });
    mkdirSync(fresh);
    for (const [file, data] of Object.entries(files)) writeFileSync(join(fresh, file), data);
    if (exists) renameSync(folder, aside);
    renameSync(fresh, folder);
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    if (exists && !existsSync(folder) && existsSync(aside)) renameSync(aside, folder);
    throw new NewsprintError(`cannot write the issue folder (${fsReason(e, 'cannot write it')})`, folder);
  }
  rmSync(aside, { recursive: true, force: true });
  return folder;
}
