import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTempDir } from '../../src/io/temp.js';
import { CLI, SAMPLE } from '../paths.js';

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const dir = runTempDir('build');

test('build writes one folder per issue with issue.json, layout.json and the PDFs, and a summary', () => {
  const r = run('build', SAMPLE, '-o', dir, '--sheet', '--no-proof');
  assert.equal(r.status, 0, r.stderr);
  const folder = join(dir, '2024-01-08-政教专刊');
  assert.deepEqual(readdirSync(folder).sort(), [
    'issue.json',
    'layout.json',
    'manifest.json',
    'page-1.png',
    'page-2.png',
    'source.txt',
    'spread-sheet.pdf',
    'spread.pdf',
  ]);
  assert.match(r.stderr, /8 items \(lead \+ 7 articles\)/);
  assert.match(r.stderr, /page 1 \d+\.\d % filled, page 2 \d+\.\d % filled/);
  assert.match(r.stderr, /time: recover \d+ ms, fonts \d+ ms, layout \d+ ms, render \d+ ms/);
  assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary folder left');
});

test('layout and render as separate steps give the same PDF as build', () => {
  const issue = join(dir, 'issue.json');
  const layout = join(dir, 'layout.json');
  const pdf = join(dir, 'steps.pdf');
  assert.equal(run('recover', SAMPLE, '-o', issue).status, 0);
  assert.equal(run('layout', issue, '-o', layout).status, 0);
  assert.equal(run('render', layout, '-o', pdf).status, 0);
  assert.deepEqual(readFileSync(pdf), readFileSync(join(dir, '2024-01-08-政教专刊', 'spread.pdf')));
});

test('bad inputs to layout and render: one line naming the file and the field, no output', () => {
  const bad = join(dir, 'bad-issue.json');
  writeFileSync(
    bad,
    JSON.stringify({
      schema: 'newsprint/issue@1',
      source: {},
      masthead: null,
      lead: null,
      articles: [],
      corrections: [],
      warnings: [],
    }),
  );
  let r = run('layout', bad, '-o', join(dir, 'x.json'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad-issue\.json: not a valid issue: field source must have required property 'file'/);
  assert.ok(!existsSync(join(dir, 'x.json')));

  writeFileSync(bad, '{ not json');
  r = run('render', bad, '-o', join(dir, 'x.pdf'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad-issue\.json: is not JSON/);
  assert.ok(!existsSync(join(dir, 'x.pdf')));

  r = run('build', SAMPLE, '-t', 'broadsheet-of-dreams', '-o', dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /broadsheet-of-dreams: unknown template \(choose one of: a3, tabloid/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
