/**
 * An issue's archive folder and its manifest: every file with its size and
 * sha256, the tool version, the template and the fonts (with the versions of
 * their packages), so the folder can be verified years later.
 */

import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError, NewsprintError, printable } from '../errors.js';
import type { Face } from '../fonts/faces.js';
import { MANIFEST } from '../io/archive-folder.js';
import { readCheckedFile } from '../io/files.js';
import { ENCODINGS, type Encoding } from '../recover/decode.js';
import { validateIssue } from '../schema.js';
import { hanCounts } from '../text/chars.js';
import { diffCounts, issueHan } from '../text/han.js';
import type { FaceRole, Issue } from '../types.js';

export interface Manifest {
  schema: 'newsprint/manifest@1';
  tool: { name: 'newsprint'; version: string };
  source: Issue['source'];
  issue: { section: string; date: string | null; items: number };
  template: string;
  fonts: Array<{ role: FaceRole; family: string; style: string; package: string; version: string; license: string }>;
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export function makeManifest(o: {
  version: string;
  issue: Issue;
  template: string;
  faces: Record<FaceRole, Face>;
  files: Record<string, Uint8Array | string>;
}): Manifest {
  return {
    schema: 'newsprint/manifest@1',
    tool: { name: 'newsprint', version: o.version },
    source: o.issue.source,
    issue: {
      section: o.issue.masthead?.section ?? '',
      date: o.issue.masthead?.date ?? null,
      items: o.issue.articles.length + (o.issue.lead ? 1 : 0),
    },
    template: o.template,
    fonts: (Object.values(o.faces) as Face[]).map((f) => ({
      role: f.role,
      family: f.spec.family,
      style: f.spec.style,
      package: f.spec.package,
      version: f.version,
      license: f.spec.license,
    })),
    files: Object.entries(o.files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, data]) => ({
        path,
        bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
        sha256: sha256(data),
      })),
  };
}

/** Largest file verify reads: far beyond any archive file (the sample's largest is 0.7 MB). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** A file name inside the folder: archive folders are flat, so no separators, no `.` or `..`. */
const isPlainName = (p: unknown): p is string =>
  typeof p === 'string' && p !== '' && p !== '.' && p !== '..' && !/[/\\\0]/.test(p);

type Entry = Manifest['files'][number];

/** The manifest's entries, or the one-line reason it is not a newsprint manifest. */
function manifestEntries(value: unknown): Entry[] | string {
  const m = value as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.schema !== 'newsprint/manifest@1')
    return 'not a newsprint manifest (schema must be "newsprint/manifest@1")';
  if (!Array.isArray(m.files)) return 'field files must be an array';
  for (const [i, f] of m.files.entries()) {
    const e = f as Partial<Entry> | null;
    if (!e || typeof e !== 'object') return `field files.${i} must be an object`;
    if (!isPlainName(e.path))
      return `field files.${i}.path ${JSON.stringify(e.path)} is not a file name inside the folder`;
    if (!Number.isSafeInteger(e.bytes) || e.bytes! < 0) return `field files.${i}.bytes must be a whole number of bytes`;
    if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256))
      return `field files.${i}.sha256 must be 64 hex digits`;
  }
  return m.files as Entry[];
}

/**
 * Reads a regular file of the folder, never following a symlink and never
 * opening a device or FIFO; a problem is returned as a line instead.
 */
function readRegular(dir: string, name: string, expectBytes?: number, limit = MAX_FILE_BYTES): Buffer | string {
  const path = join(dir, name);
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return 'missing';
  }
  if (stat.isSymbolicLink()) return 'is a symbolic link; verify does not follow links out of the folder';
  if (!stat.isFile())
    return stat.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a device, FIFO or socket)';
  if (expectBytes !== undefined && stat.size !== expectBytes)
    return `${stat.size} bytes, the manifest says ${expectBytes}`;
  if (stat.size > limit) return `${stat.size} bytes, more than verify reads (${limit})`;
  try {
    return readCheckedFile(path, true) ?? 'is not a regular file';
  } catch (e) {
    return `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
}

/** The extraction an issue was built from, kept in its folder byte for byte: a proof or a rebuild starts from it. */
export const SOURCE_FILE = 'source.txt';
/** A copy of the editor's edits the issue was built with, so the folder alone rebuilds the same issue. */
export const EDITS_FILE = 'edits.json';

export interface ArchivedSource {
  bytes: Buffer;
  /** The extraction's own file name, as recorded when the folder was built. */
  name: string;
  /** Its recorded encoding, when it is one newsprint reads. */
  encoding?: Encoding;
}

type ReadManifest = { entries: Entry[]; source: Partial<Manifest['source']> };

/** The manifest's entries and source, or the one-line problem with it; a folder without one is not an archive. */
function readManifest(dir: string): ReadManifest | string {
  const raw = readRegular(dir, MANIFEST, undefined, MAX_MANIFEST_BYTES);
  if (raw === 'missing')
    throw new InputError(`has no ${MANIFEST}: not an archive folder written by newsprint build`, dir);
  if (typeof raw === 'string') return `${MANIFEST}: ${raw}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    return `${MANIFEST}: is not JSON (${(e as Error).message})`;
  }
  const entries = manifestEntries(parsed);
  if (typeof entries === 'string') return `${MANIFEST}: ${entries}`;
  const source = (parsed as { source?: unknown }).source;
  return { entries, source: source && typeof source === 'object' ? source : {} };
}

/** The manifest of a folder a file is to be taken from: a problem with it stops the command. */
function manifestOf(dir: string): ReadManifest {
  const m = readManifest(dir);
  if (typeof m === 'string') throw new InputError(m, dir);
  return m;
}

/** A file kept in an archive folder, checked against the folder's manifest; null when the manifest lists none. */
export function archivedFile(dir: string, name: string, manifest = manifestOf(dir)): Buffer | null {
  const entry = manifest.entries.find((f) => f.path === name);
  if (!entry) return null;
  const data = readRegular(dir, name, entry.bytes);
  if (typeof data === 'string') throw new InputError(`${name} ${data}`, dir);
  if (sha256(data) !== entry.sha256)
    throw new InputError(`${name} changed since the folder was built (sha256 differs from the manifest)`, dir);
  return data;
}

/** The extraction kept in an archive folder, checked against the folder's manifest. */
export function archivedSource(dir: string): ArchivedSource {
  const manifest = manifestOf(dir);
  const bytes = archivedFile(dir, SOURCE_FILE, manifest);
  if (!bytes)
    throw new InputError(
      `keeps no extraction (${SOURCE_FILE}): it was built from an issue.json or by an older newsprint`,
      dir,
      'build it again from its extraction text',
    );
  const { source } = manifest;
  const recorded = typeof source.file === 'string' ? basename(source.file) : '';
  return {
    bytes,
    name: recorded || SOURCE_FILE,
    encoding: (ENCODINGS as readonly unknown[]).includes(source.encoding) ? (source.encoding as Encoding) : undefined,
  };
}

/** What is wrong with an archive folder, one line per problem naming the file; empty when it verifies. */
export async function verifyFolder(dir: string): Promise<string[]> {
  let stat: Stats;
  try {
    stat = statSync(dir);
  } catch {
    throw new InputError('no such folder', dir);
  }
  if (!stat.isDirectory()) throw new InputError('is not a folder', dir);
  const manifest = readManifest(dir);
  if (typeof manifest === 'string') return [manifest];
  const { entries } = manifest;
  const problems: string[] = [];
  const read = new Map<string, Buffer>();
  for (const f of entries) {
    const data = readRegular(dir, f.path, f.bytes);
    if (typeof data === 'string') problems.push(`${f.path}: ${data}`);
    else if (sha256(data) !== f.sha256) problems.push(`${f.path}: changed (sha256 differs from the manifest)`);
    if (typeof data !== 'string') read.set(f.path, data);
  }
  // issue.json and spread.pdf are read for the text check even when their size changed (still regular, bounded).
  for (const name of ['issue.json', 'spread.pdf'])
    if (!read.has(name)) {
      const data = readRegular(dir, name);
      if (typeof data !== 'string') read.set(name, data);
    }
  const listed = new Set([...entries.map((f) => f.path), MANIFEST]);
  for (const name of readdirSync(dir).sort()) if (!listed.has(name)) problems.push(`${name}: not in the manifest`);
  // The spread still says what the issue says.
  const issueData = read.get('issue.json');
  const pdfData = read.get('spread.pdf');
  if (issueData && pdfData) {
    let issue: Issue | null = null;
    try {
      issue = validateIssue(JSON.parse(issueData.toString('utf8')), 'issue.json');
    } catch (e) {
      problems.push(`issue.json: ${e instanceof NewsprintError ? e.message : `is not JSON (${(e as Error).message})`}`);
    }
    if (issue) {
      try {
        // pdf.js is loaded here only: `build` writes manifests without reading a PDF back.
        const { pdfText } = await import('./text.js');
        const inPdf = hanCounts((await pdfText(pdfData, 'spread.pdf')).join(''));
        const missing = diffCounts(issueHan(issue), inPdf).filter((d) => d.includes('-'));
        if (missing.length)
          problems.push(
            `spread.pdf: its text lacks characters of issue.json: ` +
              `${missing.slice(0, 10).join(' ')}${missing.length > 10 ? ' …' : ''}`,
          );
      } catch (e) {
        problems.push(`spread.pdf: ${e instanceof NewsprintError ? e.message : (e as Error).message}`);
      }
    }
  }
  return problems.map(printable);
}
