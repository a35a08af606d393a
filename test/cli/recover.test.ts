import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTempDir } from '../../src/io/temp.js';
import { encodeGb18030 } from '../helpers/gb18030.js';
import { CLI, SAMPLE } from '../paths.js';

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const dir = runTempDir('cli');

test('recover writes the issue to a file, and the same bytes every time', () => {
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  assert.equal(run('recover', SAMPLE, '-o', a).status, 0);
  assert.equal(run('recover', SAMPLE, '-o', b).status, 0);
  assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'));
  assert.equal(JSON.parse(readFileSync(a, 'utf8')).masthead.date, '2024-01-08');
});

test('recover writes JSON to stdout when no -o is given, and messages to stderr', () => {
  const r = run('recover', SAMPLE);
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).articles.length, 7);
});

test('GB18030 input reads the same as UTF-8', () => {
  const gbk = join(dir, 'gbk.txt');
  const utf8 = readFileSync(SAMPLE, 'utf8');
  writeFileSync(gbk, Buffer.from(new Uint8Array(encodeGb18030(utf8))));
  const r = run('recover', gbk);
  assert.equal(r.status, 0, r.stderr);
  const issue = JSON.parse(r.stdout);
  assert.equal(issue.source.encoding, 'gb18030');
  assert.deepEqual(
    issue.articles.map((a: { headline: string }) => a.headline),
    JSON.parse(run('recover', SAMPLE).stdout).articles.map((a: { headline: string }) => a.headline),
  );
});

/** Writes a file and gives its path. */
function written(path: string, data: string | Uint8Array): string {
  writeFileSync(path, data);
  return path;
}

for (const [name, make, message] of [
  ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file or directory/],
  ['an empty file', () => written(join(dir, 'empty.txt'), ''), /empty\.txt: the file is empty/],
  ['a directory', () => dir, /is a directory/],
  [
    'binary data',
    () => written(join(dir, 'bin.dat'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x80, 0])),
    /bin\.dat: the file is binary data/,
  ],
] as const) {
  test(`bad input, ${name}: one line naming the file, exit 1, no output file`, () => {
    const out = join(dir, `out-${name.replace(/\W/g, '')}.json`);
    const r = run('recover', make(), '-o', out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\s+at /, 'no stack trace');
    assert.ok(!readdirSync(dir).some((f) => f.startsWith(`out-${name.replace(/\W/g, '')}`)), 'no partial output');
  });
}

test('an output path that cannot be written: one line, exit 1', () => {
  const r = run('recover', SAMPLE, '-o', join(SAMPLE, 'cannot', 'issue.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /issue\.json: a part of the path is not a directory/);
});

test('a reader that stops early (`| head`) ends the output quietly: no EPIPE stack trace', () => {
  // `head -c 1` closes the pipe after one byte, while --help and recover are still writing.
  for (const args of [['--help'], ['recover', SAMPLE]]) {
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" ${args.map((a) => `"${a}"`).join(' ')} | head -c 1`],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /, args.join(' '));
  }
});
