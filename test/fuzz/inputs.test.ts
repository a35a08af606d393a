/**
 * Seeded fuzzing of the files a user may hand-edit: templates, layout.json and an archive's manifest.json.
 * One to three values of a real one are changed (numbers made zero, negative,
 * huge, tiny or scaled; values turned into another type; keys dropped or
 * added). Each mutant is refused with one clear line, or it is used, and then
 * the layout keeps every invariant and the PDF is written; never a crash,
 * never NaN in a PDF. FUZZ_SCALE=10 runs ten times the cases.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyFolder } from '../../src/check/archive.js';
import { InvariantError, NewsprintError } from '../../src/errors.js';
import { loadFaces, loadMetrics } from '../../src/fonts/faces.js';
import { writeArchiveFolder } from '../../src/io/archive-folder.js';
import { layoutIssue } from '../../src/layout/index.js';
import { buildFiles, quietReporter } from '../../src/pipeline/index.js';
import { recoverBytes } from '../../src/recover/index.js';
import { renderLayout } from '../../src/render/index.js';
import { validateLayout, validateTemplate } from '../../src/schema.js';
import { jiebaWords } from '../../src/text/segmenter.js';
import { Random } from '../generator/random.js';
import { ROOT, SAMPLE } from '../paths.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TEMPLATE_CASES = 40 * SCALE;
const LAYOUT_CASES = 60 * SCALE;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths to every value of a JSON tree (leaves and containers alike). */
function pathsOf(v: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => pathsOf(x, [...at, i]))];
  if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]))];
  return [at];
}

const REPLACEMENTS: Array<(r: Random, old: Json) => Json | undefined> = [
  (_, old) => (typeof old === 'number' ? 0 : old),
  (_, old) => (typeof old === 'number' ? -old : old),
  (_, old) => (typeof old === 'number' ? old * 1e6 : old),
  (_, old) => (typeof old === 'number' ? old * 1e-6 : old),
  (r, old) => (typeof old === 'number' ? old * r.pick([0.1, 0.5, 2, 10]) : old),
  () => 'x',
  () => null,
  () => [],
  () => ({}),
  () => 1e308,
  () => undefined, // the key dropped
];

/** The value with one to three of its parts changed (an unknown key added now and then). */
function mutant(value: Json, r: Random): { value: Json; what: string[] } {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const what: string[] = [];
  for (let n = r.int(1, 3); n > 0; n--) {
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    const path = r.pick(paths);
    const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k]!, copy) as Record<
      string,
      Json
    >;
    const key = path.at(-1)!;
    const next = r.pick(REPLACEMENTS)(r, parent[key]!);
    if (next === undefined) delete parent[key];
    else parent[key] = next;
    what.push(`${path.join('.')} = ${JSON.stringify(next)}`);
  }
  if (r.chance(0.1) && copy && typeof copy === 'object' && !Array.isArray(copy)) {
    copy.unknownKey = 1;
    what.push('unknownKey added');
  }
  // As a file holds it: a dropped array element reads back as null, never as a hole.
  return { value: JSON.parse(JSON.stringify(copy)) as Json, what };
}

/** Runs fn: a NewsprintError is a clear refusal; anything else, or a broken invariant, fails the test. */
async function clearly<T>(name: string, fn: () => T | Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof InvariantError) assert.fail(`${name}: invariant broken: ${e.message}`);
    if (!(e instanceof NewsprintError)) assert.fail(`${name}: crashed: ${(e as Error).stack}`);
    assert.ok(e.oneLine().length > 10 && !e.oneLine().includes('\n'), `${name}: unclear message`);
    return null;
  }
}

const metrics = loadMetrics();
const issue = recoverBytes(readFileSync(SAMPLE), { file: 'sample.txt', words: jiebaWords });
const tabloid = JSON.parse(readFileSync(join(ROOT, 'templates', 'tabloid.json'), 'utf8')) as Json;

test(`${TEMPLATE_CASES} mutated templates: refused in one line, or a layout that keeps every invariant`, async () => {
  const r = new Random(2026);
  let used = 0;
  for (let k = 0; k < TEMPLATE_CASES; k++) {
    const { value, what } = mutant(tabloid, r);
    const name = `template ${k} (${what.join('; ')})`;
    const template = await clearly(name, () => validateTemplate(value, 'mutant.json'));
    if (template && (await clearly(name, () => layoutIssue(issue, template, metrics)))) used++;
  }
  console.log(`templates: ${used} of ${TEMPLATE_CASES} laid out, the rest refused`);
  assert.ok(used < TEMPLATE_CASES, 'some mutants must be refused');
});

test(`${LAYOUT_CASES} mutated layout.json files: refused in one line, or a PDF with no NaN in it`, async () => {
  const faces = loadFaces();
  const layout = JSON.parse(JSON.stringify(layoutIssue(issue, validateTemplate(tabloid, 'tabloid.json'), metrics)));
  const r = new Random(2027);
  let rendered = 0;
  for (let k = 0; k < LAYOUT_CASES; k++) {
    const { value, what } = mutant(layout as Json, r);
    const name = `layout ${k} (${what.join('; ')})`;
    const checked = await clearly(name, () => validateLayout(value, 'mutant-layout.json'));
    const pdf = checked && (await clearly(name, () => renderLayout(checked, faces)));
    if (pdf) {
      rendered++;
      assert.ok(!/NaN|Infinity/.test(Buffer.from(pdf).toString('latin1')), `${name}: NaN or Infinity in the PDF`);
    }
  }
  console.log(`layouts: ${rendered} of ${LAYOUT_CASES} rendered, the rest refused`);
  assert.ok(rendered > 0 && rendered < LAYOUT_CASES);
});

const MANIFEST_CASES = 40 * SCALE;
/** Names a hostile manifest may give a file: outside the folder, absolute, a device, the folder itself. */
const HOSTILE_PATHS = ['../../../../etc/passwd', '/etc/hostname', '/dev/zero', '.', '', 'a/../../b', 'page-1.png/'];

test(`${MANIFEST_CASES} mutated manifests: verify says what is wrong in one line each, never crashes`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-fuzz-manifest-'));
  const built = await buildFiles(SAMPLE, { template: 'tabloid', proof: false }, quietReporter());
  const folder = writeArchiveFolder({ out: dir, name: 'issue', source: built.issue.source.sha256 }, built.files);
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Json;
  const r = new Random(2028);
  let failed = 0;
  try {
    for (let k = 0; k < MANIFEST_CASES; k++) {
      const { value, what } = mutant(manifest, r);
      // Now and then a file entry points somewhere it must not.
      const files = (value as { files?: Json }).files;
      let hostile = false;
      if (Array.isArray(files) && files.length && r.chance(0.3)) {
        const entry = files[r.int(0, files.length - 1)];
        const path = r.pick(HOSTILE_PATHS);
        if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
          entry.path = path;
          hostile = true;
        }
        what.push(`a file's path = ${JSON.stringify(path)}`);
      }
      writeFileSync(manifestPath, JSON.stringify(value));
      const name = `manifest ${k} (${what.join('; ')})`;
      const problems = await clearly(name, () => verifyFolder(folder));
      if (problems === null) continue;
      for (const p of problems) assert.ok(p.length > 0 && !p.includes('\n'), `${name}: problem not one line: ${p}`);
      if (hostile) assert.ok(problems.length > 0, `${name}: a path out of the folder verified`);
      if (problems.length) failed++;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`manifests: ${failed} of ${MANIFEST_CASES} reported problems, the rest verified`);
  assert.ok(failed > 0);
});
