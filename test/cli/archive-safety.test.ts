/**
 * Hostile and unlucky input: verify stays inside its folder, outputs never replace what they should not, kills lose
 * nothing.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTempDir } from '../../src/io/temp.js';
import { generatePage } from '../generator/page.js';
import { CLI, SAMPLE } from '../paths.js';

const dir = runTempDir('safety');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const sample = readFileSync(SAMPLE, 'utf8');
const FOLDER = '2024-01-08-政教专刊';

const built = join(dir, 'built');
const first = run('build', SAMPLE, '-o', built, '--no-proof');
assert.equal(first.status, 0, first.stderr);
const folder = join(built, FOLDER);

/** A copy of the sample's archive folder with its manifest changed by `edit`. */
function withManifest(name: string, edit: (m: { files: Array<Record<string, unknown>> }) => void): string {
  const copy = join(dir, name);
  cpSync(folder, copy, { recursive: true });
  const m = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  edit(m);
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(m));
  return copy;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('verify never leaves the folder: ../ paths, absolute paths, symlinks, FIFOs, devices refused unread', () => {
  const passwd = '/etc/passwd';
  const out = withManifest('escape', (m) => {
    m.files.push({ path: '../../../../etc/passwd', bytes: statSync(passwd).size, sha256: sha(passwd) });
  });
  let r = run('verify', out);
  assert.equal(r.status, 1);
  assert.match(
    r.stdout,
    /manifest\.json: field files\.\d+\.path "(\.\.\/){4}etc\/passwd" is not a file name inside the folder/,
  );

  const absolute = withManifest('absolute', (m) =>
    m.files.push({ path: '/dev/zero', bytes: 0, sha256: '0'.repeat(64) }),
  );
  r = run('verify', absolute);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /"\/dev\/zero" is not a file name inside the folder/);

  const linked = join(dir, 'linked');
  cpSync(folder, linked, { recursive: true });
  rmSync(join(linked, 'page-1.png'));
  symlinkSync('/etc/hostname', join(linked, 'page-1.png'));
  r = run('verify', linked);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /page-1\.png: is a symbolic link/);

  const fifo = join(dir, 'fifo');
  cpSync(folder, fifo, { recursive: true });
  rmSync(join(fifo, 'page-2.png'));
  execFileSync('mkfifo', [join(fifo, 'page-2.png')]);
  r = run('verify', fifo);
  assert.equal(r.status, 1, 'answers, does not hang');
  assert.match(r.stdout, /page-2\.png: is not a regular file/);

  const folderIssue = join(dir, 'issue-folder');
  cpSync(folder, folderIssue, { recursive: true });
  rmSync(join(folderIssue, 'issue.json'));
  mkdirSync(join(folderIssue, 'issue.json'));
  r = run('verify', folderIssue);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /issue\.json: is a folder, not a file/);
});

test('verify: manifest entries of the wrong shape are one line each, exit 1, never a crash', () => {
  for (const [name, entry] of [
    ['number', 123],
    ['null', null],
    ['dot', { path: '.', bytes: 0, sha256: '0'.repeat(64) }],
  ] as const) {
    const copy = withManifest(`bad-${name}`, (m) => m.files.push(entry as never));
    const r = run('verify', copy);
    assert.equal(r.status, 1, `${name}: ${r.stderr}`);
    assert.match(r.stdout, /manifest\.json: field files\.\d+/);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
});

test('-o never replaces a device, FIFO or folder', () => {
  const r = run('recover', SAMPLE, '-o', '/dev/null');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\/dev\/null: is a device, not a regular file/);
  assert.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still a device');
  const fifo = join(dir, 'out.fifo');
  execFileSync('mkfifo', [fifo]);
  const f = run('render', join(folder, 'layout.json'), '-o', fifo);
  assert.equal(f.status, 1);
  assert.ok(statSync(fifo).isFIFO());
  const blocker = join(dir, 'blocker');
  mkdirSync(join(blocker, FOLDER), { recursive: true });
  writeFileSync(join(blocker, FOLDER, 'mine.txt'), 'not newsprint');
  const b = run('build', SAMPLE, '-o', blocker, '--no-proof');
  assert.equal(b.status, 1);
  assert.match(b.stderr, /is not an archive folder newsprint wrote/);
  assert.ok(existsSync(join(blocker, FOLDER, 'mine.txt')));
});

test('two inputs with the same date and section never replace each other silently; --force does', () => {
  const out = join(dir, 'twins');
  assert.equal(run('build', SAMPLE, '-o', out, '--no-proof').status, 0);
  const other = join(dir, 'other.txt');
  writeFileSync(other, sample.replace('岚县人大常委会认真履行', '岚县人大常委会切实履行'));
  const r = run('build', other, '-o', out, '--no-proof');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /already holds the archive of another input.*--force/);
  assert.equal(run('build', other, '-o', out, '--no-proof', '--force').status, 0);
  assert.match(readFileSync(join(out, FOLDER, 'issue.json'), 'utf8'), /切实履行/);
  assert.deepEqual(readdirSync(out), [FOLDER], 'no leftovers');
});

test('a leftover of a killed run is put back or removed by the next run', () => {
  const out = join(dir, 'leftovers');
  assert.equal(run('build', SAMPLE, '-o', out, '--no-proof').status, 0);
  // A run killed between moving the old folder aside and renaming the new one in (pid 999999 is gone).
  renameSync(join(out, FOLDER), join(out, `.${FOLDER}.old-999999`));
  mkdirSync(join(out, `.${FOLDER}.new-999998`));
  const r = run('build', SAMPLE, '-o', out, '--no-proof');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(out), [FOLDER]);
  assert.equal(run('verify', join(out, FOLDER)).status, 0);
});

/** Chromium processes whose command line names `marker`. */
const browsers = (marker: string) =>
  spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);

test(
  'kill -9 at any moment of a build: the old archive or the new one, complete; no browser left; the ' +
    'next run cleans up',
  async () => {
    const out = join(dir, 'killed');
    assert.equal(run('build', SAMPLE, '-o', out, '--no-proof').status, 0);
    for (const ms of [150, 400, 800, 1200, 1600, 2000, 2500, 3000, 3600]) {
      const child = spawn(process.execPath, [CLI, 'build', SAMPLE, '-o', out], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, ms));
      child.kill('SIGKILL');
      await exited;
      await new Promise((resolve) => setTimeout(resolve, 300)); // a browser sees its pipe close
      assert.deepEqual(
        browsers(`newsprint-run-${child.pid}-`),
        [],
        `no browser of run ${child.pid} left (killed at ${ms} ms)`,
      );
      const entries = readdirSync(out);
      const complete = entries.includes(FOLDER) && run('verify', join(out, FOLDER)).status === 0;
      const aside = entries.some((e) => e.startsWith(`.${FOLDER}.old-${child.pid}`));
      assert.ok(complete || aside, `killed at ${ms} ms: ${entries.join(' ')}`);
    }
    assert.equal(run('build', SAMPLE, '-o', out, '--no-proof').status, 0);
    assert.deepEqual(readdirSync(out), [FOLDER], 'the next run cleaned every leftover');
    // Killed runs' temporary folders (browser profiles) are swept by the next run that needs one.
    assert.equal(run('build', SAMPLE, '-o', out).status, 0);
    const dead = readdirSync(tmpdir()).filter((d) => {
      const pid = Number(/^newsprint-run-(\d+)-/.exec(d)?.[1]);
      return pid && spawnSync('kill', ['-0', String(pid)]).status !== 0;
    });
    assert.deepEqual(dead, [], 'no temporary folder of a dead run left');
  },
);

test('a batch: a FIFO among the inputs and a 200-character section fail or build alone, never the whole batch', () => {
  const pages = join(dir, 'batch');
  mkdirSync(pages);
  writeFileSync(join(pages, 'a.txt'), generatePage(3, { articles: [3, 4] }).text);
  execFileSync('mkfifo', [join(pages, 'b.txt')]);
  const long = sample.replace(/政教专刊部主办/g, `${'长'.repeat(200)}部主办`);
  writeFileSync(join(pages, 'c.txt'), long);
  const r = run('build', pages, '-o', join(dir, 'batch-out'), '--no-proof', '-j', '2');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /b\.txt: is a FIFO/);
  assert.match(r.stderr, /2 built .*1 failed/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  for (const f of readdirSync(join(dir, 'batch-out'))) assert.ok(Buffer.byteLength(f) <= 200, f);
});

test('ordinary input is never a bug: an emoji or ESC in the masthead, an IPv6 URL, /etc/passwd', () => {
  const emoji = join(dir, 'emoji.txt');
  writeFileSync(emoji, sample.replace(/政教专刊部主办/g, '政教😀专刊部主办'));
  let r = run('build', emoji, '-o', join(dir, 'e'), '--no-proof');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /emoji\.txt: no font of the template has 😀/);
  const esc = join(dir, 'esc.txt');
  writeFileSync(esc, sample.replace(/政教专刊部主办/g, '政教\x1b[31m专刊部主办'));
  r = run('build', esc, '-o', join(dir, 'e'), '--no-proof');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\\x1b/);
  assert.doesNotMatch(r.stderr, /\x1b/, 'no raw ESC on the terminal');
  const ipv6 = join(dir, 'ipv6.txt');
  writeFileSync(ipv6, sample.replace('岚县人大常委会认真履行', '岚县人大常委会 http://[2001:db8::1]:8080/ 认真履行'));
  r = run('build', ipv6, '-o', join(dir, 'v6'), '--no-proof');
  assert.equal(r.status, 0, r.stderr);
  r = run('recover', '/etc/passwd');
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.doesNotMatch(r.stderr, /bug|internal error/);
});

test('text is not altered: only spaces touching Chinese text go', () => {
  const file = join(dir, 'scripts.txt');
  writeFileSync(file, sample.replace('岚县人大常委会认真履行', '岚县人大常委会 русский текст 与 A 12 B 34 认真履行'));
  const issue = JSON.parse(run('recover', file).stdout);
  const text = JSON.stringify(issue);
  assert.ok(text.includes('русский текст与A 12 B 34认真履行'), 'spaces between non-Chinese characters kept');
});

test('a layout.json with a string, NaN-making or infinite number is refused before rendering', () => {
  const layout = JSON.parse(readFileSync(join(folder, 'layout.json'), 'utf8'));
  const cases: Array<[string, (l: typeof layout) => void, RegExp]> = [
    ['string', (l) => (l.pages[0].boxes[0].lines[0].size = '9'), /lines\.0\.size must be a finite number/],
    ['huge', (l) => (l.pages[0].width = 1e7), /pages\.0\.width must be from 1 to/],
    ['xs', (l) => (l.pages[0].boxes[0].lines[0].xs[0] = null), /xs\.0 must be a finite number/],
  ];
  for (const [name, change, message] of cases) {
    const l = structuredClone(layout);
    change(l);
    const file = join(dir, `layout-${name}.json`);
    writeFileSync(file, JSON.stringify(l));
    const r = run('render', file, '-o', join(dir, `${name}.pdf`));
    assert.equal(r.status, 1, name);
    assert.match(r.stderr, message);
    assert.ok(!existsSync(join(dir, `${name}.pdf`)));
  }
  const inf = join(dir, 'layout-inf.json');
  writeFileSync(inf, readFileSync(join(folder, 'layout.json'), 'utf8').replace(/"width": [\d.]+/, '"width": 1e400'));
  const r = run('render', inf, '-o', join(dir, 'inf.pdf'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /must be a finite number/);
});
