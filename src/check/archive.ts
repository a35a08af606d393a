/**
 * An issue's archive folder and its manifest: every file with its size and
 * sha256, the tool version, the template and the fonts (with the versions of
 * their packages), so the folder can be verified years later.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { Face } from '../fonts/faces.js';
import { diffCounts, issueHan } from '../recover/invariants.js';
import { validateIssue } from '../schema.js';
import { hanCounts } from '../text/chars.js';
import type { FaceRole, Issue } from '../types.js';
import { pdfText } from './text.js';

export interface Manifest {
  schema: 'newsprint/manifest@1';
  tool: { name: 'newsprint'; version: string };
  source: Issue['source'];
  issue: { section: string; date: string | null; items: number };
  template: string;
  fonts: Array<{ role: FaceRole; family: string; style: string; package: string; version: string; license: string }>;
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export const MANIFEST = 'manifest.json';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export function makeManifest(o: { version: string; issue: Issue; template: string; faces: Record<FaceRole, Face>; files: Record<string, Uint8Array | string> }): Manifest {
  return {
    schema: 'newsprint/manifest@1',
    tool: { name: 'newsprint', version: o.version },
    source: o.issue.source,
    issue: { section: o.issue.masthead?.section ?? '', date: o.issue.masthead?.date ?? null, items: o.issue.articles.length + (o.issue.lead ? 1 : 0) },
    template: o.template,
    fonts: (Object.values(o.faces) as Face[]).map((f) => ({ role: f.role, family: f.spec.family, style: f.spec.style, package: f.spec.package, version: f.version, license: f.spec.license })),
    files: Object.entries(o.files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, data]) => ({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length, sha256: sha256(data) })),
  };
}

/** What is wrong with an archive folder, one line per problem naming the file; empty when it verifies. */
export async function verifyFolder(dir: string): Promise<string[]> {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError('is not a folder', dir);
  if (!existsSync(manifestPath)) throw new InputError(`has no ${MANIFEST}: not an archive folder written by newsprint build`, dir);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (e) {
    return [`${MANIFEST}: is not JSON (${(e as Error).message})`];
  }
  if (manifest.schema !== 'newsprint/manifest@1' || !Array.isArray(manifest.files)) return [`${MANIFEST}: not a newsprint manifest`];
  const problems: string[] = [];
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    if (!existsSync(path)) {
      problems.push(`${f.path}: missing`);
      continue;
    }
    const data = readFileSync(path);
    if (data.length !== f.bytes) problems.push(`${f.path}: ${data.length} bytes, the manifest says ${f.bytes}`);
    else if (sha256(data) !== f.sha256) problems.push(`${f.path}: changed (sha256 differs from the manifest)`);
  }
  const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST]);
  for (const name of readdirSync(dir)) if (!listed.has(name)) problems.push(`${name}: not in the manifest`);
  // The spread still says what the issue says.
  const issuePath = join(dir, 'issue.json');
  const pdfPath = join(dir, 'spread.pdf');
  if (existsSync(issuePath) && existsSync(pdfPath)) {
    try {
      const issue = validateIssue(JSON.parse(readFileSync(issuePath, 'utf8')), issuePath);
      const inPdf = hanCounts((await pdfText(readFileSync(pdfPath), pdfPath)).join(''));
      const missing = diffCounts(issueHan(issue), inPdf).filter((d) => d.includes('-'));
      if (missing.length) problems.push(`spread.pdf: its text lacks characters of issue.json: ${missing.slice(0, 10).join(' ')}${missing.length > 10 ? ' …' : ''}`);
    } catch (e) {
      problems.push(`${(e as Error).message.includes('issue') ? 'issue.json' : 'spread.pdf'}: ${(e as Error).message}`);
    }
  }
  return problems;
}
