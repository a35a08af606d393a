import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTempDir } from '../../src/io/temp.js';
import { generatePage } from '../generator/page.js';
import { CLI } from '../paths.js';

const dir = runTempDir('batch');
const pages = join(dir, 'pages');
mkdirSync(pages);
for (let seed = 1; seed <= 6; seed++)
  writeFileSync(
    join(pages, `page-${seed}.txt`),
    generatePage(seed, { articles: [3, 6], chars: [4000, 7000], lead: 1 }).text,
  );
writeFileSync(join(pages, 'x-binary.txt'), new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0x80, 0]));
writeFileSync(join(pages, 'x-empty.txt'), '');

test('a folder with bad files in it: every good page gets its folder, only bad ones fail, a summary, exit 1', () => {
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, [CLI, 'build', pages, '-o', out, '--jobs', '2', '--no-proof'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 1, r.stderr);
  const folders = readdirSync(out);
  assert.equal(folders.length, 6, folders.join(' '));
  for (const f of folders)
    assert.deepEqual(readdirSync(join(out, f)).sort(), [
      'issue.json',
      'layout.json',
      'manifest.json',
      'page-1.png',
      'page-2.png',
      'source.txt',
      'spread.pdf',
    ]);
  assert.match(r.stderr, /\[8\/8\]/, 'progress, one line per input when not on a terminal');
  assert.match(
    r.stderr,
    /8 inputs in [\d.]+ s with 2 workers \([\d.]+ pages\/min\): 6 built \(\d+ with warnings\), 2 failed/,
  );
  assert.match(r.stderr, /x-binary\.txt: the file is binary data/);
  assert.match(r.stderr, /x-empty\.txt: the file is empty/);
});

test('Ctrl-C during a batch leaves no half-written folder', async () => {
  const out = join(dir, 'interrupted');
  const child = spawn(process.execPath, [CLI, 'build', pages, '-o', out, '--jobs', '2', '--no-proof'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Interrupt once the first page is done and others are being written.
  await new Promise<void>((resolve) => {
    const t = setInterval(() => {
      if (stderr.includes('[1/8]')) {
        clearInterval(t);
        child.kill('SIGINT');
        resolve();
      }
    }, 20);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 130);
  assert.match(stderr, /interrupted: no half-written folder left behind/);
  for (const f of existsSync(out) ? readdirSync(out) : []) {
    assert.ok(!f.startsWith('.newsprint-tmp'), `temporary folder left: ${f}`);
    assert.ok(existsSync(join(out, f, 'manifest.json')), `${f} is complete`);
  }
});
