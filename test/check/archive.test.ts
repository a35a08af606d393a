import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTempDir } from '../../src/io/temp.js';
import { CLI, SAMPLE } from '../paths.js';

const dir = runTempDir('archive');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const build = run('build', SAMPLE, '-o', dir, '--check');
const folder = join(dir, '2024-01-08-政教专刊');

test('build writes the archive folder: files, manifest (hashes, tool, template, fonts); --check passes', () => {
  assert.equal(build.status, 0, build.stderr);
  assert.match(build.stderr, /cross-engine check: 0\.0+ % of pixels unmatched.* pass/);
  assert.deepEqual(readdirSync(folder).sort(), [
    'issue.json',
    'layout.json',
    'manifest.json',
    'page-1.png',
    'page-2.png',
    'proof.pdf',
    'source.txt',
    'spread.pdf',
  ]);
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  assert.equal(manifest.template, 'tabloid');
  assert.match(manifest.tool.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(manifest.fonts.map((f: { role: string }) => f.role).sort(), ['bold', 'heavy', 'kai', 'song']);
  for (const f of manifest.fonts) assert.match(f.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.files.length, 7);
  for (const f of manifest.files) assert.match(f.sha256, /^[0-9a-f]{64}$/);
});

test('verify passes on a fresh folder', () => {
  const r = run('verify', folder);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

for (const name of [
  'issue.json',
  'layout.json',
  'spread.pdf',
  'proof.pdf',
  'page-2.png',
  'source.txt',
  'manifest.json',
]) {
  test(`verify fails, naming the file, when ${name} is altered`, () => {
    const copy = join(dir, `altered-${name}`);
    cpSync(folder, copy, { recursive: true });
    if (name === 'manifest.json') {
      const m = JSON.parse(readFileSync(join(copy, name), 'utf8'));
      m.files[0].sha256 = '0'.repeat(64);
      writeFileSync(join(copy, name), JSON.stringify(m));
    } else appendFileSync(join(copy, name), '\n');
    const r = run('verify', copy);
    assert.equal(r.status, 1);
    assert.match(
      r.stdout,
      new RegExp(
        name === 'manifest.json'
          ? 'issue\\.json: changed'
          : `${name.replace('.', '\\.')}: \\d+ bytes, the manifest says`,
      ),
    );
    rmSync(copy, { recursive: true, force: true });
  });
}

test('verify fails when the PDF no longer says what issue.json says, or a file is missing or added', () => {
  const copy = join(dir, 'edited');
  cpSync(folder, copy, { recursive: true });
  const issue = JSON.parse(readFileSync(join(copy, 'issue.json'), 'utf8'));
  issue.articles[0].paragraphs[0] += '鑫';
  writeFileSync(join(copy, 'issue.json'), JSON.stringify(issue));
  rmSync(join(copy, 'page-1.png'));
  writeFileSync(join(copy, 'notes.txt'), 'x');
  const r = run('verify', copy);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /spread\.pdf: its text lacks characters of issue\.json: 鑫-1/);
  assert.match(r.stdout, /page-1\.png: missing/);
  assert.match(r.stdout, /notes\.txt: not in the manifest/);
});
